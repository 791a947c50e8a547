/// One document as the event rules see it: tokens, the actor mention over
/// each token, and the clause each token belongs to.
struct ClauseView {
    struct MentionRef: Hashable {
        var actor: Entity.ID
        var type: ActorType
        var via: MentionVia
        var tokens: Range<Int>
    }

    let text: TokenizedText
    private var owner: [Int32]            // token → index into refs, or -1
    private(set) var refs: [MentionRef] = []
    private var clause: [Int32]           // token → clause number

    init(text: TokenizedText, actors: [Actor], boundaries: Set<String>) {
        self.text = text
        owner = Array(repeating: -1, count: text.tokens.count)
        clause = Array(repeating: 0, count: text.tokens.count)
        for actor in actors {
            for mention in actor.mentions {
                let index = Int32(refs.count)
                refs.append(MentionRef(actor: actor.id, type: actor.type, via: mention.via, tokens: mention.tokens))
                for token in mention.tokens { owner[token] = index }
            }
        }
        var number: Int32 = 0
        for sentence in text.sentences {
            number += 1
            for index in sentence.tokens {
                let form = text.folded(text.tokens[index])
                // "as" starts a clause after a comma: ", as thousands of troops remained massed".
                let startsClause = form == ";" || (boundaries.contains(form) && owner[index] < 0)
                    || (form == "as" && index > sentence.tokens.lowerBound && text.folded(text.tokens[index - 1]) == ",")
                if startsClause { number += 1 }
                clause[index] = number
            }
        }
    }

    func form(_ index: Int) -> String { text.folded(text.tokens[index]) }

    func mention(at index: Int) -> MentionRef? {
        guard owner.indices.contains(index), owner[index] >= 0 else { return nil }
        return refs[Int(owner[index])]
    }

    func sameClause(_ a: Int, _ b: Int) -> Bool { clause[a] == clause[b] }

    /// The token range of the clause holding `index`, inside `sentence`.
    func clauseRange(of index: Int, in sentence: Range<Int>) -> Range<Int> {
        var start = index, end = index + 1
        while start > sentence.lowerBound && clause[start - 1] == clause[index] { start -= 1 }
        while end < sentence.upperBound && clause[end] == clause[index] { end += 1 }
        return start ..< end
    }

    /// Whether token `index` ends a noun phrase: punctuation (but a possessive or
    /// a hyphen), a preposition, an auxiliary, a conjunction.
    func stopsPhrase(_ index: Int) -> Bool {
        let token = text.tokens[index]
        if token.flags.contains(.possessive) { return false }
        if mention(at: index) != nil { return false }
        if token.kind == .punctuation {
            let form = form(index)
            return form != "-" && form != "'"
        }
        let form = form(index)
        return FunctionWords.prepositions.contains(form) || FunctionWords.auxiliaries.contains(form)
            || FunctionWords.conjunctions.contains(form)
    }

    /// The head actor of the noun phrase that starts at `start`: the last
    /// mention in it, preferring a name over a demonym ("French President
    /// Emmanuel Macron" → Macron). Looks at most `limit` tokens ahead.
    func headMention(from start: Int, before end: Int, limit: Int = 8) -> MentionRef? {
        var index = start
        var found: [MentionRef] = []
        while index < end && index < start + limit {
            if let ref = mention(at: index) {
                found.append(ref)
                index = ref.tokens.upperBound
                continue
            }
            if stopsPhrase(index) { break }
            index += 1
        }
        return found.last { $0.via != .demonym } ?? found.last
    }
}
