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

    /// The SVG of `dot` text, or `nil` when `dot` is missing or fails (the caller then draws its own layout).
    static func svg(_ dot: String) -> String? {
        guard let program else { return nil }
        let process = Process()
        process.executableURL = program
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Write on another thread: dot may fill its output pipe before it has read all of its input.
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(dot.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = (try? output.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !data.isEmpty else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
