import ActorGraph
import Foundation

/// One document to extract, read from a file, a JSON line or standard input.
struct InputDocument {
    var id: String?
    var text: String
    var date: String?
    /// Where it came from, for messages: `file.txt`, `<stdin>:3`; empty when the message names it already.
    var label: String
    /// The 1-based input line, for JSON Lines documents.
    var line: Int?
    /// Why the document cannot be extracted, when it cannot.
    var problem: ActorGraphError?
    var warnings: [String] = []

    static func failed(_ label: String, _ error: any Error) -> InputDocument {
        InputDocument(id: nil, text: "", date: nil, label: label,
                      problem: error as? ActorGraphError ?? ActorGraphError(.unreadableInput, "\(error)"))
    }

    static func document(_ data: Data, id: String?, label: String, date: String?) -> InputDocument {
        var document = InputDocument(id: id, text: String(decoding: data, as: UTF8.self), date: date, label: label)
        let valid = SourceFiles.validPrefixLength(data)
        if valid < data.count {
            document.warnings.append("\(label): invalid UTF-8 from byte \(valid) on was replaced with U+FFFD; offsets refer to the text as read.")
        }
        return document
    }

    /// The document on one JSON line, or `nil` for a blank line.
    static func parseLine(_ rawLine: [UInt8], number lineNumber: Int, source: String, defaultDate: String?) -> InputDocument? {
        let label = "\(source):\(lineNumber)"
        // A byte-order mark (which may start any line, as files are joined) and spaces alone make a blank line.
        let afterMark = rawLine.starts(with: [0xEF, 0xBB, 0xBF]) ? rawLine.dropFirst(3) : rawLine[...]
        if afterMark.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        var document = InputDocument(id: nil, text: "", date: defaultDate, label: label, line: lineNumber)
        var bytes = rawLine
        let valid = SourceFiles.validPrefixLength(bytes)
        if valid < bytes.count {
            // Read what can be read: invalid bytes become U+FFFD, as in text files.
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
            document.warnings.append("\(label): invalid UTF-8 from byte \(valid) of the line on was replaced with U+FFFD.")
        }
        // A line ending in CRLF is read without its CR, so that a column at the end of the line is where it ends.
        if bytes.last == 0x0D { bytes.removeLast() }
        let line = JSONLine(bytes)
        document.id = line.id
        if let date = line.date { document.date = date }
        document.text = line.text
        document.warnings += line.warnings.map { "\(label):\($0.column): \($0.message)" }
        if let problem = line.problem {
            document.problem = ActorGraphError(.unreadableInput, problem.message, column: problem.column)
        }
        return document
    }

    /// Where the document's problem is, for messages: its label and the problem's column (`docs.jsonl:3:21`).
    var problemPlace: String {
        guard let column = problem?.column, !label.isEmpty else { return label }
        return "\(label):\(column)"
    }

    /// `{"error": …, "id": …, "line": …, "column": …}` for a document that failed:
    /// `error` first, so that a record starts the same way whatever else it holds.
    static func errorLine(id: String?, line: Int?, column: Int?, message: String) -> Data {
        var writer = JSONWriter(pretty: false)
        writer.object { record in
            record.member("error", message)
            record.member("id", id)
            record.member("line", line)
            record.member("column", column)
        }
        writer.lineFeed()
        return Data(writer.bytes)
    }
}
