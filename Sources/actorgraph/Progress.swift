import ActorGraph
import Foundation

/// A one-line progress report on standard error: documents done, megabytes,
/// speed and, when the input's size is known, a bar and the time left. Shown
/// only when standard error is a terminal and standard output is not, or is
/// not written to (so it never mixes with the output); silent otherwise.
final class Progress {
    private let enabled: Bool
    /// Bytes of input in all, when every input is a file or folder.
    private let totalBytes: Int?
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var documents = 0
    private var bytes = 0

    init(paths: [String], writesStandardOutput: Bool) {
        enabled = isatty(STDERR_FILENO) == 1 && (!writesStandardOutput || isatty(STDOUT_FILENO) == 0)
        totalBytes = enabled && !paths.isEmpty ? Self.size(of: paths) : nil
    }

    /// Counts a window of documents done, and redraws at most five times a second.
    func advance(documents count: Int, bytes size: Int) {
        guard enabled else { return }
        documents += count
        bytes += size
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
        lastDrawn = now
        draw(elapsed: now.timeIntervalSince(start))
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        Console.showProgress(nil)
    }

    private func draw(elapsed: Double) {
        let speed = elapsed > 0 ? Double(bytes) / 1_000_000 / elapsed : 0
        var line = counted(documents, "document") + String(format: ", %.1f MB, %.1f MB/s", Double(bytes) / 1_000_000, speed)
        if let totalBytes, totalBytes > 0 {
            let done = min(1, Double(bytes) / Double(totalBytes))
            let width = 24
            let filled = Int(done * Double(width))
            let left = speed > 0 ? Double(totalBytes - min(bytes, totalBytes)) / 1_000_000 / speed : 0
            line = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
                + String(format: "%3.0f%%  ", done * 100) + line + String(format: ", %d:%02d left", Int(left) / 60, Int(left) % 60)
        }
        Console.showProgress(line)
    }

    /// The bytes of the files given, and of the files the folders given stand for (as
    /// the documents are read); `nil` if one cannot be measured.
    private static func size(of paths: [String]) -> Int? {
        guard let files = try? SourceFiles.expand(paths.map { URL(fileURLWithPath: $0) }, extensions: ["txt"]) else { return nil }
        var total = 0
        for file in files {
            guard let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int else { return nil }
            total += size
        }
        return total
    }
}
