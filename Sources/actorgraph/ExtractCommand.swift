import ActorGraph
import ArgumentParser
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the actor-and-event graph of articles.",
        discussion: """
            Reads each FILE (a folder stands for its .txt files) or, with no FILE, standard input. \
            Plain text is one document; files ending in .jsonl, and standard input with --format jsonl, \
            hold one JSON document per line: {"id": "...", "text": "...", "date": "YYYY-MM-DD"}; \
            --input says which of the two the FILEs and standard input hold. \
            With --merge, the graphs of all documents become one corpus graph.
            """
    )

    /// What standard input and the files named hold.
    enum Input: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "Text files, .jsonl files or folders of .txt files. Standard input when none is given.")
    var files: [String] = []

    @Option(help: "The publication date (YYYY-MM-DD) that titles and relative times resolve against.")
    var date: String?

    @Option(help: "Output format: json, jsonl, text, dot (Graphviz), graphml, html (a report page), brat (standoff), bio (CoNLL tags), plover (event records), or neo4j (CSV files for neo4j-admin import).")
    var format: OutputFormat = .json

    @Option(help: "What standard input and each FILE hold: text (one document) or jsonl. Default: files by their extension (.jsonl or not); standard input jsonl with --format jsonl, else text. A folder's .txt files are always text.")
    var input: Input?

    @Flag(help: "Merge the graphs of all documents into one corpus graph: actors unified by id, weighted edges, timelines.")
    var merge = false

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: "Write one file per document (or the corpus graph's files) into this folder.")
    var outputDir: String?

    @Flag(help: "Draw the HTML report's graph with the built-in layout even when Graphviz's dot is installed.")
    var noGraphviz = false

    @Option(name: .customLong("gazetteer"), help: "A .gaz file or folder to add to the bundled gazetteers. Repeatable.")
    var gazetteers: [String] = []

    @Option(name: .customLong("rules"), help: "A .rules file or folder to add to the bundled rules. Repeatable.")
    var rules: [String] = []

    @Flag(help: "Use only the rules given with --rules, not the bundled ones.")
    var noBundledRules = false

    @Option(help: "The document id for text read from standard input.")
    var id: String?

    /// Whether standard input is read as JSON Lines.
    private var readsJSONLines: Bool { (input ?? (format == .jsonl ? .jsonl : .text)) == .jsonl }

    /// Whether the corpus graph of all documents is what comes out.
    private var merges: Bool { merge || format.alwaysMerged }

    /// The files and folders read, which no output may replace.
    private var inputs: InputPaths { InputPaths(files, folderExtensions: ["txt"]) }

    /// Whether the input is one document for sure: text on standard input, or
    /// one plain file (one that does not exist fails alone, as one document).
    private var isOneDocument: Bool {
        if files.isEmpty { return !readsJSONLines }
        return files.count == 1 && (input ?? DocumentSource.kind(ofFile: files[0])) == .text
            && !SourceFiles.isFolder(URL(fileURLWithPath: files[0]))
    }

    func validate() throws {
        if noBundledRules && rules.isEmpty { throw ValidationError("--no-bundled-rules needs at least one --rules file or folder.") }
        if id != nil && !files.isEmpty {
            throw ValidationError("--id names the document read from standard input; files take their file names as ids.")
        }
        if id == "" { throw ValidationError("--id is empty; give the document an id or leave the option out.") }
        if id != nil && files.isEmpty && readsJSONLines {
            throw ValidationError("--id names a text document read from standard input; JSON Lines documents carry their own \"id\".")
        }
        if let date {
            do { _ = try Day(iso: date) } catch let error as ActorGraphError { throw ValidationError("--date: \(error.message)") }
        }
        if outputDir == "" { throw ValidationError("--output-dir is empty; name a folder.") }
        try InputPaths.refuseEmpty(files, of: "A FILE")
        try InputPaths.refuseEmpty(gazetteers, of: "--gazetteer")
        try InputPaths.refuseEmpty(rules, of: "--rules")
        if let outputDir, format.writesTextFiles, let input = inputs.inputFolder(outputDir) {
            throw ValidationError("--output-dir \"\(outputDir)\" is the input folder \"\(input)\": the .txt files --format \(format.rawValue) writes there would replace its articles or be read as articles next time; name another folder.")
        }
        if merge && format.perDocumentOnly {
            throw ValidationError("--format \(format.rawValue) annotates each document's text and has no corpus form; leave out --merge.")
        }
        if format.shape == .folder && outputDir == nil {
            throw ValidationError("--format \(format.rawValue) writes several files; name their folder with --output-dir.")
        }
        if format.shape == .file && !merges && outputDir == nil && !isOneDocument {
            let merging = format.perDocumentOnly ? "" : ", or add --merge for one corpus graph"
            throw ValidationError("--format \(format.rawValue) writes one file per document; name their folder with --output-dir\(merging).")
        }
    }

    func run() throws {
        let extractor: Extractor
        var folder: OutputFolder?
        do {
            extractor = try Extractor(gazetteers: gazetteers.map { URL(fileURLWithPath: $0) }, rules: rules.map { URL(fileURLWithPath: $0) }, bundledRules: !noBundledRules)
            folder = try outputDir.map { try OutputFolder(path: $0, inputs: inputs) }
        } catch {
            throw fail(error)
        }
        let source = DocumentSource(files: files, filesHold: input, standardInputHoldsJSONLines: readsJSONLines, defaultDate: date, stdinID: id)
        let renderer = Renderer(format: format, usesGraphviz: !noGraphviz)
        var corpus = merges ? CorpusGraph.Builder() : nil
        var failures = 0
        var total = 0
        var graphs: [ArticleGraph] = []
        var printed = false
        var finished = true
        var brat = BratConfiguration()
        // Documents are extracted on every core while this thread reads the next ones and writes
        // the finished ones, in input order.
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let progress = Progress(paths: files, writesStandardOutput: folder == nil)
        defer { progress.finish() }
        // JSON without a folder is one value of all graphs, written at the end.
        let collects = merges || (format == .json && outputDir == nil)
        InOrderWorkers.run(workers: cores, window: cores * 16, next: source.next) { document in
            Self.outcome(of: document, with: extractor, renderer: renderer, collects: collects)
        } deliver: { document, outcome in
            total += 1
            for warning in document.warnings { Console.error("warning: \(warning)") }
            do {
                switch outcome {
                case .output(let output):
                    for warning in output.warnings { Console.error("warning: \(warning)") }
                    if var target = folder {
                        let (stem, taken) = target.stem(for: document.id, position: total)
                        folder = target
                        if let taken {
                            Console.error("warning: \(document.label): an earlier document's files are named \"\(taken)\"; this one's are \"\(stem)\".")
                        }
                        for part in output.parts { try target.write(part.data, to: "\(stem).\(part.name)") }
                        if let annotations = output.brat { brat.add(annotations) }
                    } else if let part = output.parts.first {
                        // Text summaries are separated by a blank line; other formats end with their own line feed.
                        Console.write((printed && format == .text ? Data("\n".utf8) : Data()) + part.data)
                        printed = true
                    }
                case .graph(let graph):
                    if corpus != nil {
                        try Self.add(graph, to: &corpus!, label: document.label)
                    } else {
                        graphs.append(graph)
                    }
                case .failure(let message):
                    throw ActorGraphError(.unreadableInput, message)
                }
            } catch {
                failures += 1
                let message = (error as? ActorGraphError)?.message ?? "\(error)"
                if format == .jsonl, document.line != nil, folder == nil, corpus == nil {
                    Console.write(InputDocument.errorLine(id: document.id, line: document.line, column: document.problem?.column, message: message))
                }
                let place = document.problemPlace
                Console.error("error: " + (place.isEmpty ? "" : "\(place): ") + message)
            }
            progress.advance(documents: 1, bytes: document.text.utf8.count)
        }
        do {
            if let corpus {
                let output = try renderer.render(corpus.corpus())
                for warning in output.warnings { Console.error("warning: \(warning)") }
                let parts = output.parts
                if let folder {
                    for part in parts { try folder.write(part.data, to: format.shape == .folder ? part.name : "corpus.\(part.name)") }
                } else if let part = parts.first {
                    Console.write(part.data)
                }
            } else if format == .brat, let folder {
                try folder.write(Data(brat.render().utf8), to: "annotation.conf")
            } else if format == .json, folder == nil, total != 1 || !graphs.isEmpty {
                // One document is one graph; any other count, none included, is an array.
                if graphs.count == 1 && total == 1 {
                    Console.write(try graphs[0].jsonData() + Data("\n".utf8))
                } else if graphs.isEmpty {
                    Console.write("[]\n")
                } else {
                    Console.write(try ArticleGraph.jsonData(of: graphs) + Data("\n".utf8))
                }
            }
        } catch {
            // Reported with the documents' count, which would otherwise go unsaid.
            _ = fail(error)
            finished = false
        }
        if failures > 0 || !finished {
            if failures > 0 && total > 1 { Console.error("\(failures) of \(total) documents failed") }
            throw ExitCode(1)
        }
    }

    /// Adds a document's graph to the corpus; an id taken by an earlier document gets the first free `-2`, `-3`, … suffix.
    private static func add(_ graph: ArticleGraph, to corpus: inout CorpusGraph.Builder, label: String) throws {
        var graph = graph
        if let taken = graph.document.id, corpus.contains(document: taken) {
            var suffix = 2
            while corpus.contains(document: "\(taken)-\(suffix)") { suffix += 1 }
            graph.document.id = "\(taken)-\(suffix)"
            Console.error("warning: \(label): the id \"\(taken)\" is taken by an earlier document; it is \"\(taken)-\(suffix)\" in the corpus graph.")
        }
        try corpus.add(graph)
    }

    /// What became of one document: output to write, a graph to collect (`json`, `--merge`), or an error message.
    enum Outcome: Sendable {
        case output(Renderer.Output)
        case graph(ArticleGraph)
        case failure(String)
    }

    /// Extracts and renders one document, on a worker thread.
    private static func outcome(of document: InputDocument, with extractor: Extractor, renderer: Renderer, collects: Bool) -> Outcome {
        if let problem = document.problem { return .failure(problem.description) }
        do {
            let (graph, text) = try extractor.extractKeepingText(document.text, day: document.date.map(Day.init(iso:)), id: document.id)
            return collects ? .graph(graph) : .output(try renderer.output(graph, text: text))
        } catch {
            return .failure((error as? ActorGraphError)?.description ?? "\(error)")
        }
    }
}
