import ActorGraph
import ActorGraphGazetteers
import ArgumentParser
import Foundation

struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Check gazetteers, count what they hold, and compile them for fast loading.",
        subcommands: [Lint.self, Stats.self, Compile.self, Import.self]
    )

    /// The gazetteers a subcommand reads: the bundled one with the files
    /// given on top, as `extract --gazetteer` loads them, or only the files given.
    struct Sources: ParsableArguments {
        @Argument(help: "Gazetteer files or folders (.gaz, or compiled .agz), read on top of the bundled gazetteer.")
        var paths: [String] = []

        @Flag(help: "Read only the given files, without the bundled gazetteer.")
        var noBundled = false

        func validate() throws {
            if noBundled && paths.isEmpty { throw ValidationError("--no-bundled needs at least one gazetteer file or folder.") }
            try InputPaths.refuseEmpty(paths, of: "A gazetteer PATH")
        }

        func urls() throws -> [URL] {
            let urls = paths.map { URL(fileURLWithPath: $0) }
            return noBundled ? urls : try Gazetteer.sources(extendingBundled: urls)
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report malformed entries, shared aliases, overlapping terms, mojibake and common-word aliases.",
            discussion: "Exits with status 1 when there is an error; warnings alone exit 0."
        )

        @OptionGroup var sources: Sources

        @Flag(help: "Also list the notes: aliases shared by entities of different countries, which context decides.")
        var notes = false

        @Option(name: .customLong("rules"), help: "A .rules file or folder whose titles roles may use, on top of the bundled rules. Repeatable.")
        var rules: [String] = []

        func validate() throws {
            try InputPaths.refuseEmpty(rules, of: "--rules")
        }

        func run() throws {
            do {
                var problems: [ActorGraphError] = []
                var places: [EntityPlaces?] = []
                let gazetteer = try Gazetteer.load(sources.urls(), problems: &problems, places: &places)
                guard let bundledRules = BundledData.rules else {
                    throw ActorGraphError(.unreadableInput, "The bundled rules are missing; keep the ActorGraph_ActorGraphGazetteers.resources folder beside the executable, or name a copy of it in ACTORGRAPH_RESOURCES.")
                }
                let ruleSet = try RuleSet.load([bundledRules] + rules.map { URL(fileURLWithPath: $0) })
                // What stopped the load comes first, in the findings' form.
                let findings = problems.map(GazetteerLint.Finding.init(loadError:))
                    + (try GazetteerLint(gazetteer: gazetteer, rules: ruleSet, places: places).findings())
                func count(_ severity: GazetteerLint.Finding.Severity, _ noun: String) -> String {
                    counted(findings.filter { $0.severity == severity }.count, noun)
                }
                let shown = notes ? findings : findings.filter { $0.severity != .note }
                let report = shown.map(\.description)
                    + [[count(.error, "error"), count(.warning, "warning"), count(.note, "note")].joined(separator: ", ")]
                Console.write(report.joined(separator: "\n") + "\n")
                if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                throw fail(error)
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count entities by type, and their aliases, roles and relations.")

        @OptionGroup var sources: Sources

        func run() throws {
            do {
                let gazetteer = try Gazetteer.load(sources.urls())
                var lines: [String] = []
                for type in ActorType.allCases {
                    let count = gazetteer.entities.filter { $0.type == type }.count
                    if count > 0 { lines.append("\(type.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0))\(count)") }
                }
                let entities = gazetteer.entities
                lines.append("entities      \(entities.count)")
                lines.append("aliases       \(entities.reduce(0) { $0 + $1.aliases.count })")
                lines.append("roles         \(entities.reduce(0) { $0 + $1.roles.count })")
                lines.append("relations     \(entities.reduce(0) { $0 + $1.relations.count })")
                Console.write(lines.joined(separator: "\n") + "\n")
            } catch {
                throw fail(error)
            }
        }
    }
}

extension GazetteerCommand {
    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile gazetteers into one binary file that loads memory-mapped, with nothing to parse.",
            discussion: """
                The file holds the entities and the matcher's tables. Give it to `extract --gazetteer` or \
                `Gazetteer.load`; compile it again after editing a source file or upgrading ActorGraph \
                (a file of another format version is refused). Format: Docs/GazetteerFormat.md.
                """
        )

        @OptionGroup var sources: Sources

        @Option(name: .shortAndLong, help: "The file to write, e.g. names.agz.")
        var output: String

        func validate() throws {
            if output.isEmpty { throw ValidationError("-o is empty; name the file to write, e.g. names.agz.") }
            if let harm = InputPaths(sources.paths, folderExtensions: ["gaz", "agz"]).harm(writing: output) {
                throw ValidationError("-o \"\(output)\" would \(harm); name another file, e.g. names.agz.")
            }
        }

        func run() throws {
            do {
                let gazetteer = try Gazetteer.load(sources.urls())
                let includesBundled = !sources.noBundled || Gazetteer.holdsBundled(sources.paths.map { URL(fileURLWithPath: $0) })
                let data = gazetteer.compiledData(includesBundled: includesBundled)
                try OutputFile.write(data, to: output, example: "names.agz")
                let aliases = gazetteer.entities.reduce(0) { $0 + $1.aliases.count }
                Console.error("\(output): \(counted(gazetteer.entities.count, "entity", plural: "entities")), \(counted(aliases, "alias", plural: "aliases")), "
                              + String(format: "%.1f MB", Double(data.count) / 1_000_000))
            } catch {
                throw fail(error)
            }
        }
    }
}
