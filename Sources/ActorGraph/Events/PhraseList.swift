/// Phrases in ``EventLexicon`` ids (a rule's `requires` or `excludes`), with
/// the set of their first words, so that looking for any of them near a
/// trigger tests one bit per token and compares phrases only where one may start.
struct PhraseList: Sendable {
    let phrases: [[UInt32]]
    /// Bit `id` is set when a phrase starts with the word `id`.
    private let firstWords: [UInt64]
    /// Whether a phrase has no word, and so stands at any position.
    private let hasEmptyPhrase: Bool

    init(_ phrases: [[UInt32]]) {
        self.phrases = phrases
        var bits = [UInt64](repeating: 0, count: (Int(phrases.compactMap(\.first).max() ?? 0) >> 6) + 1)
        for case let first? in phrases.map(\.first) { bits[Int(first >> 6)] |= 1 << (first & 63) }
        firstWords = bits
        hasEmptyPhrase = phrases.contains { $0.isEmpty }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// Whether one of the phrases starts at a position in `starts` and ends by `limit`.
    func occurs(startingIn starts: Range<Int>, view: ClauseView, limit: Int) -> Bool {
        if hasEmptyPhrase && starts.contains(where: { $0 <= limit }) { return true }
        for position in starts {
            let word = view.word(position)
            guard Int(word >> 6) < firstWords.count, firstWords[Int(word >> 6)] & (1 << (word & 63)) != 0 else { continue }
            for phrase in phrases where phrase.first == word && position + phrase.count <= limit {
                var offset = 1
                while offset < phrase.count && view.word(position + offset) == phrase[offset] { offset += 1 }
                if offset == phrase.count { return true }
            }
        }
        return false
    }
}
