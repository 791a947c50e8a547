import ActorGraph
import Foundation

/// The documents to extract, read as they are needed: files one by one, JSON
/// Lines a line at a time, so that memory does not grow with the input.
///
/// A path that cannot be read becomes a failed document, so that the others
/// still come out.
final class DocumentSource {
    /// Whether standard input holds JSON Lines.
    private let standardInputHoldsJSONLines: Bool
    /// What the files named hold; `nil`: JSON Lines when they end in `.jsonl`, else text.
    /// A folder's `.txt` files are always text.
    private let filesHold: ExtractCommand.Input?
    private let defaultDate: String?
    private let stdinID: String?
    private var paths: [String]
    private var pendingFiles: [URL] = []
    /// Whether `pendingFiles` is the one file named, rather than a folder's files.
    private var pendingFileIsNamed = false
    private var lines: LineReader?
    private var readStandardInput: Bool

    init(files: [String], filesHold: ExtractCommand.Input?, standardInputHoldsJSONLines: Bool, defaultDate: String?, stdinID: String?) {
        self.filesHold = filesHold
        self.standardInputHoldsJSONLines = standardInputHoldsJSONLines
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
                if standardInputHoldsJSONLines {
                    lines = LineReader(FileHandle.standardInput, source: "<stdin>")
                    continue
                }
                guard let data = try? FileHandle.standardInput.readToEnd() ?? Data() else {
                    return InputDocument.failed("", ActorGraphError(.unreadableInput, "Standard input cannot be read; pass a file or pipe text in."))
                }
                return Self.document(data, id: stdinID, label: "<stdin>", date: defaultDate)
            }
            if !pendingFiles.isEmpty {
                let url = pendingFiles.removeFirst()
                guard let handle = try? FileHandle(forReadingFrom: url) else {
                    return unreadable(url)
                }
                let declared = pendingFileIsNamed ? filesHold : nil
                if (declared ?? Self.kind(ofFile: url.path)) == .jsonl {
                    lines = LineReader(handle, source: SourceFiles.displayName(url))
                    continue
                }
                defer { try? handle.close() }
                guard let data = try? handle.readToEnd() ?? Data() else { return unreadable(url) }
                return Self.document(data, id: url.deletingPathExtension().lastPathComponent, label: SourceFiles.displayName(url), date: defaultDate)
            }
            guard !paths.isEmpty else { return nil }
            let path = paths.removeFirst()
            do {
                pendingFiles = try SourceFiles.expand([URL(fileURLWithPath: path)], extensions: ["txt"])
                pendingFileIsNamed = !SourceFiles.isFolder(URL(fileURLWithPath: path))
            } catch {
                return InputDocument.failed("", error)
            }
        }
    }

    /// What a file holds by its name, when `--input` does not say: JSON Lines when it ends in `.jsonl`.
    static func kind(ofFile path: String) -> ExtractCommand.Input {
        path.hasSuffix(".jsonl") ? .jsonl : .text
    }

    /// The text document of `data`: UTF-8, or UTF-16 when it starts with UTF-16's byte-order mark.
    private static func document(_ data: Data, id: String?, label: String, date: String?) -> InputDocument {
        guard let bigEndian = UTF16Input.bigEndian(data) else { return InputDocument.document(data, id: id, label: label, date: date) }
        let (text, repaired) = UTF16Input.decode(data, bigEndian: bigEndian)
        var document = InputDocument(id: id, text: text, date: date, label: label)
        if repaired {
            document.warnings.append("\(label): the UTF-16 text holds bytes that are not UTF-16 (a lone surrogate, or an odd byte at the end); they were replaced with U+FFFD.")
        }
        return document
    }

    private func unreadable(_ url: URL) -> InputDocument {
        InputDocument.failed("", ActorGraphError(.unreadableInput, "\"\(SourceFiles.displayName(url))\" cannot be read; check that it is a file you may read."))
    }
}

/// Lines of a file or pipe, read in chunks.
private final class LineReader {
    let source: String
    private let handle: FileHandle
    /// Bytes read: those before `position` are handed out; from `position` to
    /// `searched` there is no line feed.
    private var buffer: [UInt8] = []
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
    func next() -> ([UInt8], Int)? {
        while true {
            if number == 0, UTF16Input.bigEndian(buffer) != nil {
                // Its line feeds are two bytes: read as UTF-8 lines, every line would be garbage.
                problem = ActorGraphError(.unreadableInput, "\(source) is UTF-16 (it starts with a byte-order mark); JSON Lines are UTF-8: convert it, e.g. with iconv -f UTF-16 -t UTF-8.")
                return nil
            }
            if let end = Self.lineFeed(in: buffer, from: searched) {
                return line(position ..< end, next: end + 1)
            }
            searched = buffer.count
            if finished {
                return position < buffer.count ? line(position ..< buffer.count, next: buffer.count) : nil
            }
            do {
                if let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                    // Drop what was handed out; the rest is part of one line, which then grows in place.
                    buffer.removeFirst(position)
                    searched -= position
                    position = 0
                    buffer.append(contentsOf: chunk)
                } else {
                    finished = true
                }
            } catch {
                problem = ActorGraphError(.unreadableInput, number == 0 ? "\(source) cannot be read; check that it is open, or pass a file."
                                                                         : "\(source) cannot be read past line \(number); check the file or pipe.")
                finished = true
                (buffer, position, searched) = ([], 0, 0)
            }
        }
    }

    /// Hands out the bytes of `range` as the next line; reading goes on at `next`.
    private func line(_ range: Range<Int>, next: Int) -> ([UInt8], Int) {
        let line = Array(buffer[range])
        position = next
        searched = next
        number += 1
        return (line, number)
    }

    /// The offset of the first line feed of `buffer` from `start` on.
    private static func lineFeed(in buffer: [UInt8], from start: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            guard start < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
