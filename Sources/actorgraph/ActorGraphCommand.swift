import ActorGraph
import ArgumentParser
import Foundation

@main
struct ActorGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actorgraph",
        abstract: "Turn news text into a graph of actors and events.",
        subcommands: [ExtractCommand.self, EvalCommand.self, GazetteerCommand.self]
    )

    /// Runs the command; a usage error is one line on stderr (`actorgraph: error: …`), status 64.
    static func main() {
        // A reader that goes away (`| head`) is a write error to report, not a signal to die of.
        signal(SIGPIPE, SIG_IGN)
        do {
            // ArgumentParser answers `help` of an unknown subcommand with the root's help and status 0.
            let arguments = CommandLine.arguments.dropFirst()
            if arguments.first == "help", let unknown = unknownSubcommand(arguments.dropFirst()) {
                Console.error("error: Unknown subcommand '\(unknown)' (see 'actorgraph --help')")
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Console.write(fullMessage(for: error) + "\n")      // --help
                Foundation.exit(0)
            }
            // One line: a list ArgumentParser writes an item a line ("- json") is joined onto it.
            let lines = Self.message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let items = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
            let message = (lines.first ?? "") + (items.isEmpty ? "" : " " + items.joined(separator: ", "))
            if !message.isEmpty {
                let reason = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
                Console.error("error: \(reason) (see 'actorgraph --help')")
            }
            Foundation.exit(code.rawValue)
        }
    }
}

extension ActorGraphCommand {
    /// The first word of `path` (`gazetteer compile`) that names no subcommand of the one before it.
    static func unknownSubcommand(_ path: ArraySlice<String>) -> String? {
        var command: any ParsableCommand.Type = ActorGraphCommand.self
        for word in path where !word.hasPrefix("-") {
            guard let subcommand = command.configuration.subcommands.first(where: { $0._commandName == word }) else { return word }
            command = subcommand
        }
        return nil
    }
}

/// Prints `actorgraph: error: …` on stderr and exits with status 1.
func fail(_ error: any Error) -> ExitCode {
    let message = (error as? ActorGraphError)?.description ?? "\(error)"
    Console.error("error: \(message)")
    return ExitCode(1)
}

enum Console {
    /// The progress line on standard error, if one is shown: a message clears it
    /// first, so that it starts a line of its own (`Progress` draws it again).
    private static let progress = ProgressLine()

    private final class ProgressLine: @unchecked Sendable {
        let lock = NSLock()
        var shown = false
    }

    /// Writes `actorgraph: line` on standard error, as one line whatever the input it quotes.
    static func error(_ line: String) {
        progress.lock.withLock {
            let clear = progress.shown ? "\r\u{1B}[K" : ""
            progress.shown = false
            try? FileHandle.standardError.write(contentsOf: Data((clear + "actorgraph: " + OneLine.printable(line) + "\n").utf8))
        }
    }

    /// Shows `line` as the progress line, in place of the one before; `nil` clears it.
    static func showProgress(_ line: String?) {
        progress.lock.withLock {
            guard line != nil || progress.shown else { return }
            progress.shown = line != nil
            try? FileHandle.standardError.write(contentsOf: Data(("\r\u{1B}[K" + (line ?? "")).utf8))
        }
    }

    /// Writes to standard output; if it is closed or broken, says so and exits with status 1.
    static func write(_ data: Data) {
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            Console.error("error: cannot write to standard output; check that it is open and writable.")
            exit(1)
        }
    }

    static func write(_ text: String) {
        write(Data(text.utf8))
    }
}
