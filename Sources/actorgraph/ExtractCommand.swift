import ActorGraph
import ArgumentParser
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the actor-and-event graph of articles.",
        discussion: """
            Reads each FILE (a folder stands for its .txt files) or, with no FILE, standard input. \
            Plain text is one document; with --format jsonl, standard input and files ending in .jsonl \
            hold one JSON document per line: {"id": "...", "text": "...", "date": "YYYY-MM-DD"}.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, text, html
    }

    @Argument(help: "Text files or folders of .txt files. Standard input when none is given.")
    var files: [String] = []

    @Option(help: "The publication date (YYYY-MM-DD) that titles and relative times resolve against.")
    var date: String?

    @Option(help: "Output format: json (one document, or an array for several), jsonl, text, or html (a report page per document).")
    var format: Format = .json

    @Option(name: .customLong("gazetteer"), help: "A .gaz file or folder to add to the bundled gazetteers. Repeatable.")
    var gazetteers: [String] = []

    @Option(name: .customLong("rules"), help: "A .rules file or folder to add to the bundled rules. Repeatable.")
    var rules: [String] = []

    @Flag(help: "Use only the rules given with --rules, not the bundled ones.")
    var noBundledRules = false

    @Option(help: "The document id for text read from standard input.")
    var id: String?

    func validate() throws {
        if noBundledRules && rules.isEmpty { throw ValidationError("--no-bundled-rules needs at least one --rules file or folder.") }
        if id != nil && !files.isEmpty {
            throw ValidationError("--id names the document read from standard input; files take their file names as ids.")
        }
        if id == "" { throw ValidationError("--id is empty; give the document an id or leave the option out.") }
        if let date {
            do { _ = try Day(iso: date) } catch let error as ActorGraphError { throw ValidationError("--date: \(error.message)") }
        }
    }

    func run() throws {
        let extractor: Extractor
        do {
            extractor = try Extractor(gazetteers: gazetteers.map { URL(fileURLWithPath: $0) }, rules: rules.map { URL(fileURLWithPath: $0) }, bundledRules: !noBundledRules)
        } catch {
            throw fail(error)
        }
        let source = DocumentSource(files: files, jsonLines: format == .jsonl, defaultDate: date, stdinID: id)
        var failures = 0
        var total = 0
        var graphs: [ArticleGraph] = []
        var printedText = false
        // Documents are read and extracted a window at a time on every core, and written in input order.
        let window = max(1, ProcessInfo.processInfo.activeProcessorCount) * 8
        let progress = Progress(paths: files)
        defer { progress.finish() }
        while case let batch = source.next(upTo: window), !batch.isEmpty {
            total += batch.count
            for (document, outcome) in zip(batch, outcomes(of: batch, with: extractor)) {
                for warning in document.warnings { Console.error("warning: \(warning)") }
                switch outcome {
                case .output(let data):
                    Console.write((printedText && format == .text ? Data("\n".utf8) : Data()) + data)
                    printedText = true
                case .graph(let graph):
                    graphs.append(graph)
                case .failure(let message):
                    failures += 1
                    if format == .jsonl, document.line != nil {
                        Console.write(try InputDocument.errorLine(id: document.id, line: document.line, message: message))
                    }
                    Console.error("error: " + (document.label.isEmpty ? "" : "\(document.label): ") + message)
                }
            }
            progress.advance(documents: batch.count, bytes: batch.reduce(0) { $0 + $1.text.utf8.count })
        }
        if format == .json {
            if graphs.count == 1 && total == 1 {
                Console.write(try graphs[0].jsonData() + Data("\n".utf8))
            } else if !graphs.isEmpty {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                Console.write(try encoder.encode(graphs) + Data("\n".utf8))
            }
        }
        if failures > 0 {
            if total > 1 { Console.error("\(failures) of \(total) documents failed") }
            throw ExitCode(1)
        }
    }

    /// What became of one document: output to write, a graph to collect (`json`), or an error message.
    enum Outcome: Sendable {
        case output(Data)
        case graph(ArticleGraph)
        case failure(String)
    }

    /// Extracts and renders `batch` in parallel; the outcomes are in the batch's order.
    private func outcomes(of batch: [InputDocument], with extractor: Extractor) -> [Outcome] {
        let slots = Slots(count: batch.count)
        defer { slots.free() }
        let format = format
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            let document = batch[index]
            let outcome: Outcome
            if let problem = document.problem {
                outcome = .failure(problem.description)
            } else {
                do {
                    let graph = try extractor.extract(document.text, date: document.date, id: document.id)
                    switch format {
                    case .json: outcome = .graph(graph)
                    case .jsonl: outcome = .output(try graph.jsonData(pretty: false) + Data("\n".utf8))
                    case .text: outcome = .output(Data(TextSummary(graph: graph).render().utf8))
                    case .html: outcome = .output(Data(HTMLReport(graph: graph, source: try SourceText(document.text)).render().utf8))
                    }
                } catch {
                    outcome = .failure((error as? ActorGraphError)?.description ?? "\(error)")
                }
            }
            slots.set(index, outcome)
        }
        return slots.values
    }

    /// One slot per document, each written by exactly one worker.
    private final class Slots: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<Outcome?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        func set(_ index: Int, _ outcome: Outcome) { buffer[index] = outcome }

        var values: [Outcome] { buffer.map { $0 ?? .failure("The document was not processed.") } }

        func free() {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }
}
