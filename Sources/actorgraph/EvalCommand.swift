import ActorGraph
import ArgumentParser
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against a corpus of gold-annotated articles.",
        discussion: """
            Each NNN-slug.txt in DIR needs its NNN-slug.gold.json beside it (see Tests/Corpus/README.md). \
            With --coverage, each NNN-slug.txt needs its NNN-slug.actors.json instead, and is scored for \
            gazetteer coverage (see Tests/Coverage/README.md). With --events, DIR is a table of \
            one-sentence event cases (see Tests/Events/README.md), scored per PLOVER category.
            """
    )

    @Argument(help: "The corpus folder.")
    var directory: String

    @Flag(help: "Also list, per document, what was missed and what was found that the gold file lacks.")
    var details = false

    @Flag(help: "Measure gazetteer coverage against NNN-slug.actors.json gold files.")
    var coverage = false

    @Flag(help: "Score the one-sentence event cases of a .tsv table per PLOVER category.")
    var events = false

    func validate() throws {
        if noBundledRules && rules.isEmpty { throw ValidationError("--no-bundled-rules needs at least one --rules file or folder.") }
        if coverage && events { throw ValidationError("--coverage and --events measure different things; give one.") }
        try InputPaths.refuseEmpty([directory], of: "The corpus folder")
        try InputPaths.refuseEmpty(gazetteers, of: "--gazetteer")
        try InputPaths.refuseEmpty(rules, of: "--rules")
    }

    @Option(name: .customLong("gazetteer"), help: "A .gaz file or folder to add to the bundled gazetteers. Repeatable.")
    var gazetteers: [String] = []

    @Option(name: .customLong("rules"), help: "A .rules file or folder to add to the bundled rules. Repeatable.")
    var rules: [String] = []

    @Flag(help: "Use only the rules given with --rules, not the bundled ones.")
    var noBundledRules = false

    func run() throws {
        do {
            let extractor = try Extractor(gazetteers: gazetteers.map { URL(fileURLWithPath: $0) }, rules: rules.map { URL(fileURLWithPath: $0) }, bundledRules: !noBundledRules)
            if coverage { return try reportCoverage(extractor) }
            if events { return try reportEvents(extractor) }
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

    private func reportEvents(_ extractor: Extractor) throws {
        let table = try EventCases(contentsOf: URL(fileURLWithPath: directory), rules: extractor.rules, gazetteer: extractor.gazetteer)
        let (outcomes, scores) = try table.evaluate(extractor)
        var lines = ["category      cases  found  right  precision  recall  F1     source  target"]
        var total = EventCases.Score()
        for category in scores.keys.sorted() {
            let score = scores[category]!
            lines.append(category.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: "%5d  %5d  %5d  %9.2f  %6.2f  %4.2f  %6d  %6d", score.gold, score.predicted, score.correct,
                         score.precision, score.recall, score.f1, score.sourceRight, score.targetRight))
            guard category != "NONE" else { continue }
            total.gold += score.gold
            total.predicted += score.predicted
            total.correct += score.correct
            total.sourceRight += score.sourceRight
            total.targetRight += score.targetRight
        }
        lines.append(String(format: "%@%5d  %5d  %5d  %9.2f  %6.2f  %4.2f  %6d  %6d", "all but NONE  ", total.gold, total.predicted, total.correct,
                            total.precision, total.recall, total.f1, total.sourceRight, total.targetRight))
        if details {
            lines.append("")
            for outcome in outcomes {
                let item = outcome.case
                let found = outcome.found.isEmpty ? "NONE" : outcome.found.joined(separator: ",")
                let categoryRight = item.plover == "NONE" ? outcome.found.isEmpty : outcome.found.contains(item.plover)
                let rolesRight = outcome.source.map { Set($0) == Set(item.source) } != false && outcome.target.map { Set($0) == Set(item.target) } != false
                guard !categoryRight || !rolesRight else { continue }
                var line = "\(item.id): expected \(item.plover), found \(found)"
                if let source = outcome.source, let target = outcome.target {
                    line += "; source \(source.joined(separator: "+")) (expected \(item.source.joined(separator: "+"))), target \(target.joined(separator: "+")) (expected \(item.target.joined(separator: "+")))"
                }
                lines.append(line)
                lines.append("    \(item.sentence)")
            }
        }
        Console.write(lines.joined(separator: "\n") + "\n")
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
