/// Finds relations between actors that the text states, with the patterns of
/// `relation` rules: "malware created by NSO", "NSO, whose Pegasus malware".
struct RelationExtractor: Sendable {
    let rules: [RelationRule]
    let phrases: PhraseSet<Int>

    init(rules: [RelationRule]) throws {
        self.rules = rules
        let tokenizer = Tokenizer()
        var phrases = PhraseSet<Int>.Builder()
        for (index, rule) in rules.enumerated() {
            for phrase in rule.phrases { try phrases.add(text: phrase, payload: index, tokenizer: tokenizer) }
        }
        self.phrases = phrases.build()
    }

    /// The relations of the document of `view`, whose forms `forms` translates for ``phrases``.
    func extract(from view: ClauseView, forms: PhraseTranslation) -> [TextRelation] {
        let text = view.text
        var found: [TextRelation] = []
        var seen = Set<[String]>()
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            // The phrases first, then the actors around them: a closure that called this
            // extractor's methods would copy it for each sentence.
            var matches: [(range: Range<Int>, rules: [Int])] = []
            phrases.forEachMatch(in: text.tokens, translated: forms, starts: sentence.tokens, limit: sentence.tokens.upperBound) { range, payloads in
                matches.append((range, Array(payloads)))
            }
            for (range, payloads) in matches {
                guard let before = actor(before: range.lowerBound, in: sentence.tokens, view: view),
                      range.upperBound < sentence.tokens.upperBound,
                      let after = view.headMention(from: range.upperBound, before: sentence.tokens.upperBound, limit: 6) else { continue }
                for index in payloads {
                    let rule = rules[index]
                    let (source, target) = rule.source == .before ? (before, after) : (after, before)
                    guard source.actor != target.actor,
                          rule.sourceType.map({ $0 == source.type }) ?? true,
                          rule.targetType.map({ $0 == target.type }) ?? true,
                          seen.insert([rule.type, source.actor.rawValue, target.actor.rawValue]).inserted else { continue }
                    found.append(TextRelation(type: rule.type, source: source.actor, target: target.actor,
                                              sentence: sentenceIndex, tokens: range, rule: rule.id))
                    break
                }
            }
        }
        return found
    }

    /// The actor whose phrase ends just before `index` (a comma may stand between).
    private func actor(before index: Int, in sentence: Range<Int>, view: ClauseView) -> ClauseView.MentionRef? {
        var position = index - 1
        if position >= sentence.lowerBound && view.is(.comma, at: position) { position -= 1 }
        var steps = 0
        while position >= sentence.lowerBound && steps < 4 {
            if let ref = view.mention(at: position) { return ref }
            if view.stopsPhrase(position) { return nil }
            position -= 1
            steps += 1
        }
        return nil
    }
}
