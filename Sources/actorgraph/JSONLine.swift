import ActorGraph

/// One JSON Lines document, `{"id": "…", "text": "…", "date": "YYYY-MM-DD"}`,
/// read with the column of every problem.
///
/// Other keys are allowed (pipelines carry "title", "url", …) and checked as
/// JSON only; a key that is `id`, `text` or `date` in other capitals is a
/// warning, since its value would otherwise be lost without a word. A key
/// given twice in an object is an error (``JSONReader``), since one of its values would be.
struct JSONLine {
    /// Why a line is not a document: one sentence, and the 1-based column of
    /// the bad byte when there is one.
    struct Problem {
        var message: String
        var column: Int?
    }

    /// The id; kept when the line has a problem after it, for its error record.
    var id: String?
    var text = ""
    var date: String?
    /// Why the line is not a document, when it is not.
    var problem: Problem?
    /// Keys that read as a field in other capitals: the column of each and what to say.
    var warnings: [(column: Int, message: String)] = []

    private static let fields = ["id", "text", "date"]

    /// Reads the document on `bytes`, a line without its line feed, in valid UTF-8;
    /// a line that is not JSON, not an object, or whose fields cannot be used gets a ``problem``.
    /// - Complexity: O(*n*) in the line's length.
    init(_ bytes: [UInt8]) {
        // A byte-order mark may start any line (files joined into one); it is not counted in columns.
        let start = JSONReader.byteOrderMarkLength(bytes)
        // Columns count characters, as in the messages about gazetteer, rule and gold files. ASCII
        // needs no grapheme breaking: a line holds no line feed, so each of its bytes is a character.
        func column(_ offset: Int) -> Int {
            let before = bytes[start ..< offset]
            if before.allSatisfy({ $0 < 0x80 }) { return before.count + 1 }
            return String(decoding: before, as: UTF8.self).count + 1
        }
        var id: String?, text: String?, date: String?
        var warnings: [(column: Int, message: String)] = []
        // The first problem with a value, unless there is a syntax error: that comes first, since the line is no JSON then.
        var firstProblem: JSONReader.Failure?
        func note(_ offset: Int, _ message: String) {
            if firstProblem == nil { firstProblem = JSONReader.Failure(offset: offset, message: message) }
        }
        func describe(_ kind: JSONReader.Kind, at offset: Int) -> String {
            switch kind {
            case .null: "null"
            case .boolean: bytes[offset] == UInt8(ascii: "t") ? "true" : "false"
            default: kind.rawValue
            }
        }
        var reader = JSONReader(bytes, from: start, end: "the end of the line")
        do {
            reader.skipSpace()
            guard reader.kindAhead == .object else {
                throw JSONReader.Failure(offset: reader.offset, message: "The line is not a JSON object; write {\"id\": \"…\", \"text\": \"…\"}.")
            }
            try reader.object(depth: 0) { reader, key, keyOffset in
                let valueOffset = reader.offset
                switch key {
                case "id":
                    switch reader.kindAhead {
                    case .string:
                        let value = try reader.string()
                        if value.isEmpty { note(valueOffset, "The \"id\" is empty; give the document an id or leave the key out.") }
                        id = value.isEmpty ? nil : value
                    case .number:
                        let literal = try reader.number()
                        let written = String(decoding: bytes[literal], as: UTF8.self)
                        // A whole number of any size is kept as written; a fraction or an exponent would be rounded or reformatted.
                        if written.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains($0) }) {
                            id = written
                        } else {
                            note(valueOffset, "The \"id\" is \(written), not a whole number in plain digits; write it in digits only or as a string, \"\(written)\".")
                        }
                    default:
                        let kind = try reader.skipValue(depth: 1)
                        note(valueOffset, "The \"id\" is \(describe(kind, at: valueOffset)), not a non-empty string or a whole number; fix it or leave it out.")
                    }
                case "text":
                    if reader.kindAhead == .string {
                        text = try reader.string()
                    } else {
                        let kind = try reader.skipValue(depth: 1)
                        note(valueOffset, "The \"text\" is \(describe(kind, at: valueOffset)), not a string; write the article's text as a JSON string.")
                    }
                case "date":
                    if reader.kindAhead == .string {
                        let value = try reader.string()
                        do { _ = try Day(iso: value) } catch {
                            note(valueOffset, (error as? ActorGraphError)?.message ?? "\(error)")
                        }
                        date = value
                    } else {
                        let kind = try reader.skipValue(depth: 1)
                        note(valueOffset, "The \"date\" is \(describe(kind, at: valueOffset)), not a string; write it as \"YYYY-MM-DD\".")
                    }
                default:
                    if key.utf8.count <= 4, let field = Self.fields.first(where: { $0 == key.lowercased() }) {
                        warnings.append((column(keyOffset), "the key \"\(key)\" is not read; did you mean \"\(field)\"?"))
                    }
                    try reader.skipValue(depth: 1)
                }
            }
            try reader.finish()
        } catch {
            // Only the reader throws, and only its failures.
            firstProblem = error as? JSONReader.Failure ?? JSONReader.Failure(offset: reader.offset, message: "\(error)")
        }
        self.id = id
        self.date = date
        self.warnings = warnings
        if let firstProblem {
            problem = Problem(message: firstProblem.message, column: column(firstProblem.offset))
        } else if let text {
            self.text = text
        } else {
            problem = Problem(message: "The line has no \"text\" string; add the article's text.")
        }
    }
}
