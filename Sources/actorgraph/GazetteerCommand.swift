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

    /// The bundled gazetteer, with the files at `paths` on top, as `extract --gazetteer` loads them.
    static func load(_ paths: [String]) throws -> Gazetteer {
        guard let bundled = BundledData.entities else {
            throw ActorGraphError(.unreadableInput, "The bundled gazetteers are missing; reinstall ActorGraph.")
        }
        return try Gazetteer.load([bundled] + paths.map { URL(fileURLWithPath: $0) })
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report malformed entries, shared aliases, overlapping terms, mojibake and common-word aliases.",
            discussion: "Exits with status 1 when there is an error; warnings alone exit 0."
        )

        @Argument(help: "Gazetteer files or folders, checked together with the bundled gazetteer they extend.")
        var paths: [String] = []

        func run() throws {
            let gazetteer: Gazetteer
            do { gazetteer = try GazetteerCommand.load(paths) } catch {
                Console.write("\((error as? ActorGraphError)?.description ?? "\(error)")\n1 error, 0 warnings\n")
                throw ExitCode(1)
            }
            do {
                var words = Set<String>()
                if let url = BundledData.commonWords, let text = try? String(contentsOf: url, encoding: .utf8) {
                    words = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
                }
                let findings = try GazetteerLint(gazetteer: gazetteer, commonWords: words).findings()
                let errors = findings.filter { $0.severity == .error }.count
                let report = findings.map(\.description) + ["\(errors) error\(errors == 1 ? "" : "s"), \(findings.count - errors) warning\(findings.count - errors == 1 ? "" : "s")"]
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

        func run() throws {
            do {
                let gazetteer = try GazetteerCommand.load(paths)
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
