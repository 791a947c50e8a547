import Foundation

/// Graphviz's `dot`, when it is installed: lays out DOT text as SVG for the
/// HTML report. Everything else works without it.
enum Graphviz {
    /// The `dot` program on the search path, if there is one.
    static let program: URL? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { URL(fileURLWithPath: String($0)).appendingPathComponent("dot") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// How long `dot` may take before it is stopped: far longer than the graphs the
    /// reports draw need (under a second for thousands of merged documents).
    static let timeLimit: Double = 60

    /// What `dot` made of a graph.
    enum Drawing {
        case svg(String)
        /// Why there is no drawing: `dot` failed or took too long (the caller then draws its own layout).
        case failed(String)
    }

    /// The SVG of `dot` text; `nil` when `dot` is not installed.
    static func svg(_ dot: String) -> Drawing? {
        guard let program else { return nil }
        let process = Process()
        process.executableURL = program
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failed("\(program.path) could not be started") }
        // Write on another thread: dot may fill its output pipe before it has read all of its input.
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(dot.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        // Read on another thread too, so that a `dot` that hangs can be given up on: stopped,
        // and its output left to the reader (a child it started may hold the pipe open).
        let collected = Collected()
        let done = DispatchSemaphore(value: 0)
        Thread {
            collected.data = (try? output.fileHandleForReading.readToEnd()) ?? Data()
            done.signal()
        }.start()
        guard done.wait(timeout: .now() + timeLimit) == .success else {
            kill(process.processIdentifier, SIGKILL)
            return .failed("\(program.path) took more than \(Int(timeLimit)) s and was stopped")
        }
        process.waitUntilExit()
        let data = collected.data
        guard process.terminationStatus == 0, !data.isEmpty else {
            return .failed("\(program.path) failed (exit status \(process.terminationStatus))")
        }
        return .svg(String(decoding: data, as: UTF8.self))
    }

    /// The output of `dot`, written by the reading thread before it signals, read after.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
