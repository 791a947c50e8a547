/// One document as the event rules see it: tokens, the actor mention over
/// each token, and the clause each token belongs to.
///
/// A class, though immutable: every rule reads the same view, and the
/// closures that read it capture one reference rather than copying its arrays.
final class ClauseView {
    struct MentionRef: Hashable {
        var actor: Entity.ID
        var type: ActorType
        var via: MentionVia
        var tokens: Range<Int>
    }

    let text: TokenizedText
    let lexicon: EventLexicon
    private let wordIDs: [UInt32]          // form id → lexicon id, or EventLexicon.unknown
    private let wordClasses: [EventLexicon.Classes]   // form id → classes
    private let owner: [Int32]            // token → index into refs, or -1
    let refs: [MentionRef]
    private let clause: [Int32]           // token → clause number
    private let runStart: [Int32]         // token → first token of its clause run
    private let runEnd: [Int32]           // token → one past the last token of its clause run
    /// The response phrases ("in retaliation for") of the text, by start: at
    /// each token, the first of the phrases that stands there, if any; none
    /// crosses a sentence end.
    let responses: [Range<Int>]

    /// The view of `text`, whose forms `lookup` holds as the union `lexicon` is bound to knows them;
    /// `responsePhrases` are phrases of lexicon ids whose first words the lexicon classes as `responseStart`.
    init(text: TokenizedText, actors: [Actor], lexicon: EventLexicon, lookup: PhraseForms.Lookup, responsePhrases: [[UInt32]]) {
        self.text = text
        self.lexicon = lexicon
        let (wordIDs, wordClasses) = lexicon.lookUp(text, lookup)
        self.wordIDs = wordIDs
        self.wordClasses = wordClasses
        func `is`(_ word: UInt32, at index: Int) -> Bool {
            wordIDs[Int(text.tokens[index].form.rawValue)] == word
        }
        var owner = Array(repeating: Int32(-1), count: text.tokens.count)
        var refs: [MentionRef] = []
        for actor in actors {
            for mention in actor.mentions where mention.tokens.lowerBound >= 0 && mention.tokens.upperBound <= text.tokens.count {
                let index = Int32(refs.count)
                refs.append(MentionRef(actor: actor.id, type: actor.type, via: mention.via, tokens: mention.tokens))
                for token in mention.tokens { owner[token] = index }
            }
        }
        self.owner = owner
        self.refs = refs
        // Clauses are numbered in text order. A relative clause set off by a
        // comma (", which has declared Navalny a prisoner of conscience,") is
        // nested: after its closing comma the outer clause, and its number, go on.
        var clause = Array(repeating: Int32(0), count: text.tokens.count)
        var number: Int32 = 0
        // Response phrases are found in the same pass: few texts have one, so a token is tested for a first word only.
        var responses: [Range<Int>] = []
        let tokens = text.tokens
        for sentence in text.sentences {
            number += 1
            var current = number
            var outer: Int32?
            // Each token's word and classes are read once; the loop keeps the previous token's.
            var previous: (word: UInt32, classes: EventLexicon.Classes) = (EventLexicon.unknown, [])
            for index in sentence.tokens {
                let form = Int(tokens[index].form.rawValue)
                let word = wordIDs[form], classes = wordClasses[form]
                if classes.contains(.responseStart), let phrase = responsePhrases.first(where: { phrase in
                    index + phrase.count <= sentence.tokens.upperBound && phrase.indices.allSatisfy { `is`(phrase[$0], at: index + $0) }
                }) {
                    responses.append(index ..< index + phrase.count)
                }
                let afterComma = index > sentence.tokens.lowerBound && previous.word == EventLexicon.Word.comma.rawValue
                if word == EventLexicon.Word.semicolon.rawValue || (classes.contains(.boundary) && owner[index] < 0)
                    || (word == EventLexicon.Word.as.rawValue && afterComma) {
                    number += 1
                    if afterComma && outer == nil && classes.contains(.relativePronoun) { outer = current }
                    current = number
                }
                clause[index] = current
                if word == EventLexicon.Word.comma.rawValue, let resumed = outer, index > sentence.tokens.lowerBound, clause[index - 1] == current,
                   !previous.classes.contains(.relativePronoun) {
                    current = resumed
                    outer = nil
                }
                previous = (word, classes)
            }
        }
        self.clause = clause
        // Runs of equal clause numbers inside each sentence, for constant-time clause ranges.
        var runStart = Array(repeating: Int32(0), count: clause.count)
        var runEnd = Array(repeating: Int32(0), count: clause.count)
        for sentence in text.sentences {
            var start = sentence.tokens.lowerBound
            for index in sentence.tokens {
                if index > start && clause[index] != clause[index - 1] { start = index }
                runStart[index] = Int32(start)
            }
            var end = sentence.tokens.upperBound
            for index in sentence.tokens.reversed() {
                if index + 1 < end && clause[index] != clause[index + 1] { end = index + 1 }
                runEnd[index] = Int32(end)
            }
        }
        self.runStart = runStart
        self.runEnd = runEnd
        self.responses = responses
    }

    func form(_ index: Int) -> String { text.folded(text.tokens[index]) }

    /// The lexicon id of token `index`'s form, or ``EventLexicon/unknown``.
    func word(_ index: Int) -> UInt32 { wordIDs[Int(text.tokens[index].form.rawValue)] }

    /// Whether token `index` is `word`.
    func `is`(_ word: EventLexicon.Word, at index: Int) -> Bool { self.word(index) == word.rawValue }

