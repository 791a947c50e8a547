import ActorGraph
import ActorGraphGazetteers
import ArgumentParser
import Foundation

struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Check gazetteers and count what they hold.",
        subcommands: [Lint.self, Stats.self]
    )

    /// The bundled gazetteer, with the files at `paths` on top, as `extract --gazetteer` loads them;
    /// only the files at `paths` when `bundled` is false.
    static func load(_ paths: [String], bundled: Bool) throws -> Gazetteer {
        let urls = paths.map { URL(fileURLWithPath: $0) }
        guard bundled else { return try Gazetteer.load(urls) }
        guard let folder = BundledData.entities else {
            throw ActorGraphError(.unreadableInput, "The bundled gazetteers are missing; reinstall ActorGraph.")
        }
        return try Gazetteer.load([folder] + urls)
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report malformed entries, shared aliases, overlapping terms, mojibake and common-word aliases.",
            discussion: "Exits with status 1 when there is an error; warnings alone exit 0."
        )

        @Argument(help: "Gazetteer files or folders, checked together with the bundled gazetteer they extend.")
        var paths: [String] = []

        @Flag(help: "Check only the given files, without the bundled gazetteer.")
        var noBundled = false

        @Flag(help: "Also list the notes: aliases shared by entities of different countries, which context decides.")
        var notes = false

        func validate() throws {
            if noBundled && paths.isEmpty { throw ValidationError("--no-bundled needs at least one gazetteer file or folder.") }
        }

        func run() throws {
            let gazetteer: Gazetteer
            do { gazetteer = try GazetteerCommand.load(paths, bundled: !noBundled) } catch {
                Console.write("\((error as? ActorGraphError)?.description ?? "\(error)")\n1 error, 0 warnings, 0 notes\n")
                throw ExitCode(1)
            }
            do {
                let findings = try GazetteerLint(gazetteer: gazetteer, rules: RuleSet.bundled()).findings()
                func count(_ severity: GazetteerLint.Finding.Severity, _ noun: String) -> String {
                    let n = findings.filter { $0.severity == severity }.count
                    return "\(n) \(noun)\(n == 1 ? "" : "s")"
                }
                let errors = findings.filter { $0.severity == .error }.count
                let shown = notes ? findings : findings.filter { $0.severity != .note }
                let report = shown.map(\.description) + [[count(.error, "error"), count(.warning, "warning"), count(.note, "note")].joined(separator: ", ")]
                Console.write(report.joined(separator: "\n") + "\n")
                if errors > 0 { throw ExitCode(1) }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                throw fail(error)
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count entities by type, and their aliases, roles and relations.")

        @Argument(help: "Gazetteer files or folders, counted together with the bundled gazetteer.")
        var paths: [String] = []

        @Flag(help: "Count only the given files, without the bundled gazetteer.")
        var noBundled = false

        func validate() throws {
            if noBundled && paths.isEmpty { throw ValidationError("--no-bundled needs at least one gazetteer file or folder.") }
        }

        func run() throws {
            do {
                let gazetteer = try GazetteerCommand.load(paths, bundled: !noBundled)
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
