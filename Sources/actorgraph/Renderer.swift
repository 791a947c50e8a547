import ActorGraph
import Foundation

/// Renders graphs in an output format: one document's graph, or the corpus graph of a run.
struct Renderer: Sendable {
    let format: OutputFormat

    /// A named part of an output: a file's extension (or whole name) and its bytes.
    struct Part: Sendable {
        var name: String
        var data: Data
    }

    /// The output of one document; the first part is what standard output gets.
    func render(_ graph: ArticleGraph, text: String) throws -> [Part] {
        let title = graph.document.id ?? "document"
        switch format {
        case .json: return [Part(name: format.fileExtension, data: try graph.jsonData() + Data("\n".utf8))]
        case .jsonl: return [Part(name: format.fileExtension, data: try graph.jsonData(pretty: false) + Data("\n".utf8))]
        case .text: return [Part(name: format.fileExtension, data: Data(TextSummary(graph: graph).render().utf8))]
        case .dot: return [Part(name: format.fileExtension, data: Data(DOTWriter(title: title).render(NodeLinkGraph(graph)).utf8))]
        case .graphml: return [Part(name: format.fileExtension, data: Data(GraphMLWriter(title: title).render(NodeLinkGraph(graph)).utf8))]
        case .neo4j: return try render(CorpusGraph(graph))
        }
    }

    /// The output of the corpus graph of a run: one part, or for `neo4j` one per file.
    func render(_ corpus: CorpusGraph) throws -> [Part] {
        let title = "corpus"
        switch format {
        case .json: return [Part(name: format.fileExtension, data: try corpus.jsonData() + Data("\n".utf8))]
        case .text: return [Part(name: format.fileExtension, data: Data(CorpusSummary(corpus: corpus).render().utf8))]
        case .dot: return [Part(name: format.fileExtension, data: Data(DOTWriter(title: title).render(NodeLinkGraph(corpus)).utf8))]
        case .graphml: return [Part(name: format.fileExtension, data: Data(GraphMLWriter(title: title).render(NodeLinkGraph(corpus)).utf8))]
        case .jsonl: return [Part(name: format.fileExtension, data: try corpus.jsonData(pretty: false) + Data("\n".utf8))]
        case .neo4j: return Neo4jCSVWriter().files(for: corpus).map { Part(name: $0.name, data: Data($0.contents.utf8)) }
        }
    }
}
