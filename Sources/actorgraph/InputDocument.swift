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
    static func parseLine(_ rawLine: Data, number lineNumber: Int, source: String, defaultDate: String?) -> InputDocument? {
        let label = "\(source):\(lineNumber)"
        if rawLine.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        var document = InputDocument(id: nil, text: "", date: defaultDate, label: label, line: lineNumber)
        var bytes = rawLine
        let valid = SourceFiles.validPrefixLength(bytes)
        if valid < bytes.count {
            // Read what can be read: invalid bytes become U+FFFD, as in text files.
            bytes = Data(String(decoding: bytes, as: UTF8.self).utf8)
            document.warnings.append("\(label): invalid UTF-8 from byte \(valid) of the line on was replaced with U+FFFD.")
        }
        do {
            let line = try JSONDecoder().decode(Line.self, from: bytes)
            document.id = line.id
            if let date = line.date { document.date = date }
            document.text = line.text
        } catch let problem as LineProblem {
            document.id = problem.id
            document.problem = ActorGraphError(.unreadableInput, problem.message)
        } catch {
            document.problem = ActorGraphError(.unreadableInput, "The line is not a JSON object; write {\"id\": \"…\", \"text\": \"…\"}.")
        }
        return document
    }

    /// One JSON Lines document: `{"id": "…", "text": "…", "date": "YYYY-MM-DD"}`.
    private struct Line: Decodable {
        var id: String?
        var text: String
        var date: String?

        enum Key: String, CodingKey { case id, text, date }

        init(from decoder: any Decoder) throws {
            let container: KeyedDecodingContainer<Key>
            do { container = try decoder.container(keyedBy: Key.self) } catch {
                throw LineProblem(message: "The line is not a JSON object; write {\"id\": \"…\", \"text\": \"…\"}.")
            }
            if container.contains(.id) {
                if let text = try? container.decode(String.self, forKey: .id), !text.isEmpty {
                    id = text
                } else if let number = try? container.decode(Int.self, forKey: .id) {
                    id = String(number)
                } else {
                    throw LineProblem(message: "The \"id\" is not a non-empty string or a whole number; fix it or leave it out.")
                }
            }
            if container.contains(.date) {
                guard let text = try? container.decode(String.self, forKey: .date) else {
                    throw LineProblem(message: "The \"date\" is not a string; write it as \"YYYY-MM-DD\".", id: id)
                }
                date = text
            }
            guard container.contains(.text) else {
                throw LineProblem(message: "The line has no \"text\" string; add the article's text.", id: id)
            }
            do {
                text = try container.decode(String.self, forKey: .text)
            } catch DecodingError.typeMismatch {
                throw LineProblem(message: "The \"text\" is not a string; write the article's text as a JSON string.", id: id)
            } catch {
                // A lone surrogate escape ("\ud800") is no character.
                throw LineProblem(message: "The \"text\" string is not valid Unicode (a lone \\ud800–\\udfff escape?); fix it at that line.", id: id)
            }
        }
    }

    /// Why a line is not a document, and its id when that part of it was usable.
    private struct LineProblem: Error {
        var message: String
        var id: String? = nil
    }

    /// `{"id": …, "error": …, "line": …}` for a document that failed.
    static func errorLine(id: String?, line: Int?, message: String) throws -> Data {
        var object: [String: Any] = ["error": message]
        if let id { object["id"] = id }
        if let line { object["line"] = line }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) + Data("\n".utf8)
    }
}
