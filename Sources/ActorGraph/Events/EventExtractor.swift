/// Finds events with the rules of a ``RuleSet``: trigger words, then the
/// actors around them, clause by clause, with no parser.
///
/// For each trigger the rule's slots fill its roles (see `Docs/RuleFormat.md`);
/// cue words set factuality; a sentence's statement or report attributes the
/// other events in it; time expressions attach to the nearest trigger before
/// them; denials and investigations link to the claims they answer.
public struct EventExtractor: Sendable {
    struct TriggerHit: Sendable, Hashable {
        enum Kind: UInt8, Sendable { case verb, noun, phrase }
        var rule: Int
        var kind: Kind
        var form: Inflector.VerbForm?
    }

    enum CompiledSlot: Sendable, Hashable {
        case subject, object, possessor, by
        case after([[UInt32]])
    }

    /// A class, though immutable: each trigger reads its rule, and a copy of
    /// the rule's strings and arrays would cost a reference count each.
    final class CompiledRule: Sendable {
        let rule: EventRule
        let type: EventType
        let slots: [(role: EventRole, slots: [CompiledSlot])]
        let requires: PhraseList
        let excludes: PhraseList

        init(rule: EventRule, type: EventType, slots: [(role: EventRole, slots: [CompiledSlot])], requires: PhraseList, excludes: PhraseList) {
            self.rule = rule
            self.type = type
            self.slots = slots
            self.requires = requires
            self.excludes = excludes
        }
    }

    let rules: [CompiledRule]
    let triggers: PhraseSet<TriggerHit>
    let cues: PhraseSet<Factuality>
    let agents: PhraseSet<String>
    /// The words the clause and slot rules compare tokens with; phrases are lists of their ids.
    let lexicon: EventLexicon
    /// ``responsePhrases`` and ``FunctionWords/complexPrepositions`` in lexicon ids.
    let responsePhraseIDs: [[UInt32]]
    let complexPrepositionIDs: [[UInt32]]
    let relations: RelationExtractor
    /// The forms of `triggers`, `cues`, `agents` and the relations' phrases, in that order (then, when
    /// shared, those of a resolver's titles, nominals and cues), and the lexicon's words.
    let phraseForms: PhraseForms
    /// Where this extractor's own sets, and a sharing resolver's, stand among the members of ``phraseForms``.
    static let ownForms = 0 ..< 4, resolverForms = 4 ..< 7
    let times = TimeExpressionFinder()

    /// Compiles the event rules of `rules`.
    /// - Throws: ``ActorGraphError`` if a trigger phrase cannot be tokenized.
    public init(rules: RuleSet) throws {
        try self.init(rules: rules, sharingFormsWith: nil)
    }

