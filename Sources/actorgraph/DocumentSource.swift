import ActorGraph
import Foundation

/// The documents to extract, read as they are needed: files one by one, JSON
/// Lines a line at a time, so that memory does not grow with the input.
///
/// A path that cannot be read becomes a failed document, so that the others
/// still come out.
final class DocumentSource {
    /// Whether standard input holds JSON Lines; files ending in `.jsonl` always do.
    private let jsonLines: Bool
    private let defaultDate: String?
    private let stdinID: String?
    private var paths: [String]
    private var pendingFiles: [URL] = []
    private var lines: LineReader?
    private var readStandardInput: Bool

    init(files: [String], jsonLines: Bool, defaultDate: String?, stdinID: String?) {
        self.jsonLines = jsonLines
        self.defaultDate = defaultDate
        self.stdinID = stdinID
        paths = files
        readStandardInput = files.isEmpty
    }

    /// The next document in input order, or `nil` when there are no more.
    func next() -> InputDocument? {
        while true {
            if let reader = lines {
                if let (line, number) = reader.next() {
                    if let document = InputDocument.parseLine(line, number: number, source: reader.source, defaultDate: defaultDate) {
                        return document
                    }
                    continue
                }
                if let problem = reader.problem {
                    lines = nil
                    return InputDocument.failed("", problem)
                }
                lines = nil
            }
            if readStandardInput {
                readStandardInput = false
                if jsonLines {
                    lines = LineReader(FileHandle.standardInput, source: "<stdin>")
                    continue
                }
                guard let data = try? FileHandle.standardInput.readToEnd() ?? Data() else {
                    return InputDocument.failed("", ActorGraphError(.unreadableInput, "Standard input cannot be read; pass a file or pipe text in."))
                }
                return InputDocument.document(data, id: stdinID, label: "<stdin>", date: defaultDate)
            }
            if !pendingFiles.isEmpty {
                let url = pendingFiles.removeFirst()
                guard let handle = try? FileHandle(forReadingFrom: url) else {
                    return unreadable(url)
                }
                if url.pathExtension == "jsonl" {
                    lines = LineReader(handle, source: url.path)
                    continue
                }
                defer { try? handle.close() }
                guard let data = try? handle.readToEnd() ?? Data() else { return unreadable(url) }
                return InputDocument.document(data, id: url.deletingPathExtension().lastPathComponent, label: url.path, date: defaultDate)
            }
            guard !paths.isEmpty else { return nil }
            let path = paths.removeFirst()
            do {
                pendingFiles = try SourceFiles.expand([URL(fileURLWithPath: path)], extensions: ["txt"])
            } catch {
                return InputDocument.failed("", error)
            }
        }
    }

    private func unreadable(_ url: URL) -> InputDocument {
        InputDocument.failed("", ActorGraphError(.unreadableInput, "\"\(url.path)\" cannot be read; check that it is a file you may read."))
    }
}

/// Lines of a file or pipe, read in chunks.
private final class LineReader {
    let source: String
    private let handle: FileHandle
    private var buffer = Data()
    private var position = 0
    private var searched = 0
    private var finished = false
    private var number = 0
    /// Why reading stopped early, if it did.
    private(set) var problem: ActorGraphError?

    init(_ handle: FileHandle, source: String) {
        self.handle = handle
        self.source = source
    }

    /// The next line without its line feed, and its 1-based number.
    func next() -> (Data, Int)? {
        while true {
            // Search only bytes not searched before; drop handed-out ones once a new chunk is needed.
            if let end = buffer[max(position, searched)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(buffer[position ..< end])
                position = end + 1
                searched = position
                number += 1
                return (line, number)
            }
            searched = buffer.endIndex
            if finished {
                guard position < buffer.endIndex else { return nil }
                let line = Data(buffer[position...])
                position = buffer.endIndex
                number += 1
                return (line, number)
            }
            do {
                if let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                    if position > buffer.startIndex {
                        searched -= position - buffer.startIndex
                        buffer = Data(buffer[position...])
                        position = buffer.startIndex
                    }
                    buffer.append(chunk)       // a long line grows in place
                } else {
                    finished = true
                }
            } catch {
                problem = ActorGraphError(.unreadableInput, "\(source) cannot be read past line \(number); check the file or pipe.")
                finished = true
                buffer = Data()
                position = buffer.startIndex
                searched = position
            }
        }
    }
}
