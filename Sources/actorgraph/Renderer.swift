import ActorGraph
import Foundation

/// Renders graphs in an output format: one document's graph, or the corpus graph of a run.
struct Renderer: Sendable {
    let format: OutputFormat
    /// Whether the HTML reports draw their graph with Graphviz when it is installed.
    var usesGraphviz = true

    /// A named part of an output: a file's extension (or whole name) and its bytes.
    struct Part: Sendable {
        var name: String
        var data: Data
    }

    /// The output of one document: its parts, the first of which is what standard
    /// output gets, and for brat its annotations, which the collection's `annotation.conf` is made from.
    struct Output: Sendable {
        var parts: [Part]
        var brat: BratAnnotations? = nil
        /// What did not go as asked, for standard error: `dot` failed and the built-in layout was drawn.
        var warnings: [String] = []
    }

    /// The output of one document, from its graph and its text as the extractor tokenized it.
    func output(_ graph: ArticleGraph, text tokenized: TokenizedText) throws -> Output {
        let title = graph.document.id ?? "document"
        let text = tokenized.text
        func source() -> SourceText { SourceText(tokenized) }
        func one(_ data: Data) -> Output { Output(parts: [Part(name: format.fileExtension, data: data)]) }
        switch format {
        case .json: return one(try graph.jsonData() + Data("\n".utf8))
        case .jsonl: return one(try graph.jsonData(pretty: false) + Data("\n".utf8))
        case .text: return one(Data(TextSummary(graph: graph).render().utf8))
        case .dot: return one(Data(DOTWriter(title: title).render(NodeLinkGraph(graph)).utf8))
        case .graphml: return one(Data(GraphMLWriter(title: title).render(NodeLinkGraph(graph)).utf8))
        case .html:
            let (svg, warning) = graphvizSVG(NodeLinkGraph(graph), title: title)
            return Output(parts: [Part(name: format.fileExtension, data: Data(HTMLReport(graph: graph, source: source(), graphSVG: svg).render().utf8))],
                          warnings: warning.map { [$0] } ?? [])
        case .brat:
            let annotations = try BratAnnotations(graph: graph, source: source())
            return Output(parts: [Part(name: "ann", data: Data(annotations.render().utf8)), Part(name: "txt", data: Data(text.utf8))],
                          brat: annotations)
        case .bio: return one(Data(try BIOTags(graph: graph, source: source()).render().utf8))
        case .plover: return one(try PLOVERRecord.jsonLines(PLOVERRecord.records(of: graph, source: source())))
        case .neo4j: return try render(CorpusGraph(graph))
        }
    }

    /// The output of the corpus graph of a run: one part, or for `neo4j` one per file.
    func render(_ corpus: CorpusGraph) throws -> Output {
        let title = "corpus"
        func one(_ data: Data) -> Output { Output(parts: [Part(name: format.fileExtension, data: data)]) }
        switch format {
        case .json: return one(try corpus.jsonData() + Data("\n".utf8))
        case .text: return one(Data(CorpusSummary(corpus: corpus).render().utf8))
        case .dot: return one(Data(DOTWriter(title: title).render(NodeLinkGraph(corpus)).utf8))
        case .graphml: return one(Data(GraphMLWriter(title: title).render(NodeLinkGraph(corpus)).utf8))
        case .html:
            let (svg, warning) = graphvizSVG(NodeLinkGraph(corpus), title: title)
            return Output(parts: [Part(name: format.fileExtension, data: Data(CorpusReport(corpus: corpus, graphSVG: svg).render().utf8))],
                          warnings: warning.map { [$0] } ?? [])
        case .jsonl: return one(try corpus.jsonData(pretty: false) + Data("\n".utf8))
        case .neo4j: return Output(parts: Neo4jCSVWriter().files(for: corpus).map { Part(name: $0.name, data: Data($0.contents.utf8)) })
        case .brat, .bio, .plover: preconditionFailure("--format \(format.rawValue) with --merge is refused by validate()")
        }
    }

    /// Graphviz's drawing of the nodes that the built-in drawing would show; no drawing
    /// without Graphviz, and a warning when `dot` fails (the report then draws its own).
    private func graphvizSVG(_ graph: NodeLinkGraph, title: String) -> (svg: String?, warning: String?) {
        guard usesGraphviz, Graphviz.program != nil else { return (nil, nil) }
        let shown = SVGDrawing(graph).drawnNodes
        let drawn = shown.count < graph.nodes.count ? graph.restricted(to: Set(shown)) : graph
        switch Graphviz.svg(DOTWriter(title: title).render(drawn)) {
        case .svg(let svg): return (svg, nil)
        case .failed(let reason): return (nil, "\(reason); the report of \(title), and every report drawn after it, uses the built-in layout.")
        case nil: return (nil, nil)
        }
    }
}
