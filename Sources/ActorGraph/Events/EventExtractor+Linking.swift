/// One event told twice becomes one; denials, investigations and reports link to
/// the events they are about.
extension EventExtractor {
    /// Two triggers of one type in a sentence whose roles agree are one event ("said in a statement").
    func mergeWithinSentence(_ events: [Event]) -> [Event] {
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
    func mergeCoreferent(_ events: [Event]) -> [Event] {
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

    func compatible(_ a: Event, _ b: Event) -> Bool {
        for argument in b.arguments {
            if let existing = a.actor(for: argument.role), existing != argument.actor { return false }
        }
        return true
    }


    static let definiteDeterminers: Set<String> = ["the", "this", "that"]
    static let linkTypes = ["deny": "denies", "reject": "denies", "investigate": "investigates"]
    static let claimTypes: Set<String> = ["accuse", "report", "surveil", "crime", "criticize"]

    /// Denials and investigations point at the claim they answer; reports at what they report.
    func link(_ events: [Event], empty: [Event], view: ClauseView) -> [EventLink] {
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
