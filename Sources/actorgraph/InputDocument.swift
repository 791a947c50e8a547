import ActorGraph
import Foundation

/// One document to extract, read from a file, a JSON line or standard input.
struct InputDocument {
    var id: String?
    var text: String
    var date: String?
    /// Where it came from, for messages: `file.txt`, `<stdin>:3`.
    var label: String
    /// The 1-based input line, for JSON Lines documents.
    var line: Int?
    /// Why the document cannot be extracted, when it cannot.
    var problem: ActorGraphError?
    var warnings: [String] = []

    static func read(files: [String], jsonLines: Bool, defaultDate: String?, stdinID: String?) throws -> [InputDocument] {
        if files.isEmpty {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            if jsonLines { return parseLines(data, source: "<stdin>", defaultDate: defaultDate) }
            return [document(data, id: stdinID, label: "<stdin>", date: defaultDate)]
        }
        var documents: [InputDocument] = []
        for path in files {
            for url in try expand(path) {
                let data: Data
                do { data = try Data(contentsOf: url) } catch {
                    throw ActorGraphError(.unreadableInput, "\"\(url.path)\" cannot be read; check that it is a file you may read.")
                }
                if jsonLines && url.pathExtension == "jsonl" {
                    documents += parseLines(data, source: url.path, defaultDate: defaultDate)
                } else {
                    documents.append(document(data, id: url.deletingPathExtension().lastPathComponent, label: url.path, date: defaultDate))
                }
            }
        }
        return documents
    }

    /// A path as files: a folder stands for its `.txt` files, in name order.
    private static func expand(_ path: String) throws -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ActorGraphError(.unreadableInput, "\"\(path)\" does not exist; check the path.")
        }
        let url = URL(fileURLWithPath: path)
        guard isFolder.boolValue else { return [url] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let texts = names.filter { $0.hasSuffix(".txt") }.sorted()
        guard !texts.isEmpty else {
            throw ActorGraphError(.unreadableInput, "The folder \"\(path)\" holds no .txt file; pass text files or a folder of them.")
        }
        return texts.map { url.appendingPathComponent($0) }
    }

    private static func document(_ data: Data, id: String?, label: String, date: String?) -> InputDocument {
        let text = String(decoding: data, as: UTF8.self)
        var document = InputDocument(id: id, text: text, date: date, label: label)
        if let offset = firstInvalidUTF8(data) {
            document.warnings.append("\(label): invalid UTF-8 from byte \(offset) on was replaced with U+FFFD; offsets refer to the text as read.")
        }
        return document
    }

    private static func parseLines(_ data: Data, source: String, defaultDate: String?) -> [InputDocument] {
        var documents: [InputDocument] = []
        var lineNumber = 0
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let label = "\(source):\(lineNumber)"
            if rawLine.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            var document = InputDocument(id: nil, text: "", date: defaultDate, label: label, line: lineNumber)
            guard let object = try? JSONSerialization.jsonObject(with: Data(rawLine)) as? [String: Any] else {
                document.problem = ActorGraphError(.unreadableInput, "Line \(lineNumber) is not a JSON object; write {\"id\": \"…\", \"text\": \"…\"}.")
                documents.append(document)
                continue
            }
            document.id = object["id"] as? String ?? (object["id"] as? NSNumber)?.stringValue
            if let date = object["date"] as? String { document.date = date }
            if let text = object["text"] as? String {
                document.text = text
            } else {
                document.problem = ActorGraphError(.unreadableInput, "Line \(lineNumber) has no \"text\" string; add the article's text.")
            }
            documents.append(document)
        }
        return documents
    }

    /// `{"id": …, "error": …, "line": …}` for a document that failed.
    static func errorLine(id: String?, line: Int?, error: any Error) throws -> Data {
        var object: [String: Any] = ["error": (error as? ActorGraphError)?.message ?? "\(error)"]
        if let id { object["id"] = id }
        if let line { object["line"] = line }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) + Data("\n".utf8)
    }

    /// The byte offset of the first invalid UTF-8 sequence.
    private static func firstInvalidUTF8(_ data: Data) -> Int? {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                consumed = offset
            case .emptyInput:
                return nil
            case .error:
                return consumed
            }
        }
    }
}
