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
package struct DirectiveReader {
    let file: String
    let code: ActorGraphError.Code

    func directives(in text: String) throws -> [Directive] {
        var directives: [Directive] = []
        var lineNumber = 0
        for rawLine in Self.lines(of: text) {
            lineNumber += 1
            var line = rawLine
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let scalars = line.unicodeScalars
            // General category Cc is exactly U+0000–U+001F and U+007F–U+009F.
            if let control = scalars.firstIndex(where: { ($0.value < 0x20 || (0x7F ... 0x9F).contains($0.value)) && $0 != "\t" }) {
                let column = String(scalars[..<control]).count + 1
                throw error("The line holds a control character (U+\(String(scalars[control].value, radix: 16, uppercase: true))); remove it.",
                            line: lineNumber, column: column)
            }
            let content = Self.stripComment(scalars)
            let indent = content.prefix { $0 == " " || $0 == "\t" }
            let body = content.dropFirst(indent.count)
            if body.isEmpty { continue }
            let keyword = body.prefix { !Self.isSpace($0) }
            let rest = body.dropFirst(keyword.count)
            let valueStart = rest.prefix(while: Self.isSpace).count
            var value = rest.dropFirst(valueStart)
            while let last = value.last, Self.isSpace(last) { value = value.dropLast() }
            let keywordColumn = indent.count + 1
            directives.append(Directive(
                keyword: String(keyword),
                value: String(value),
                indented: !indent.isEmpty,
                line: lineNumber,
                keywordColumn: keywordColumn,
                valueColumn: keywordColumn + String(keyword).count + valueStart
            ))
        }
        return directives
    }

    /// The lines of `text`, split at LF, CRLF, a lone CR, U+2028 or U+2029 (a `String` sees
    /// CRLF as one `Character`, so splitting on "\n" alone would miss it).
    package static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        let scalars = text.unicodeScalars
        while index < text.endIndex {
            let scalar = scalars[index]
            // Line feed, carriage return, and the Unicode line and paragraph separators editors break at.
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                lines.append(text[start ..< index])
                var next = scalars.index(after: index)
                if scalar == "\r", next < text.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        lines.append(text[start...])
        return lines
    }

    /// An error at a place in this file.
    func error(_ message: String, line: Int, column: Int) -> ActorGraphError {
        ActorGraphError(code, message, file: file, line: line, column: column)
    }

    /// The line without its comment: from a `#` at the start of the content,
    /// or from a `#` that follows whitespace.
    private static func stripComment(_ line: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        var previousIsSpace = true
        for index in line.indices {
            let scalar = line[index]
            if scalar == "#" && previousIsSpace { return line[..<index] }
            previousIsSpace = isSpace(scalar)
        }
        return line
    }

    /// Whitespace, with the common ASCII cases answered without a Unicode property lookup.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" || (0x0A ... 0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }
}

extension Character {
    /// `isWhitespace`, which is the first scalar's, answered for ASCII without a Unicode property lookup:
    /// the files' parsers ask it of nearly every character.
    var isSpace: Bool { DirectiveReader.isSpace(unicodeScalars.first!) }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isSpace { end = index(before: end) }
        return self[startIndex ..< end]
    }
}

extension String {
    /// Splits a comma-separated list, trimming each item and dropping none:
    /// an empty item is returned as an empty string for the caller to refuse.
    func commaSeparated() -> [String] {
        split(separator: ",", omittingEmptySubsequences: false).map {
            String(Substring($0).drop { $0.isSpace }.trimmingTrailingWhitespace())
        }
    }
}
