import ActorGraph
import ArgumentParser
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against a corpus of gold-annotated articles.",
        discussion: """
            Each NNN-slug.txt in DIR needs its NNN-slug.gold.json beside it (see Tests/Corpus/README.md). \
            With --coverage, each NNN-slug.txt that has an NNN-slug.actors.json beside it is scored for \
            gazetteer coverage instead (see Tests/Coverage/README.md).
            """
    )

    @Argument(help: "The corpus folder.")
    var directory: String

    @Flag(help: "Also list, per document, what was missed and what was found that the gold file lacks.")
    var details = false

    @Flag(help: "Measure gazetteer coverage against NNN-slug.actors.json gold files.")
    var coverage = false

    @Option(name: .customLong("gazetteer"), help: "A .gaz file or folder to add to the bundled gazetteers. Repeatable.")
    var gazetteers: [String] = []

    func run() throws {
        do {
            let extractor = try Extractor(gazetteers: gazetteers.map { URL(fileURLWithPath: $0) })
            if coverage { return try reportCoverage(extractor) }
            let (documents, total) = try Evaluation.evaluate(extractor, corpus: URL(fileURLWithPath: directory))
            var lines = ["document                      actors P/R/F1       mentions P/R/F1     events P/R/F1       roles P/R/F1"]
            for document in documents {
                lines.append(row(document.name, document.evaluation))
            }
            lines.append(row("total (micro)", total))
            if details {
                for document in documents {
                    lines.append("")
                    lines.append("\(document.name):")
                    lines += document.evaluation.missed.map { "  missed   \($0)" }
                    lines += document.evaluation.spurious.map { "  spurious \($0)" }
                }
            }
            Console.write(lines.joined(separator: "\n") + "\n")
        } catch {
            throw fail(error)
        }
    }

    private func reportCoverage(_ extractor: Extractor) throws {
        let (documents, total) = try Coverage.evaluate(extractor, corpus: URL(fileURLWithPath: directory))
        func row(_ name: String, _ score: Coverage) -> String {
            let cells = [
                "\(score.covered)/\(score.names) = " + String(format: "%.3f", score.coverage),
                String(format: "%.3f", score.accuracy),
                "\(score.titlesResolved)/\(score.titles)",
            ]
            return name.padding(toLength: 40, withPad: " ", startingAt: 0)
                + zip(cells, [22, 16, 8]).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined()
        }
        var lines = ["document                                covered names         right entity    titles"]
        lines += documents.map { row($0.name, $0.coverage) }
        lines.append(row("total", total))
        lines.append("")
        lines.append("by type                       covered names")
        for type in ActorType.allCases {
            guard let count = total.byType[type] else { continue }
            lines.append(type.rawValue.padding(toLength: 30, withPad: " ", startingAt: 0)
                + "\(count.covered)/\(count.names) = " + String(format: "%.3f", Double(count.covered) / Double(max(count.names, 1))))
        }
        if details {
            for document in documents where !document.coverage.misses.isEmpty {
                lines.append("")
                lines.append("\(document.name):")
                lines += document.coverage.misses.map { "  \($0)" }
            }
        }
        Console.write(lines.joined(separator: "\n") + "\n")
    }

    private func row(_ name: String, _ evaluation: Evaluation) -> String {
        let cells = [evaluation.actors, evaluation.mentions, evaluation.events, evaluation.roles].map { score in
            String(format: "%.2f/%.2f/%.2f", score.precision, score.recall, score.f1).padding(toLength: 20, withPad: " ", startingAt: 0)
        }
        return name.padding(toLength: 30, withPad: " ", startingAt: 0) + cells.joined()
    }
}
