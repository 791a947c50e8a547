/// One meaningful line of a gazetteer or rule file: a keyword and its value.
struct Directive: Sendable {
    /// The first word of the line.
    var keyword: String
    /// The rest of the line, trimmed, without its comment.
    var value: String
    /// Whether the line is indented (an attribute of the block above it).
    var indented: Bool
    var line: Int
    /// 1-based column of the keyword.
    var keywordColumn: Int
    /// 1-based column of the value.
    var valueColumn: Int
}

/// Reads the line syntax shared by `.gaz` and `.rules` files: `#` comments,
/// blank lines, header lines at the first column and indented `key value` lines.
struct DirectiveReader {
    let file: String
    let code: ActorGraphError.Code

    func directives(in text: String) throws -> [Directive] {
        var directives: [Directive] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.contains("\u{FFFD}") {
                throw error("The line is not valid UTF-8; save the file as UTF-8.", line: lineNumber, column: 1)
            }
            let content = Self.stripComment(line)
            let indent = content.prefix { $0 == " " || $0 == "\t" }
            let body = content.dropFirst(indent.count)
            if body.isEmpty { continue }
            let keyword = body.prefix { !$0.isWhitespace }
            let rest = body.dropFirst(keyword.count)
            let valueStart = rest.prefix { $0.isWhitespace }.count
            let value = rest.dropFirst(valueStart)
            let keywordColumn = indent.count + 1
            directives.append(Directive(
                keyword: String(keyword),
                value: String(value.trimmingTrailingWhitespace()),
                indented: !indent.isEmpty,
                line: lineNumber,
                keywordColumn: keywordColumn,
                valueColumn: keywordColumn + keyword.count + valueStart
            ))
        }
        return directives
    }

    /// An error at a place in this file.
    func error(_ message: String, line: Int, column: Int) -> ActorGraphError {
        ActorGraphError(code, message, file: file, line: line, column: column)
    }

    /// The line without its comment: from a `#` at the start of the content,
    /// or from a `#` that follows whitespace.
    private static func stripComment(_ line: Substring) -> Substring {
        var previousIsSpace = true
        for index in line.indices {
            let character = line[index]
            if character == "#" && previousIsSpace { return line[..<index] }
            previousIsSpace = character.isWhitespace
        }
        return line
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex ..< end]
    }
}

extension String {
    /// Splits a comma-separated list, trimming each item and dropping none:
    /// an empty item is returned as an empty string for the caller to refuse.
    func commaSeparated() -> [String] {
        split(separator: ",", omittingEmptySubsequences: false).map {
            String(Substring($0).drop { $0.isWhitespace }.trimmingTrailingWhitespace())
        }
    }
}
