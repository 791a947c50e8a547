import ArgumentParser

/// What `extract --format` writes, and how each format comes out.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, text, dot, graphml, html, brat, bio, plover, neo4j

    /// How the documents of one run come out in a format.
    enum Shape {
        /// One JSON value: a graph, or an array of graphs.
        case collected
        /// Document after document on standard output.
        case stream
        /// One file per document: standard output for a single document, else `--output-dir`.
        case file
        /// Several files for the whole run, always in `--output-dir`.
        case folder
    }

    var shape: Shape {
        switch self {
        case .json: .collected
        case .jsonl, .text, .bio, .plover: .stream
        case .dot, .graphml, .html, .brat: .file
        case .neo4j: .folder
        }
    }

    /// Whether the format always draws the corpus graph of all documents.
    var alwaysMerged: Bool { self == .neo4j }

    /// Whether the format annotates each document's text, so that there is no corpus form of it.
    var perDocumentOnly: Bool { self == .brat || self == .bio || self == .plover }

    /// Whether its files in `--output-dir` include `.txt` files, the kind a folder of articles is read from.
    var writesTextFiles: Bool { self == .text || self == .brat }

    /// The file name extension of a document's output in `--output-dir`.
    var fileExtension: String {
        switch self {
        case .json: "json"
        case .jsonl: "jsonl"
        case .text: "txt"
        case .dot: "dot"
        case .graphml: "graphml"
        case .html: "html"
        case .brat: "ann"
        case .bio: "conll"
        case .plover: "plover.jsonl"
        case .neo4j: "csv"
        }
    }
}