    /// Compiles the event rules of `rules`; with `resolver`, its phrase sets join
    /// ``phraseForms`` after this extractor's own, so that a document is looked up
    /// once for both (``Extractor``).
    init(rules: RuleSet, sharingFormsWith resolver: MentionResolver?) throws {
        let tokenizer = Tokenizer()
        func forms(_ phrase: String) throws -> [String] {
            let tokenized = try tokenizer.tokenize(phrase, splittingSentences: false)
            return tokenized.tokens.map { tokenized.folded($0) }
        }
        var lexicon = EventLexicon(boundaries: Set(rules.boundaries.map { $0.lowercased() }),
                                   lightVerbs: Set(FunctionWords.lightVerbs.flatMap { rules.inflector.verbForms($0).map(\.text) }))
        func phrase(_ text: String) throws -> [UInt32] { lexicon.phrase(try forms(text)) }
        var compiled: [CompiledRule] = []
        var triggers = PhraseSet<TriggerHit>.Builder()
        for rule in rules.eventRules {
            guard let type = rules.eventTypes[rule.type] else { continue }
            let index = compiled.count
            var slots: [(EventRole, [CompiledSlot])] = []
            for entry in rule.slots {
                slots.append((entry.role, try entry.slots.map { slot -> CompiledSlot in
                    switch slot {
                    case .subject: return .subject
                    case .object: return .object
                    case .possessor: return .possessor
                    case .by: return .by
                    case .after(let words): return .after(try words.map(phrase))
                    }
                }))
            }
            compiled.append(CompiledRule(rule: rule, type: type, slots: slots, requires: PhraseList(try rule.requires.map(phrase)),
                                         excludes: PhraseList(try rule.excludes.map(phrase))))
            for verb in rule.verbs {
                for (text, form) in rules.inflector.verbForms(verb.lowercased()) {
                    try triggers.add(text: text, payload: TriggerHit(rule: index, kind: .verb, form: form), tokenizer: tokenizer)
                }
            }
            for noun in rule.nouns {
                for text in rules.inflector.nounForms(noun.lowercased()) {
                    try triggers.add(text: text, payload: TriggerHit(rule: index, kind: .noun), tokenizer: tokenizer)
                }
            }
            for phrase in rule.phrases {
                try triggers.add(text: phrase, payload: TriggerHit(rule: index, kind: .phrase), tokenizer: tokenizer)
            }
        }
        self.rules = compiled
        self.triggers = triggers.build()
        var cues = PhraseSet<Factuality>.Builder()
        for (factuality, phrases) in rules.factualityCues {
            for phrase in phrases { try cues.add(text: phrase, payload: factuality, tokenizer: tokenizer) }
        }
        self.cues = cues.build()
        var agents = PhraseSet<String>.Builder()
        for (sector, nouns) in rules.agents {
            for noun in nouns { try agents.add(text: noun, payload: sector, tokenizer: tokenizer) }
        }
        self.agents = agents.build()
        responsePhraseIDs = Self.responsePhrases.map { lexicon.phrase($0) }
        lexicon.addFirstWords(of: responsePhraseIDs, as: .responseStart)
        complexPrepositionIDs = FunctionWords.complexPrepositions.map { lexicon.phrase($0) }
        relations = try RelationExtractor(rules: rules.relations)
        if let resolver {
            phraseForms = PhraseForms(self.triggers, self.cues, self.agents, relations.phrases, resolver.titles, resolver.nominals,
                                      resolver.cues, words: lexicon.allWords)
        } else {
            phraseForms = PhraseForms(self.triggers, self.cues, self.agents, relations.phrases, words: lexicon.allWords)
        }
        lexicon.bind(to: phraseForms)
        self.lexicon = lexicon
    }

    /// The events of a document whose actors are resolved.
    ///
    /// - Parameters:
    ///   - text: The tokenized document.
    ///   - actors: Its actors, from ``MentionResolver``; mentions outside the text are ignored.
    ///   - date: The document's date, for time expressions.
    /// - Returns: Events in trigger order, links between them, and relations
    ///   between actors that the text states.
    public func extract(from text: TokenizedText, actors: [Actor], date: Day?) -> (events: [Event], links: [EventLink], relations: [TextRelation]) {
        let lookup = phraseForms.lookUp(text)
        return extract(from: text, actors: actors, date: date, lookup: lookup, forms: phraseForms.translations(lookup, members: Self.ownForms))
    }

