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
        case json, jsonl, text
    }

    @Argument(help: "Text files or folders of .txt files. Standard input when none is given.")
    var files: [String] = []

    @Option(help: "The publication date (YYYY-MM-DD) that titles and relative times resolve against.")
    var date: String?

    @Option(help: "Output format: json (one document, or an array for several), jsonl, or text.")
    var format: Format = .json

    @Option(name: .customLong("gazetteer"), help: "A .gaz file or folder to add to the bundled gazetteers. Repeatable.")
    var gazetteers: [String] = []

    @Option(help: "The document id for text read from standard input.")
    var id: String?

    func validate() throws {
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
            extractor = try Extractor(gazetteers: gazetteers.map { URL(fileURLWithPath: $0) })
        } catch {
            throw fail(error)
        }
        let documents = InputDocument.read(files: files, jsonLines: format == .jsonl, defaultDate: date, stdinID: id)
        var failures = 0
        var graphs: [ArticleGraph] = []
        var printedText = false
        for document in documents {
            for warning in document.warnings { Console.error("warning: \(warning)") }
            let result: Result<ArticleGraph, any Error>
            if let problem = document.problem {
                result = .failure(problem)
            } else {
                result = Result { try extractor.extract(document.text, date: document.date, id: document.id) }
            }
            switch (result, format) {
            case (.success(let graph), .jsonl):
                Console.write(try graph.jsonData(pretty: false) + Data("\n".utf8))
            case (.success(let graph), .json):
                graphs.append(graph)
            case (.success(let graph), .text):
                Console.write((printedText ? "\n" : "") + TextSummary(graph: graph).render())
                printedText = true
            case (.failure(let error), _):
                failures += 1
                if format == .jsonl, document.line != nil {
                    Console.write(try InputDocument.errorLine(id: document.id, line: document.line, error: error))
                }
                let message = (error as? ActorGraphError)?.description ?? "\(error)"
                Console.error("error: " + (document.label.isEmpty ? "" : "\(document.label): ") + message)
            }
        }
        if format == .json {
            if graphs.count == 1 && documents.count == 1 {
                Console.write(try graphs[0].jsonData() + Data("\n".utf8))
            } else if !graphs.isEmpty {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                Console.write(try encoder.encode(graphs) + Data("\n".utf8))
            }
        }
        if failures > 0 {
            if documents.count > 1 { Console.error("\(failures) of \(documents.count) documents failed") }
            throw ExitCode(1)
        }
    }
}