    /// Whether tokens `index - 1` and `index`, a space between them, are a light verb: "carried out".
    func isTwoWordLightVerb(endingAt index: Int) -> Bool {
        // A light verb of two words has one space, so only these two forms can make it;
        // ASCII forms are equal as strings exactly when their bytes, and so their ids, are.
        if wordClasses[Int(text.tokens[index - 1].form.rawValue)].contains(.ascii),
           wordClasses[Int(text.tokens[index].form.rawValue)].contains(.ascii),
           let found = lexicon.isLightVerb(word(index - 1), word(index)) {
            return found
        }
        return lexicon.lightVerbs.contains(form(index - 1) + " " + form(index))
    }

    /// Whether each form of the text (by form id) may begin a time expression:
    /// ``TimeExpressionFinder/possibleStarts(in:)``, read from the classes.
    var timeStarts: [Bool] { wordClasses.map { $0.contains(.timeStart) } }

    /// Whether token `index` is of any of `classes`.
    func has(_ classes: EventLexicon.Classes, at index: Int) -> Bool {
        !wordClasses[Int(text.tokens[index].form.rawValue)].isDisjoint(with: classes)
    }

    func mention(at index: Int) -> MentionRef? {
        guard owner.indices.contains(index), owner[index] >= 0 else { return nil }
        return refs[Int(owner[index])]
    }

    /// Whether an actor mention covers token `index`: ``mention(at:)`` without copying the mention.
    func hasMention(at index: Int) -> Bool {
        owner.indices.contains(index) && owner[index] >= 0
    }

    func sameClause(_ a: Int, _ b: Int) -> Bool { clause[a] == clause[b] }

    /// How token `index` stands to the clause numbered like token `reference`:
    /// the same clause, one nested in it after it began (a relative clause),
    /// or an earlier clause.
    func clauseOrder(_ index: Int, relativeTo reference: Int) -> Int32 { clause[index] - clause[reference] }

    /// The token range of the run of the clause that holds `index` (a relative
    /// clause nested in a clause splits it into two runs).
    func clauseRange(of index: Int) -> Range<Int> {
        Int(runStart[index]) ..< Int(runEnd[index])
    }

    /// The actors coordinated with `ref`, in text order, `ref` among them:
    /// "Jordan and Britain", "the United States, Japan and South Korea",
    /// "Israeli and Palestinian". A list needs an "and" or "or": "Gantz,
    /// Israel's defense minister" is an apposition, not a list.
    func conjuncts(of ref: MentionRef) -> [MentionRef] {
        func joinable(_ other: MentionRef) -> Bool {
            guard sameClause(other.tokens.lowerBound, ref.tokens.lowerBound) else { return false }
            if (other.via == .demonym) != (ref.via == .demonym) { return false }
            return Self.listGroup(of: other.type) != nil && Self.listGroup(of: other.type) == Self.listGroup(of: ref.type)
        }
        /// The separator between two conjuncts that ends before `index` or starts at it: ",", "and", ", and", "or".
        func separator(endingAt end: Int) -> (start: Int, coordinates: Bool)? {
            guard end > 0 else { return nil }
            if self.is(.and, at: end - 1) || self.is(.or, at: end - 1) || self.is(.ampersand, at: end - 1) {
                return (end >= 2 && self.is(.comma, at: end - 2) ? end - 2 : end - 1, true)
            }
            return self.is(.comma, at: end - 1) ? (end - 1, false) : nil
        }
        var chain = [ref]
        var coordinated = false
        var start = ref.tokens.lowerBound
        while let (separatorStart, coordinates) = separator(endingAt: start), separatorStart > 0,
              let previous = mention(at: separatorStart - 1), previous.tokens.upperBound == separatorStart, joinable(previous),
              !text.tokens[previous.tokens.upperBound].flags.contains(.possessive) {
            chain.insert(previous, at: 0)
            coordinated = coordinated || coordinates
            start = previous.tokens.lowerBound
        }
        var end = ref.tokens.upperBound
        while end < text.tokens.count, !text.tokens[end].flags.contains(.possessive) {
            var next = end
            var coordinates = false
            if self.is(.comma, at: next) { next += 1 }
            if next < text.tokens.count, self.is(.and, at: next) || self.is(.or, at: next) || self.is(.ampersand, at: next) {
                next += 1
                coordinates = true
            }
            guard next > end, next < text.tokens.count, let following = mention(at: next), following.tokens.lowerBound == next,
                  joinable(following) else { break }
            chain.append(following)
            coordinated = coordinated || coordinates
            end = following.tokens.upperBound
        }
        guard coordinated, chain.count > 1 else { return [ref] }
        // A possessive after the last conjunct makes the list a possessor phrase, not actors.
        if end < text.tokens.count, text.tokens[end].flags.contains(.possessive) { return [ref] }
        return chain
    }

    /// The kinds of actor that can stand in one list together: people; countries,
    /// organizations and groups; cities and places. Products are in no list.
    static func listGroup(of type: ActorType) -> Int? {
        switch type {
        case .person: 0
        case .country, .organization, .group: 1
        case .city, .place: 2
        case .product: nil
        }
    }

    /// Whether token `index` ends a noun phrase: punctuation (but a possessive or
    /// a hyphen), a preposition, an auxiliary, a conjunction.
    func stopsPhrase(_ index: Int) -> Bool {
        let token = text.tokens[index]
        if token.flags.contains(.possessive) { return false }
        if hasMention(at: index) { return false }
        if token.kind == .punctuation {
            return !self.is(.hyphen, at: index) && !self.is(.apostrophe, at: index)
        }
        return has([.preposition, .auxiliary, .conjunction], at: index)
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
