import ActorGraph

/// A graph as a person reads it: actors, events, relations, one per line.
struct TextSummary {
    let graph: ArticleGraph

    /// Text on one line: line breaks inside a span become spaces.
    private func flat(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    func render() -> String {
        var lines: [String] = []
        let names = Dictionary(graph.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let header = [graph.document.id.map(flat), graph.document.date.map { "dated \($0)" }].compactMap { $0 }.joined(separator: ", ")
        lines.append("\(header.isEmpty ? "document" : header): " + [counted(graph.actors.count, "actor"), counted(graph.events.count, "event"), counted(graph.relations.count, "relation")].joined(separator: ", "))
        if !graph.actors.isEmpty {
            lines.append("")
            lines.append("Actors")
            for actor in graph.actors {
                let type = actor.subtype.map { "\(actor.type.rawValue)/\($0)" } ?? actor.type.rawValue
                let origin = actor.origin == .discovered ? ", discovered" : ""
                let texts = Array(Set(actor.mentions.map { flat($0.text) })).sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                lines.append("  \(actor.name) (\(type)\(origin)) ×\(actor.mentions.count): \(texts)")
            }
        }
        if !graph.events.isEmpty {
            lines.append("")
            lines.append("Events")
            for event in graph.events {
                let roles = event.roles.map { "\($0.role.rawValue) \(names[$0.actor] ?? $0.actor)" }.joined(separator: ", ")
                var line = "  \(event.id) \(event.type) \"\(flat(event.trigger.text))\" [\(event.factuality.rawValue)]"
                if !roles.isEmpty { line += ": \(roles)" }
                if let time = event.time { line += "; when \"\(flat(time.text))\"" + (time.value.map { " = \($0)" } ?? "") }
                if let source = event.attributedTo { line += "; according to \(names[source] ?? source)" }
                line += "  (sentence \(event.trigger.sentence), rule \(event.rule))"
                lines.append(line)
            }
        }
        if !graph.relations.isEmpty {
            lines.append("")
            lines.append("Relations")
            for relation in graph.relations {
                let title = relation.title.map { " (\($0))" } ?? ""
                lines.append("  \(names[relation.source] ?? relation.source) \(relation.type)\(title) \(names[relation.target] ?? relation.target)  [\(relation.origin.rawValue)]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
