import Foundation

/// Graphviz's `dot`, when it is installed: lays out DOT text as SVG for the
/// HTML report. Everything else works without it.
///
/// Once `dot` fails, it is not run again in the same process: every report
/// then draws its own layout, and the one warning says so.
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

    /// Whether `dot` failed once already; workers draw reports on several threads.
    private static let failed = FailedFlag()

    private final class FailedFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        /// Sets the flag; whether it was clear, that is, whether this is the first failure.
        func set() -> Bool { lock.withLock { defer { value = true }; return !value } }
        var isSet: Bool { lock.withLock { value } }
    }

    /// The SVG of `dot` text; `nil` when `dot` is not installed or failed before.
    static func svg(_ dot: String) -> Drawing? {
        guard let program, !failed.isSet else { return nil }
        switch run(program, on: dot) {
        case .svg(let svg): return .svg(svg)
        case .failed(let reason): return failed.set() ? .failed("\(program.path) \(reason)") : nil
        }
    }

    private static func run(_ program: URL, on dot: String) -> Drawing {
        let process = Process()
        process.executableURL = program
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failed("could not be started") }
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
            guard process.isRunning else { return .failed("left its output open for more than \(Int(timeLimit)) s") }
            process.terminate()
            return .failed("took more than \(Int(timeLimit)) s and was stopped")
        }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal { return .failed("was killed by signal \(process.terminationStatus)") }
        guard process.terminationStatus == 0 else { return .failed("failed (exit status \(process.terminationStatus))") }
        guard !collected.data.isEmpty else { return .failed("wrote nothing") }
        return .svg(String(decoding: collected.data, as: UTF8.self))
    }

    /// The output of `dot`, written by the reading thread before it signals, read after.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
