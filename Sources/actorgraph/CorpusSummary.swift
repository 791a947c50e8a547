import ActorGraph

/// A corpus graph as a person reads it: documents, the most mentioned actors, the heaviest edges.
struct CorpusSummary {
    let corpus: CorpusGraph
    /// How many actors and edges to list.
    var limit = 25

    func render() -> String {
        let names = Dictionary(corpus.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let dates = corpus.documents.compactMap(\.date).sorted()
        var lines = ["corpus: " + counted(corpus.documents.count, "document") + Self.span(dates.first, dates.last)
            + ", " + [counted(corpus.actors.count, "actor"), counted(corpus.events.count, "event"), counted(corpus.edges.count, "edge")].joined(separator: ", ")]
        let actors = corpus.actors.enumerated().sorted { ($0.element.mentions, $1.offset) > ($1.element.mentions, $0.offset) }.prefix(limit)
        if !actors.isEmpty {
            lines += ["", "Actors, most mentioned first"]
            for (_, actor) in actors {
                lines.append("  \(actor.name) (\(actor.type.rawValue)) ×\(actor.mentions) in " + counted(actor.documents.count, "document")
                    + ", " + counted(actor.timeline.count, "event") + Self.span(actor.firstDate, actor.lastDate))
            }
        }
        let edges = corpus.edges.enumerated().sorted { ($0.element.weight, $1.offset) > ($1.element.weight, $0.offset) }.prefix(limit)
        if !edges.isEmpty {
            lines += ["", "Edges, heaviest first"]
            for (_, edge) in edges {
                lines.append("  \(names[edge.source] ?? edge.source) \(edge.type) \(names[edge.target] ?? edge.target) ×\(edge.weight)"
                    + Self.span(edge.firstDate, edge.lastDate))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `, first to last`, `, day` when they are the same, nothing without dates.
    private static func span(_ first: String?, _ last: String?) -> String {
        guard let first else { return "" }
        return ", " + first + (last.map { $0 == first ? "" : " to \($0)" } ?? "")
    }
}