    /// ``extract(from:actors:date:)`` with the text looked up in ``phraseForms`` and translated for this extractor's own
    /// four sets, by whoever did it once for this extractor and a resolver (``Extractor``).
    func extract(from text: TokenizedText, actors: [Actor], date: Day?, lookup: PhraseForms.Lookup,
                 forms translations: [PhraseTranslation]) -> (events: [Event], links: [EventLink], relations: [TextRelation]) {
        let view = ClauseView(text: text, actors: actors, lexicon: lexicon, lookup: lookup, responsePhrases: responsePhraseIDs)
        let (triggerForms, cueForms, agentForms) = (translations[0], translations[1], translations[2])
        let timeStarts = view.timeStarts
        var candidates: [Event] = []
        var empty: [Event] = []        // triggers that found no actor: kept only as targets of links
        var repeated = RepeatedSentences(text)
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            if repeated.isRepeat(sentenceIndex) { continue }
            var found: [Event] = []
            let matches = triggerMatches(in: sentence.tokens, text: text, forms: triggerForms, view: view)
            // Finite-looking verb triggers: not a gerund, not after "to".
            let verbs = matches.compactMap { range, hits in
                hits.contains { $0.kind == .verb } && !hits.contains { $0.form == .gerund }
                    && (range.lowerBound == 0 || !view.is(.to, at: range.lowerBound - 1)) ? range.lowerBound : nil
            }
            for (range, hits) in matches {
                guard let event = makeEvent(range: range, hits: hits, sentence: sentenceIndex, sentenceRange: sentence.tokens,
                                            view: view, cueForms: cueForms, previous: found, verbs: verbs) else { continue }
                // "in retaliation for the attack": a definite noun with no actor may retell an earlier event.
                let retells = event.definite && answered(event.trigger, view: view)
                if event.arguments.isEmpty && !retells { empty.append(event) } else { found += splitConjuncts(event, view: view) }
            }
            attachSectors(to: &found, sentence: sentence.tokens, text: text, forms: agentForms)
            attachTimes(in: sentence.tokens, to: &found, text: text, date: date, view: view, timeStarts: timeStarts)
            candidates += mergeWithinSentence(found, view: view)
        }
        var events = mergeCoreferent(candidates, view: view)
        attribute(&events)
        for index in events.indices { events[index].id = "e\(index + 1)" }
        let links = link(events, empty: empty, view: view)
        return (events, links, relations.extract(from: view, forms: translations[3]))
    }

    // MARK: Triggers

    /// The leftmost-longest trigger matches of the sentence; hits are slices of the trigger set's payloads.
    func triggerMatches(in sentence: Range<Int>, text: TokenizedText, forms: PhraseTranslation, view: ClauseView) -> [(tokens: Range<Int>, value: ArraySlice<TriggerHit>)] {
        var matches: [(tokens: Range<Int>, value: ArraySlice<TriggerHit>)] = []
        triggers.forEachMatch(in: text.tokens, translated: forms, starts: sentence, limit: sentence.upperBound) { range, hits in
            // A trigger inside a name ("Reporters", "Security Council") is part of the name.
            guard !range.contains(where: { view.hasMention(at: $0) }) else { return }
            EntityMatcher.keepLeftmostLongest((range, hits), in: &matches)
        }
        return matches
    }

    /// "and", "but", "or": a verb after one shares the subject of the verb before it.
    static let coordinators = [EventLexicon.Word.and, .but, .or].map(\.rawValue)

    func makeEvent(range: Range<Int>, hits: ArraySlice<TriggerHit>, sentence: Int, sentenceRange: Range<Int>,
                           view: ClauseView, cueForms: PhraseTranslation, previous: [Event], verbs: [Int]) -> Event? {
        let clause = view.clauseRange(of: range.lowerBound)
        guard let hit = hits.first(where: { requirementsMet(rule: $0.rule, after: range, in: clause, view: view) }) else { return nil }
        let compiled = rules[hit.rule]
        let readings = hits.filter { $0.rule == hit.rule }
        let verb = readings.first { $0.kind == .verb }
        let nounReading = readings.contains { $0.kind == .noun }
        let nominalContext = isNominalUse(range.lowerBound, view: view, clause: clause)
        // "the visit" is a noun, "to visit" a verb; a gerund or phrase after a determiner is a noun too.
        let nominal = nounReading ? (verb == nil || nominalContext)
            : ((readings.contains { $0.form == .gerund } || hit.kind == .phrase) && nominalContext)
        let participle = readings.contains { $0.form == .pastParticiple }
            || (hit.kind == .phrase && view.has(.participleLooking, at: range.lowerBound))
        // "was targeted", or a participle with its agent right after it: "a ceremony hosted by Trump".
        let passive = !nominal && participle && (isPassive(range.lowerBound, view: view, clause: clause)
            || (range.upperBound < clause.upperBound && view.is(.by, at: range.upperBound)))
        // ", adding that …": a participle after a comma shares the subject of the verb before it;
        // so does a verb coordinated with it ("condemned … and called on …").
        let before = range.lowerBound > sentenceRange.lowerBound ? view.word(range.lowerBound - 1) : EventLexicon.unknown
        let sharesSubject = !nominal && ((readings.contains { $0.form == .gerund } && before == EventLexicon.Word.comma.rawValue)
            || (Self.coordinators.contains(before) && readings.contains { $0.kind == .verb }))
        let participleSubject = sharesSubject
            ? previous.last { $0.actor(for: .source) != nil && !$0.nominalTrigger }.flatMap { event in
                event.arguments.first { $0.role == .source }.flatMap { view.mention(at: $0.tokens.lowerBound) }
            } : nil
        // A verb's subject stands before it with no other verb between, unless it is
        // an infinitive ("agreed to investigate"), whose subject is the other verb's.
        let stopVerbs = before == EventLexicon.Word.to.rawValue || nominal || readings.contains { $0.form == .gerund } ? [] : verbs
        // "Russian-backed": the actor joined to the participle by a hyphen is its agent.
        let hyphenAgent: ClauseView.MentionRef? = range.lowerBound >= 2 && view.is(.hyphen, at: range.lowerBound - 1)
            && !view.text.tokens[range.lowerBound].flags.contains(.spaceBefore) ? view.mention(at: range.lowerBound - 2) : nil
        // "fly to Moscow for talks with Lavrov": a noun after "for" inherits the
        // source of the verb event right before it.
        let purposeSource: ClauseView.MentionRef? = nominal && precededByFor(range.lowerBound, view: view, clause: clause)
            ? previous.last.flatMap { event in
                event.nominalTrigger ? nil : event.arguments.first { $0.role == .source }.flatMap { view.mention(at: $0.tokens.lowerBound) }
            } : nil
        var arguments: [Event.Argument] = []
        var used: [Range<Int>] = []        // the mentions already given a role: a few, so a list
        if let agent = hyphenAgent ?? purposeSource, compiled.slots.contains(where: { $0.role == .source }) {
            arguments.append(Event.Argument(role: agent.type == .product ? .instrument : .source, actor: agent.actor, tokens: agent.tokens))
            used.append(agent.tokens)
        }
        for (role, slots) in compiled.slots where !arguments.contains(where: { $0.role == role }) {
            for slot in slots {
                let found = slot == .subject && participleSubject != nil ? participleSubject
                    : find(slot, trigger: range, clause: clause, nominal: nominal, passive: passive, view: view, used: used, verbs: stopVerbs)
                guard let ref = found else { continue }
                used.append(ref.tokens)
                var actualRole = role
                if role == .source && ref.type == .product { actualRole = .instrument }  // products do not act
                if arguments.contains(where: { $0.role == actualRole }) { break }
                arguments.append(Event.Argument(role: actualRole, actor: ref.actor, tokens: ref.tokens))
                break
            }
        }
        // "struck Gaza in retaliation for the attack on Sderot": the attack answered is not
        // the striker's; only an actor after the response phrase can be its source.
        if nominal, let phraseEnd = responsePhraseEnd(before: range, view: view) {
            arguments.removeAll { $0.role == .source && $0.tokens.lowerBound < phraseEnd }
        }
        // An actor does not act on itself here: "the EU agreed on its own package" has no target.
        if let source = arguments.first(where: { $0.role == .source }) {
            arguments.removeAll { $0.role != .source && $0.actor == source.actor }
        }
        arguments.sort { $0.role.order < $1.role.order }
        // "called for an inquiry": the inquiry is demanded, not held.
        let demandedByPrevious = nominal && precededByFor(range.lowerBound, view: view, clause: clause)
            && previous.last?.type.name == "demand"
        var factuality = demandedByPrevious ? .demanded : compiled.rule.factuality ?? .asserted
        if let cue = cue(before: range.lowerBound, clause: clause, view: view, forms: cueForms, nominal: nominal)
            ?? headlineInfinitive(range.lowerBound, view: view, clause: clause) {
            if cue == .negated || compiled.rule.factuality == nil { factuality = cue }
        }
        let hasSource = arguments.contains { $0.role == .source }
        let confidence = min(1.0, 0.5 + (hasSource ? 0.2 : 0) + (arguments.count >= 2 ? 0.2 : 0) + (nominal ? 0 : 0.1))
        return Event(id: "", type: compiled.type, trigger: range, sentence: sentence, arguments: arguments,
                     factuality: factuality, time: nil, attributedTo: nil, retellings: [], rule: compiled.rule.id,
                     confidence: (confidence * 100).rounded() / 100, nominalTrigger: nominal,
                     definite: nominal && range.lowerBound > 0 && view.has(.definite, at: range.lowerBound - 1))
    }

    /// The sector of each argument followed by an agent noun: "Israeli troops", "Iran's military".
    func attachSectors(to events: inout [Event], sentence: Range<Int>, text: TokenizedText, forms: PhraseTranslation) {
        guard !events.isEmpty else { return }
        var sectorAt: [Int: String] = [:]
        agents.forEachMatch(in: text.tokens, translated: forms, starts: sentence, limit: sentence.upperBound) { range, sectors in
            sectorAt[range.lowerBound] = sectors.first      // the longest match comes last and wins
        }
        guard !sectorAt.isEmpty else { return }
        for event in events.indices {
            for argument in events[event].arguments.indices {
                var next = events[event].arguments[argument].tokens.upperBound
                if next < sentence.upperBound, text.tokens[next].flags.contains(.possessive) { next += 1 }
                events[event].arguments[argument].sector = sectorAt[next]
            }
        }
    }

    /// One event per conjunct of its source and of its target: "Jordan and
    /// Britain agreed" is Jordan agreeing and Britain agreeing, as event data
    /// codes dyads.
    func splitConjuncts(_ event: Event, view: ClauseView) -> [Event] {
        func conjuncts(_ role: EventRole) -> [ClauseView.MentionRef?] {
            guard let argument = event.arguments.first(where: { $0.role == role }),
                  let ref = view.mention(at: argument.tokens.lowerBound) else { return [nil] }
            // Each actor once, and none that fills another role. Lists and roles are few: no sets.
            var kept: [ClauseView.MentionRef?] = []
            for conjunct in view.conjuncts(of: ref)
            where !event.arguments.contains(where: { $0.role != role && $0.actor == conjunct.actor })
                && !kept.contains(where: { $0?.actor == conjunct.actor }) {
                kept.append(conjunct)
            }
            return kept
        }
        let sources = conjuncts(.source), targets = conjuncts(.target)
        guard sources.count > 1 || targets.count > 1 else { return [event] }
        var events: [Event] = []
        for source in sources {
            for target in targets {
                if let source, let target, source.actor == target.actor { continue }
                var split = event
                split.arguments = event.arguments.map { argument in
                    var argument = argument
                    let replacement = argument.role == .source ? source : argument.role == .target ? target : nil
                    if let replacement {
                        argument.actor = replacement.actor
                        argument.tokens = replacement.tokens
                    }
                    return argument
                }
                events.append(split)
            }
        }
        return events
    }

    /// Whether a word the rule requires, and no word it excludes, stands in the trigger's clause: after it, or before it
    /// (a passive: "the agreement was signed").
    func requirementsMet(rule index: Int, after range: Range<Int>, in clause: Range<Int>, view: ClauseView) -> Bool {
        guard !rules[index].requires.isEmpty || !rules[index].excludes.isEmpty else { return true }
        let window = max(clause.lowerBound, range.lowerBound - 8) ..< min(clause.upperBound, range.upperBound + 12)
        return (rules[index].requires.isEmpty || rules[index].requires.occurs(startingIn: window, view: view, limit: clause.upperBound))
            && !rules[index].excludes.occurs(startingIn: window, view: view, limit: clause.upperBound)
    }

    /// Whether the words of `phrase` (lexicon ids) stand at `index`, ending by `limit`.
    func matches(_ phrase: [UInt32], at index: Int, view: ClauseView, limit: Int) -> Bool {
        guard index + phrase.count <= limit else { return false }
        for (offset, word) in phrase.enumerated() where view.word(index + offset) != word { return false }
        return true
    }

    /// A gerund used as a noun: a determiner stands before it in its phrase
    /// ("a national security meeting"), not across a plural noun ("many
    /// demonstrators chanted slogans criticising").
    func isNominalUse(_ index: Int, view: ClauseView, clause: Range<Int>) -> Bool {
        var position = index - 1
        while position >= clause.lowerBound && position >= index - 4 {
            if view.has(.determiner, at: position) { return true }
            if view.hasMention(at: position) || view.stopsPhrase(position) { return false }
            if view.has(.pluralLooking, at: position) { return false }
            position -= 1
        }
        return false
    }

    /// "Gantz to meet Parly": an infinitive right after its subject, the headline future.
    func headlineInfinitive(_ index: Int, view: ClauseView, clause: Range<Int>) -> Factuality? {
        guard index - 2 >= clause.lowerBound, view.is(.to, at: index - 1), let ref = view.mention(at: index - 2),
              ref.tokens.upperBound == index - 1 else { return nil }
        return .planned
    }

    /// "for (the) talks": "for" before a noun trigger, with only determiners between.
    func precededByFor(_ index: Int, view: ClauseView, clause: Range<Int>) -> Bool {
        var position = index - 1
        while position >= clause.lowerBound && position >= index - 3 {
            if view.is(.for, at: position) { return true }
            if !view.has(.determiner, at: position) && view.text.tokens[position].kind != .word { return false }
            if view.hasMention(at: position) { return false }
            position -= 1
        }
        return false
    }

    static func looksLikeParticiple(_ word: String) -> Bool {
        word.hasSuffix("ed") || word.hasSuffix("en")
    }

    /// A past participle after a form of "be": "was targeted".
    func isPassive(_ index: Int, view: ClauseView, clause: Range<Int>) -> Bool {
        var position = index - 1
        while position >= clause.lowerBound && position >= index - 3 {
            if view.has(.beForm, at: position) { return true }
            if !view.has(.adverb, at: position) { return false }
            position -= 1
        }
        return false
    }
}
