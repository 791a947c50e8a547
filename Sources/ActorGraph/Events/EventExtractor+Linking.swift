/// One event told twice becomes one; denials, investigations and reports link to
/// the events they are about.
extension EventExtractor {
    /// Two triggers of one type in a sentence whose roles agree are one event ("said in a statement").
    func mergeWithinSentence(_ events: [Event], view: ClauseView) -> [Event] {
        guard events.count > 1 else { return events }   // most sentences: nothing to merge
        var result: [Event] = []
        var recentOfType: [String: [Int]] = [:]
        for event in events {
            // "struck Gaza in retaliation for the rocket attack": the attack answered is another event.
            if answered(event.trigger, view: view) {
                result.append(event)
                continue
            }
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
    func mergeCoreferent(_ events: [Event], view: ClauseView) -> [Event] {
        var result: [Event] = []
        var lastOfType: [String: Int] = [:]
        var lastOfTypeAndSource: [TypeAndSource: Int] = [:]
        lastOfType.reserveCapacity(events.count)
        lastOfTypeAndSource.reserveCapacity(events.count)
        for event in events {
            let source = event.actor(for: .source)
            let typeKey = event.type.name
            if answered(event.trigger, view: view) {
                // "in retaliation for the rocket attack": a definite noun tells the last event of its type
                // again, whatever actors the noun seemed to have; anything else answered is its own event.
                if event.definite, event.nominalTrigger,
                   let index = result.lastIndex(where: { $0.type.name == typeKey && $0.sentence < event.sentence }) {
                    var retelling = event
                    retelling.arguments = []
                    result[index].absorb(retelling)
                } else if !event.arguments.isEmpty {
                    result.append(event)
                    lastOfType[typeKey] = result.count - 1
                }
                continue
            }
            if event.definite, source == nil, let index = lastOfType[typeKey], compatible(result[index], event) {
                result[index].absorb(event)
                continue
            }
            if let source, let index = lastOfTypeAndSource[TypeAndSource(type: typeKey, source: source)], compatible(result[index], event) {
                let shared = event.arguments.contains { $0.role != .source && result[index].actor(for: $0.role) == $0.actor }
                if event.nominalTrigger || shared {
                    result[index].absorb(event)
                    continue
                }
            }
            result.append(event)
            lastOfType[typeKey] = result.count - 1
            if let source { lastOfTypeAndSource[TypeAndSource(type: typeKey, source: source)] = result.count - 1 }
        }
        return result
    }

    /// An event type and a source, as one key, without joining the strings.
    struct TypeAndSource: Hashable {
        let type: String
        let source: Entity.ID
    }

    func compatible(_ a: Event, _ b: Event) -> Bool {
        for argument in b.arguments {
            if let existing = a.actor(for: argument.role), existing != argument.actor { return false }
        }
        return true
    }


    static let definiteDeterminers: Set<String> = ["the", "this", "that"]
    /// A rejection links with `denies`, as it always has in actorgraph/1.
    static let linkTypes = ["deny": "denies", "reject": "denies", "investigate": "investigates"]
    static let claimTypes: Set<String> = ["accuse", "report", "surveil", "crime", "criticize"]
    /// What a rejection answers besides claims: a demand, a proposal, a threat.
    static let rejectedTypes: Set<String> = ["demand", "agree", "negotiate", "threaten", "sanction"]
    /// Phrases that make an event a response to the event named after them.
    static let responsePhrases: [[String]] = [
        ["in", "response", "to"], ["in", "retaliation", "for"], ["in", "reprisal", "for"], ["responding", "to"],
        ["retaliating", "for"], ["in", "revenge", "for"], ["in", "reaction", "to"],
    ]

    /// Denials, rejections and investigations point at the claim or demand they
    /// answer; reports at what they report; a response ("in retaliation for the
    /// attack") at the event it responds to.
    func link(_ events: [Event], empty: [Event], view: ClauseView) -> [EventLink] {
        var links = responses(events, empty: empty, view: view)
        let sentences = Self.bySentence(events)
        // Indices, not copies of the events: an event holds many references.
        var lastAccusation: Int?
        var lastClaim: Int?
        for (position, event) in events.enumerated() {
            defer {
                if event.type.name == "accuse" { lastAccusation = position }
                if Self.claimTypes.contains(event.type.name) { lastClaim = position }
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
            // Denials and investigations are few: their neighbours are looked for when one occurs, not indexed beforehand.
            let sameSentence = (sentences[event.sentence] ?? []).map { events[$0] } + empty.filter { $0.sentence == event.sentence }
            let answered = event.type.name == "reject" ? Self.claimTypes.union(Self.rejectedTypes) : Self.claimTypes
            guard let inside = sameSentence.first(where: { window.contains($0.trigger.lowerBound) && answered.contains($0.type.name) }) else {
                continue
            }
            // "rejected the demand": the last demand told before; "denied the claims": the last claim.
            let earlierOfType = events.lastIndex { $0.type.name == inside.type.name && $0.trigger.lowerBound < event.trigger.lowerBound }
            let target = inside.arguments.isEmpty ? (earlierOfType ?? lastAccusation ?? lastClaim)
                : events.firstIndex { $0.trigger.lowerBound == inside.trigger.lowerBound }
            if let target, events[target].id != event.id {
                links.append(EventLink(type: type, source: event.id, target: events[target].id, sentence: event.sentence, rule: "link.\(event.type.name)"))
            }
        }
        return links
    }

    /// Whether a trigger follows a response phrase closely: "in retaliation for the rocket attack".
    func answered(_ trigger: Range<Int>, view: ClauseView) -> Bool {
        responsePhraseEnd(before: trigger, view: view) != nil
    }

    /// The end of a response phrase less than five tokens before the trigger, if any:
    /// one that starts at most eight tokens before it, in its sentence.
    func responsePhraseEnd(before trigger: Range<Int>, view: ClauseView) -> Int? {
        guard !view.responses.isEmpty else { return nil }
        let sentence = view.text.sentences[view.text.sentence(containing: trigger.lowerBound)].tokens
        let earliest = max(sentence.lowerBound, trigger.lowerBound - 8)
        // The first phrase starting at `earliest` or later, by binary search.
        var low = 0, high = view.responses.count
        while low < high {
            let middle = (low + high) / 2
            if view.responses[middle].lowerBound < earliest { low = middle + 1 } else { high = middle }
        }
        for phrase in view.responses[low...] {
            guard phrase.lowerBound < trigger.lowerBound else { break }
            if phrase.upperBound <= trigger.lowerBound && trigger.lowerBound - phrase.upperBound < 5 { return phrase.upperBound }
        }
        return nil
    }

    /// "Israel struck Gaza in retaliation for the rocket attack": the strike
    /// responds to the attack, the event told after the phrase (or, for "the
    /// attack" with no actor of its own, the last event of its type before).
    func responses(_ events: [Event], empty: [Event], view: ClauseView) -> [EventLink] {
        guard !view.responses.isEmpty else { return [] }
        // Indexed once, so that each phrase reads only the events of its sentence, and of its
        // type before it: in a text full of responses, each must not walk every event.
        let bySentence = Self.bySentence(events)
        let all = events + empty
        var tellings: [Int: [Int]] = [:]        // sentence → positions in `all` with a trigger or retelling there
        for (position, event) in all.enumerated() {
            for sentence in [event.sentence] + event.retellings.map(\.sentence) where tellings[sentence]?.last != position {
                tellings[sentence, default: []].append(position)
            }
        }
        var byType: [String: [Int]] = [:]       // type → positions in `events`, in trigger order as the events
        for (position, event) in events.enumerated() { byType[event.type.name, default: []].append(position) }
        /// The last event of `type` whose trigger starts before `start`, other than the event `excluded`.
        func last(of type: String, before start: Int, excluded: String) -> Event? {
            guard let list = byType[type] else { return nil }
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if events[list[middle]].trigger.lowerBound < start { low = middle + 1 } else { high = middle }
            }
            for position in list[..<low].reversed() where events[position].id != excluded { return events[position] }
            return nil
        }
        var links: [EventLink] = []
        var after = 0        // a phrase inside the one before is passed over
        for phrase in view.responses where phrase.lowerBound >= after {
            let sentence = view.text.sentence(containing: phrase.lowerBound)
            guard let own = bySentence[sentence] else { continue }
            let index = phrase.lowerBound
            after = phrase.upperBound
            let window = after ..< after + 5
            let told = (tellings[sentence] ?? []).lazy.map { all[$0] }.first { event in
                ([Trigger(tokens: event.trigger, sentence: event.sentence)] + event.retellings).contains {
                    $0.sentence == sentence && window.contains($0.tokens.lowerBound)
                }
            }
            let responder = own.lazy.map { events[$0] }.filter { !window.contains($0.trigger.lowerBound)
                && view.sameClause($0.trigger.lowerBound, index) && $0.type.name != "statement" && $0.type.name != "report" }
                .min { abs($0.trigger.lowerBound - index) < abs($1.trigger.lowerBound - index) }
            if let told, let responder {
                let target = told.arguments.isEmpty && told.id.isEmpty
                    ? last(of: told.type.name, before: told.trigger.lowerBound, excluded: responder.id)
                    : told
                if let target, target.id != responder.id {
                    links.append(EventLink(type: "responds-to", source: responder.id, target: target.id, sentence: sentence, rule: "link.response"))
                }
            }
        }
        return links
    }
}
