/// Which sentences of a document repeat an earlier one word for word: a
/// caption or a sign-off printed twice, whose events are counted once.
///
/// Sentences are found by a fingerprint of all their forms in an
/// open-addressing table, and compared in full only when fingerprints meet.
/// (A fingerprint of the first few forms alone would make sentences that
/// begin alike, "Hamas fired rockets at …", meet again and again: time
/// quadratic in their number.)
struct RepeatedSentences {
    /// Sentences shorter than this are never repeats ("He said.").
    static let shortest = 3
    private let text: TokenizedText
    private var slots: [Int32]        // 0 = empty, else a sentence index + 1
    private let mask: Int

    init(_ text: TokenizedText) {
        self.text = text
        var capacity = 16
        while capacity < text.sentences.count * 2 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Whether sentence `index` repeats an earlier sentence given to this; if not, it is noted.
    mutating func isRepeat(_ index: Int) -> Bool {
        let tokens = text.sentences[index].tokens
        guard tokens.count >= Self.shortest else { return false }
        var slot = fingerprint(tokens) & mask
        while slots[slot] != 0 {
            let other = text.sentences[Int(slots[slot]) - 1].tokens
            if sameForms(tokens, other) { return true }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(index + 1)
        return false
    }

    private func fingerprint(_ tokens: Range<Int>) -> Int {
        var hash = UInt64(tokens.count) &* 0x9E37_79B9_7F4A_7C15
        for index in tokens {
            hash = (hash ^ UInt64(text.tokens[index].form.rawValue)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    private func sameForms(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where text.tokens[x].form != text.tokens[y].form { return false }
        return true
    }
}
