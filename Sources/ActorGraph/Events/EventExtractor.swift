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
        case after([[String]])
    }

    struct CompiledRule: Sendable {
        var rule: EventRule
        var type: EventType
        var slots: [(role: EventRole, slots: [CompiledSlot])]
        var requires: [[String]]
    }

    let rules: [CompiledRule]
    let triggers: PhraseSet<TriggerHit>
    let cues: PhraseSet<Factuality>
    let boundaries: Set<String>
    let lightVerbs: Set<String>
    let relations: RelationExtractor
    private let times = TimeExpressionFinder()

    /// Compiles the event rules of `rules`.
    /// - Throws: ``ActorGraphError`` if a trigger phrase cannot be tokenized.
    public init(rules: RuleSet) throws {
        let tokenizer = Tokenizer()
        func forms(_ phrase: String) throws -> [String] {
            let tokenized = try tokenizer.tokenize(phrase)
            return tokenized.tokens.map { tokenized.folded($0) }
        }
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
                    case .after(let words): return .after(try words.map(forms))
                    }
                }))
            }
            compiled.append(CompiledRule(rule: rule, type: type, slots: slots, requires: try rule.requires.map(forms)))
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
        boundaries = Set(rules.boundaries.map { $0.lowercased() })
        lightVerbs = Set(FunctionWords.lightVerbs.flatMap { rules.inflector.verbForms($0).map(\.text) })
        relations = try RelationExtractor(rules: rules.relations)
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
        let view = ClauseView(text: text, actors: actors, boundaries: boundaries)
        let triggerForms = triggers.translate(text)
        let cueForms = cues.translate(text)
        var candidates: [Event] = []
        var empty: [Event] = []        // triggers that found no actor: kept only as targets of links
        var seenSentences = Set<[FormID]>()
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            let key = sentence.tokens.map { text.tokens[$0].form }
            if key.count >= 3 && !seenSentences.insert(key).inserted { continue }   // a repeated caption
            var found: [Event] = []
            let matches = triggerMatches(in: sentence.tokens, text: text, forms: triggerForms, view: view)
            // Finite-looking verb triggers: not a gerund, not after "to".
            let verbs = Set(matches.filter { range, hits in
                hits.contains { $0.kind == .verb } && !hits.contains { $0.form == .gerund }
                    && (range.lowerBound == 0 || text.folded(text.tokens[range.lowerBound - 1]) != "to")
            }.map(\.0.lowerBound))
            for (range, hits) in matches {
                guard let event = makeEvent(range: range, hits: hits, sentence: sentenceIndex, sentenceRange: sentence.tokens,
                                            view: view, cueForms: cueForms, previous: found, verbs: verbs) else { continue }
                if event.arguments.isEmpty { empty.append(event) } else { found.append(event) }
            }
            attachTimes(in: sentence.tokens, to: &found, text: text, date: date, view: view)
            candidates += mergeWithinSentence(found)
        }
        var events = mergeCoreferent(candidates)
        attribute(&events)
        for index in events.indices { events[index].id = "e\(index + 1)" }
        let links = link(events, empty: empty, view: view)
        return (events, links, relations.extract(from: view))
    }

    // MARK: Triggers

    private func triggerMatches(in sentence: Range<Int>, text: TokenizedText, forms: [UInt32], view: ClauseView) -> [(Range<Int>, [TriggerHit])] {
        var matches: [(Range<Int>, [TriggerHit])] = []
        triggers.forEachMatch(in: text.tokens, translated: forms, starts: sentence, limit: sentence.upperBound) { range, hits in
            // A trigger inside a name ("Reporters", "Security Council") is part of the name.
            guard !range.contains(where: { view.mention(at: $0) != nil }) else { return }
            matches.append((range, Array(hits)))
        }
        return EntityMatcher.leftmostLongest(ranges: matches.map(\.0)).map { matches[$0] }
    }

    private func makeEvent(range: Range<Int>, hits: [TriggerHit], sentence: Int, sentenceRange: Range<Int>,
                           view: ClauseView, cueForms: [UInt32], previous: [Event], verbs: Set<Int>) -> Event? {
        let clause = view.clauseRange(of: range.lowerBound)
        guard let hit = hits.first(where: { requirementsMet(rules[$0.rule], after: range, in: clause, view: view) }) else { return nil }
        let compiled = rules[hit.rule]
        let readings = hits.filter { $0.rule == hit.rule }
        let verb = readings.first { $0.kind == .verb }
        let nounReading = readings.contains { $0.kind == .noun }
        let nominalContext = isNominalUse(range.lowerBound, view: view, clause: clause)
        // "the visit" is a noun, "to visit" a verb; a gerund or phrase after a determiner is a noun too.
        let nominal = nounReading ? (verb == nil || nominalContext)
            : ((readings.contains { $0.form == .gerund } || hit.kind == .phrase) && nominalContext)
        let participle = readings.contains { $0.form == .pastParticiple }
            || (hit.kind == .phrase && Self.looksLikeParticiple(view.form(range.lowerBound)))
        // "was targeted", or a participle with its agent right after it: "a ceremony hosted by Trump".
        let passive = !nominal && participle && (isPassive(range.lowerBound, view: view, clause: clause)
            || (range.upperBound < clause.upperBound && view.form(range.upperBound) == "by"))
        // ", adding that …": a participle after a comma shares the subject of the verb before it;
        // so does a verb coordinated with it ("condemned … and called on …").
        let before = range.lowerBound > sentenceRange.lowerBound ? view.form(range.lowerBound - 1) : ""
        let sharesSubject = !nominal && ((readings.contains { $0.form == .gerund } && before == ",")
            || ((before == "and" || before == "but" || before == "or") && readings.contains { $0.kind == .verb }))
        let participleSubject = sharesSubject
            ? previous.last { $0.actor(for: .source) != nil && !$0.nominalTrigger }.flatMap { event in
                event.arguments.first { $0.role == .source }.flatMap { view.mention(at: $0.tokens.lowerBound) }
            } : nil
        // A verb's subject stands before it with no other verb between, unless it is
        // an infinitive ("agreed to investigate"), whose subject is the other verb's.
        let stopVerbs = before == "to" || nominal || readings.contains { $0.form == .gerund } ? [] : verbs
        // "Russian-backed": the actor joined to the participle by a hyphen is its agent.
        let hyphenAgent: ClauseView.MentionRef? = range.lowerBound >= 2 && view.form(range.lowerBound - 1) == "-"
            && !view.text.tokens[range.lowerBound].flags.contains(.spaceBefore) ? view.mention(at: range.lowerBound - 2) : nil
        // "fly to Moscow for talks with Lavrov": a noun after "for" inherits the
        // source of the verb event right before it.
        let purposeSource: ClauseView.MentionRef? = nominal && precededByFor(range.lowerBound, view: view, clause: clause)
            ? previous.last.flatMap { event in
                event.nominalTrigger ? nil : event.arguments.first { $0.role == .source }.flatMap { view.mention(at: $0.tokens.lowerBound) }
            } : nil
        var arguments: [Event.Argument] = []
        var used = Set<Range<Int>>()
        if let agent = hyphenAgent ?? purposeSource, compiled.slots.contains(where: { $0.role == .source }) {
            arguments.append(Event.Argument(role: agent.type == .product ? .instrument : .source, actor: agent.actor, tokens: agent.tokens))
            used.insert(agent.tokens)
        }
        for (role, slots) in compiled.slots where !arguments.contains(where: { $0.role == role }) {
            for slot in slots {
                let found = slot == .subject && participleSubject != nil ? participleSubject
                    : find(slot, trigger: range, clause: clause, nominal: nominal, passive: passive, view: view, used: used, verbs: stopVerbs)
                guard let ref = found else { continue }
                used.insert(ref.tokens)
                var actualRole = role
                if role == .source && ref.type == .product { actualRole = .instrument }  // products do not act
                if arguments.contains(where: { $0.role == actualRole }) { break }
                arguments.append(Event.Argument(role: actualRole, actor: ref.actor, tokens: ref.tokens))
                break
            }
        }
        // An actor does not act on itself here: "the EU agreed on its own package" has no target.
        if let source = arguments.first(where: { $0.role == .source }) {
            arguments.removeAll { $0.role != .source && $0.actor == source.actor }
        }
        arguments.sort { $0.role.order < $1.role.order }
        var factuality = compiled.rule.factuality ?? .asserted
        if let cue = cue(before: range.lowerBound, clause: clause, view: view, forms: cueForms, nominal: nominal)
            ?? headlineInfinitive(range.lowerBound, view: view, clause: clause) {
            if cue == .negated || compiled.rule.factuality == nil { factuality = cue }
        }
        let hasSource = arguments.contains { $0.role == .source }
        let confidence = min(1.0, 0.5 + (hasSource ? 0.2 : 0) + (arguments.count >= 2 ? 0.2 : 0) + (nominal ? 0 : 0.1))
        return Event(id: "", type: compiled.type, trigger: range, sentence: sentence, arguments: arguments,
                     factuality: factuality, time: nil, attributedTo: nil, retellings: [], rule: compiled.rule.id,
                     confidence: (confidence * 100).rounded() / 100, nominalTrigger: nominal,
                     definite: nominal && range.lowerBound > 0 && Self.definiteDeterminers.contains(view.form(range.lowerBound - 1)))
    }

    /// Whether a word the rule requires stands in the trigger's clause: after it, or before it
    /// (a passive: "the agreement was signed").
    private func requirementsMet(_ rule: CompiledRule, after range: Range<Int>, in clause: Range<Int>, view: ClauseView) -> Bool {
        guard !rule.requires.isEmpty else { return true }
        let window = max(clause.lowerBound, range.lowerBound - 8) ..< min(clause.upperBound, range.upperBound + 12)
        return rule.requires.contains { phrase in window.contains { matches(phrase, at: $0, view: view, limit: clause.upperBound) } }
    }

    private func matches(_ phrase: [String], at index: Int, view: ClauseView, limit: Int) -> Bool {
        guard index + phrase.count <= limit else { return false }
        return phrase.enumerated().allSatisfy { view.form(index + $0.offset) == $0.element }
    }

    /// A gerund used as a noun: a determiner stands before it in its phrase
    /// ("a national security meeting"), not across a plural noun ("many
    /// demonstrators chanted slogans criticising").
    private func isNominalUse(_ index: Int, view: ClauseView, clause: Range<Int>) -> Bool {
        var position = index - 1
        while position >= clause.lowerBound && position >= index - 4 {
            let form = view.form(position)
            if FunctionWords.determiners.contains(form) { return true }
            if view.mention(at: position) != nil || view.stopsPhrase(position) { return false }
            if form.hasSuffix("s") && !form.hasSuffix("ss") && form != "'s" { return false }
            position -= 1
        }
        return false
    }

    /// "Gantz to meet Parly": an infinitive right after its subject, the headline future.
    private func headlineInfinitive(_ index: Int, view: ClauseView, clause: Range<Int>) -> Factuality? {
        guard index - 2 >= clause.lowerBound, view.form(index - 1) == "to", let ref = view.mention(at: index - 2),
              ref.tokens.upperBound == index - 1 else { return nil }
        return .planned
    }

    /// "for (the) talks": "for" before a noun trigger, with only determiners between.
    private func precededByFor(_ index: Int, view: ClauseView, clause: Range<Int>) -> Bool {
        var position = index - 1
        while position >= clause.lowerBound && position >= index - 3 {
            let form = view.form(position)
            if form == "for" { return true }
            if !FunctionWords.determiners.contains(form) && view.text.tokens[position].kind != .word { return false }
            if view.mention(at: position) != nil { return false }
            position -= 1
        }
        return false
    }

    static func looksLikeParticiple(_ word: String) -> Bool {
        word.hasSuffix("ed") || word.hasSuffix("en")
    }

    /// A past participle after a form of "be": "was targeted".
    private func isPassive(_ index: Int, view: ClauseView, clause: Range<Int>) -> Bool {
        var position = index - 1
        while position >= clause.lowerBound && position >= index - 3 {
            let form = view.form(position)
            if FunctionWords.beForms.contains(form) { return true }
            if !FunctionWords.adverbs.contains(form) { return false }
            position -= 1
        }
        return false
    }

    // MARK: Slots

    private func find(_ slot: CompiledSlot, trigger: Range<Int>, clause: Range<Int>, nominal: Bool, passive: Bool,
                      view: ClauseView, used: Set<Range<Int>>, verbs: Set<Int>) -> ClauseView.MentionRef? {
        var slot = slot
        if passive {
            if slot == .subject { slot = .by } else if slot == .object { slot = .subject }
        }
        let result: ClauseView.MentionRef?
        switch slot {
        case .subject:
            result = nominal ? (possessor(of: trigger, view: view) ?? lightVerbSubject(of: trigger, clause: clause, view: view))
                             : subject(before: trigger.lowerBound, clause: clause, view: view, verbs: verbs)
        case .object:
            if nominal {
                result = after([["of"]], trigger: trigger, clause: clause, view: view, used: used)
            } else {
                result = trigger.upperBound < clause.upperBound && !view.stopsPhrase(trigger.upperBound)
                    ? view.headMention(from: trigger.upperBound, before: clause.upperBound) : nil
            }
        case .possessor:
            // Only a noun has a possessor; before a verb the same actor is its subject.
            result = nominal ? possessor(of: trigger, view: view) : nil
        case .by:
            result = after([["by"]], trigger: trigger, clause: clause, view: view, used: used)
        case .after(let phrases):
            result = after(phrases, trigger: trigger, clause: clause, view: view, used: used)
        }
        guard let result, !used.contains(result.tokens) else { return nil }
        return result
    }

    /// The nearest actor before `index` in its clause that is not the object
    /// of a preposition ("the policy of Ynet News agrees" is not Ynet agreeing).
    /// A relative clause in between is skipped ("Amnesty, which has declared
    /// Navalny a prisoner, demanded"). With `verbs`, the search stops at another
    /// verb trigger: a verb's subject stands before it with no other verb between.
    private func subject(before index: Int, clause: Range<Int>, view: ClauseView, verbs: Set<Int> = []) -> ClauseView.MentionRef? {
        var position = index - 1
        let sentenceStart = view.text.sentences[view.text.sentence(containing: index)].tokens.lowerBound
        while position >= sentenceStart {
            let order = view.clauseOrder(position, relativeTo: min(index, view.text.tokens.count - 1))
            if order < 0 {
                // The relative clause's own subject is its antecedent: "Trump, who was impeached".
                let opener = position + 1
                guard FunctionWords.relativePronouns.contains(view.form(opener)), position >= sentenceStart,
                      view.form(position) == ",", position > sentenceStart, let antecedent = view.mention(at: position - 1),
                      antecedent.via != .demonym else { return nil }
                return antecedent
            }
            if order > 0 { position -= 1; continue }      // inside a nested relative clause
            if position != index && verbs.contains(position) { return nil }
            if let ref = view.mention(at: position) {
                if !isPrepositionalObject(ref, clause: clause, view: view) { return ref }
                position = ref.tokens.lowerBound - 1
                continue
            }
            position -= 1
        }
        return nil
    }

    /// Whether a preposition heads the phrase of `ref`: "on French President
    /// Emmanuel Macron", "in eastern Ukraine", "of Donetsk and Luhansk". A
    /// boundary word that opens the clause ("after Putin recognised") is a
    /// conjunction there, not a preposition.
    private func isPrepositionalObject(_ ref: ClauseView.MentionRef, clause: Range<Int>, view: ClauseView) -> Bool {
        var position = ref.tokens.lowerBound - 1
        var plainWords = 0
        while position >= clause.lowerBound {
            let token = view.text.tokens[position]
            let form = view.form(position)
            if FunctionWords.prepositions.contains(form) {
                if position == clause.lowerBound && boundaries.contains(form) { return false }
                // "Secretary of State Antony Blinken": an "of" between capitalized words is inside a name.
                if form == "of", position > clause.lowerBound, position + 1 < ref.tokens.lowerBound,
                   view.text.tokens[position - 1].flags.contains(.capitalized), view.text.tokens[position + 1].flags.contains(.capitalized) {
                    position -= 1
                    continue
                }
                // "thousands of Russian troops": the phrase after a quantity is the head.
                return !(form == "of" && position > clause.lowerBound && FunctionWords.quantities.contains(view.form(position - 1)))
            }
            if let other = view.mention(at: position) {
                guard other.via == .demonym || other.via == .title else { return false }
                position = other.tokens.lowerBound - 1
            } else if form == "and" || form == "or" {
                // A conjunct shares its phrase's preposition: "of Donetsk and Luhansk".
                guard position > clause.lowerBound, let before = view.mention(at: position - 1) else { return false }
                return isPrepositionalObject(before, clause: clause, view: view)
            } else if FunctionWords.determiners.contains(form) || (token.kind == .word && token.flags.contains(.capitalized)) {
                position -= 1
            } else if token.kind == .word && plainWords < 2 && !FunctionWords.auxiliaries.contains(form)
                        && !FunctionWords.conjunctions.contains(form) && !lightVerbs.contains(form) {
                plainWords += 1      // an adjective: "in eastern Ukraine"
                position -= 1
            } else {
                return false
            }
        }
        return false
    }

    /// "Gantz's trip", "Israeli strikes": the actor right before a noun trigger.
    private func possessor(of trigger: Range<Int>, view: ClauseView) -> ClauseView.MentionRef? {
        var position = trigger.lowerBound - 1
        guard position >= 0 else { return nil }
        if view.text.tokens[position].flags.contains(.possessive) { position -= 1 }
        guard position >= 0, let ref = view.mention(at: position), ref.tokens.upperBound == position + 1 else { return nil }
        return ref
    }

    /// The subject lent to a noun trigger by the verb before it: a light verb
    /// ("Macron called a national security meeting") or a form of *be* ("Macron's
    /// phone was on a list of targets").
    private func lightVerbSubject(of trigger: Range<Int>, clause: Range<Int>, view: ClauseView) -> ClauseView.MentionRef? {
        var position = trigger.lowerBound - 1
        while position >= clause.lowerBound && position >= trigger.lowerBound - 7 {
            let form = view.form(position)
            if lightVerbs.contains(form) || FunctionWords.beForms.contains(form) {
                return subject(before: position, clause: clause, view: view)
            }
            if position > clause.lowerBound && lightVerbs.contains(view.form(position - 1) + " " + form) {
                return subject(before: position - 1, clause: clause, view: view)
            }
            // Another verb's object is not this noun's: "set up a commission to investigate allegations".
            if view.mention(at: position) != nil || view.text.tokens[position].kind == .punctuation
                || FunctionWords.conjunctions.contains(form) || form == "to" { return nil }
            position -= 1
        }
        return nil
    }

    /// The first actor after one of `phrases`, which must begin within six
    /// words after the trigger, in its clause.
    private func after(_ phrases: [[String]], trigger: Range<Int>, clause: Range<Int>, view: ClauseView,
                       used: Set<Range<Int>>) -> ClauseView.MentionRef? {
        let end = min(clause.upperBound, trigger.upperBound + 6)
        var position = trigger.lowerBound + 1
        while position < end {
            for phrase in phrases where matches(phrase, at: position, view: view, limit: clause.upperBound)
                && !endsComplexPreposition(phrase, at: position, view: view) {
                if let ref = view.headMention(from: position + phrase.count, before: clause.upperBound), !used.contains(ref.tokens) { return ref }
            }
            position += 1
        }
        return nil
    }

    /// Whether `phrase` at `position` is only the tail of a longer preposition: the "of" of "on behalf of".
    private func endsComplexPreposition(_ phrase: [String], at position: Int, view: ClauseView) -> Bool {
        for complex in FunctionWords.complexPrepositions where complex.count > phrase.count && Array(complex.suffix(phrase.count)) == phrase {
            let start = position - (complex.count - phrase.count)
            if start >= 0 && matches(complex, at: start, view: view, limit: position + phrase.count) { return true }
        }
        return false
    }

    // MARK: Factuality, time, attribution

    /// The factuality cue ending nearest before the trigger, at most three words before it, in its clause.
    /// A noun takes only cues that can modify a noun ("possible surveillance"), not verbal ones ("to", "will").
    private func cue(before index: Int, clause: Range<Int>, view: ClauseView, forms: [UInt32], nominal: Bool) -> Factuality? {
        var best: (end: Int, factuality: Factuality)?
        let start = max(clause.lowerBound, index - 6)
        cues.forEachMatch(in: view.text.tokens, translated: forms, starts: start ..< index, limit: index) { range, payloads in
            guard index - range.upperBound <= 3, let factuality = payloads.first else { return }
            if nominal {
                let last = view.form(range.upperBound - 1)
                if last == "to" || FunctionWords.auxiliaries.contains(last) { return }
            }
            if range.upperBound >= (best?.end ?? Int.min) { best = (range.upperBound, factuality) }
        }
        return best?.factuality
    }

    /// Each time expression goes to the nearest trigger before it in its clause, else the nearest in the sentence.
    private func attachTimes(in sentence: Range<Int>, to events: inout [Event], text: TokenizedText, date: Day?, view: ClauseView) {
        guard !events.isEmpty else { return }
        for expression in times.find(in: text, tokens: sentence, date: date) {
            let start = expression.tokens.lowerBound
            // Events are in trigger order: find the last one whose trigger ends by `start`.
            var low = 0, high = events.count
            while low < high {
                let middle = (low + high) / 2
                if events[middle].trigger.upperBound <= start { low = middle + 1 } else { high = middle }
            }
            let before = low > 0 ? low - 1 : nil
            let after = low < events.count ? low : nil
            let chosen: Int?
            if let before, view.sameClause(events[before].trigger.lowerBound, start) {
                chosen = before
            } else {
                chosen = [before, after].compactMap { $0 }.min { abs(events[$0].trigger.lowerBound - start) < abs(events[$1].trigger.lowerBound - start) }
            }
            if let chosen, events[chosen].time == nil {
                var time = expression
                // "will fly to Moscow on Tuesday": the coming Tuesday, not the last one.
                if events[chosen].factuality == .planned, let weekday = time.weekday, let date {
                    time.value = TimeExpressionFinder.upcoming(weekday, from: date)
                }
                events[chosen].time = time
            }
        }
    }

    /// A statement or report with a source attributes the other events of its sentence.
    private func attribute(_ events: inout [Event]) {
        for indices in Self.bySentence(events).values {
            for index in indices where events[index].type.name == "statement" || events[index].type.name == "report" {
                guard let source = events[index].actor(for: .source) else { continue }
                for other in indices where other != index && events[other].attributedTo == nil && events[other].type.name != "statement" {
                    events[other].attributedTo = source
                    if events[other].factuality == .asserted { events[other].factuality = .reported }
                }
            }
        }
    }

    /// Event indices by sentence, each list in event order.
    private static func bySentence(_ events: [Event]) -> [Int: [Int]] {
        Dictionary(grouping: events.indices, by: { events[$0].sentence })
    }

    // MARK: Merging and links

    /// Two triggers of one type in a sentence whose roles agree are one event ("said in a statement").
    private func mergeWithinSentence(_ events: [Event]) -> [Event] {
        var result: [Event] = []
        var recentOfType: [String: [Int]] = [:]
        for event in events {
            // Among the last few events of its type: a sentence may list many.
            let recent = recentOfType[event.type.name, default: []]
            if let index = recent.first(where: { compatible(result[$0], event) }) {
                result[index].absorb(event)
            } else {
                result.append(event)
                recentOfType[event.type.name] = Array((recent + [result.count - 1]).suffix(8))
            }
        }
        return result
    }

    /// An event told again later is one event: a noun trigger with the same
    /// source ("Gantz's trip"), or a trigger with the same source and another
    /// role the same (a subheadline and its paragraph), as the last event of
    /// its type with that source; a noun after "the" with no actor of its own,
    /// as the last event of its type.
    private func mergeCoreferent(_ events: [Event]) -> [Event] {
        var result: [Event] = []
        var lastOfType: [String: Int] = [:]
        var lastOfTypeAndSource: [String: Int] = [:]
        for event in events {
            let source = event.actor(for: .source)
            let typeKey = event.type.name
            if event.definite, source == nil, let index = lastOfType[typeKey], compatible(result[index], event) {
                result[index].absorb(event)
                continue
            }
            if let source, let index = lastOfTypeAndSource[typeKey + "\u{1}" + source.rawValue], compatible(result[index], event) {
                let shared = event.arguments.contains { $0.role != .source && result[index].actor(for: $0.role) == $0.actor }
                if event.nominalTrigger || shared {
                    result[index].absorb(event)
                    continue
                }
            }
            result.append(event)
            lastOfType[typeKey] = result.count - 1
            if let source { lastOfTypeAndSource[typeKey + "\u{1}" + source.rawValue] = result.count - 1 }
        }
        return result
    }

    private func compatible(_ a: Event, _ b: Event) -> Bool {
        for argument in b.arguments {
            if let existing = a.actor(for: argument.role), existing != argument.actor { return false }
        }
        return true
    }


    private static let definiteDeterminers: Set<String> = ["the", "this", "that"]
    private static let linkTypes = ["deny": "denies", "reject": "denies", "investigate": "investigates"]
    private static let claimTypes: Set<String> = ["accuse", "report", "surveil", "crime", "criticize"]

    /// Denials and investigations point at the claim they answer; reports at what they report.
    private func link(_ events: [Event], empty: [Event], view: ClauseView) -> [EventLink] {
        var links: [EventLink] = []
        let sentences = Self.bySentence(events)
        let emptyBySentence = Dictionary(grouping: empty, by: \.sentence)
        let byTrigger = Dictionary(events.map { ($0.trigger.lowerBound, $0) }, uniquingKeysWith: { first, _ in first })
        var lastAccusation: Event?
        var lastClaim: Event?
        for event in events {
            defer {
                if event.type.name == "accuse" { lastAccusation = event }
                if Self.claimTypes.contains(event.type.name) { lastClaim = event }
            }
            if event.type.name == "report" {
                // What the report says follows it closely: "Le Monde reported that Macron's phone was …".
                for other in (sentences[event.sentence] ?? []).map({ events[$0] }) where other.trigger.lowerBound > event.trigger.upperBound
                    && other.trigger.lowerBound <= event.trigger.upperBound + 40 && view.sameClause(other.trigger.lowerBound, event.trigger.lowerBound)
                    && other.type.name != "statement" && other.type.name != "report" {
                    links.append(EventLink(type: "reports", source: event.id, target: other.id, sentence: event.sentence, rule: "link.report"))
                }
                continue
            }
            guard let type = Self.linkTypes[event.type.name] else { continue }
            let window = event.trigger.upperBound ..< event.trigger.upperBound + 5
            let sameSentence = (sentences[event.sentence] ?? []).map { events[$0] } + (emptyBySentence[event.sentence] ?? [])
            guard let inside = sameSentence.first(where: { window.contains($0.trigger.lowerBound) && Self.claimTypes.contains($0.type.name) }) else {
                continue
            }
            let target = inside.arguments.isEmpty ? (lastAccusation ?? lastClaim) : byTrigger[inside.trigger.lowerBound]
            if let target, target.id != event.id {
                links.append(EventLink(type: type, source: event.id, target: target.id, sentence: event.sentence, rule: "link.\(event.type.name)"))
            }
        }
        return links
    }
}
