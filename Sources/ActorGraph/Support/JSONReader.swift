/// Reads JSON text (RFC 8259) value by value, checking its syntax and knowing
/// the byte offset of everything it reads, so that a problem is reported at its
/// first bad byte.
///
/// Gold files and JSON Lines input are both read with it: the caller walks the
/// values it needs (``object(depth:_:)``, ``string()``, ``number()``) and skips
/// the others (``skipValue(depth:)``), which are checked all the same. The bytes
/// must be valid UTF-8; callers check that first, where invalid UTF-8 has a
/// message of its own.
package struct JSONReader {
    /// A problem at a place in the text, such as a syntax error: where it is and what to do.
    package struct Failure: Error {
        /// The offset of the first bad byte.
        package var offset: Int
        /// One sentence: what is wrong and what to do.
        package var message: String

        package init(offset: Int, message: String) {
            self.offset = offset
            self.message = message
        }
    }

    /// The kinds of JSON value, as messages name them.
    package enum Kind: String, Sendable {
        case object = "an object", list = "a list", string = "a string", number = "a number", boolean = "true or false", null
    }

    /// Objects and lists nested deeper than this are refused, so that reading cannot exhaust the stack.
    package static let maximumDepth = 512

    /// The text read, in UTF-8.
    package let bytes: [UInt8]
    /// The offset of the next byte to read.
    package private(set) var offset: Int
    /// What the end of the bytes is called in messages: "the end of the file", "the end of the line".
    private let end: String

    /// A reader of `bytes` from `offset` on.
    package init(_ bytes: [UInt8], from offset: Int = 0, end: String) {
        self.bytes = bytes
        self.offset = offset
        self.end = end
    }

    /// 3 when `bytes` start with a UTF-8 byte-order mark, else 0: where the JSON text starts.
    package static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// The kind of the value that starts at the offset, judged by its first byte; `nil` when no value can start there.
    package var kindAhead: Kind? {
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .list
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .boolean
        case UInt8(ascii: "n"): return .null
        default: return nil
        }
    }

    /// Moves past the whitespace JSON allows between tokens: space, tab, line feed, carriage return.
    package mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// Checks that nothing but whitespace follows the top-level value.
    package mutating func finish() throws(Failure) {
        skipSpace()
        if offset < bytes.count {
            throw Failure(offset: offset, message: "Malformed JSON: \(found()) after the end of the top-level value; remove it.")
        }
    }

    /// Reads an object at the offset (its "{"). `member` is called for each
    /// member with its key and the offset of the key's opening quote, the
    /// reader standing at the member's value, which `member` must read.
    /// A key given twice is refused: one of its values would be lost.
    /// - Parameter depth: How many objects and lists enclose this one.
    package mutating func object(depth: Int, _ member: (inout JSONReader, _ key: String, _ keyOffset: Int) throws -> Void) throws {
        try checkDepth(depth)
        offset += 1
        skipSpace()
        if byte(is: "}") { offset += 1; return }
        var comma = 0
        var seen = Set<String>()
        while true {
            skipSpace()
            if byte(is: "}") {
                throw Failure(offset: comma, message: "Malformed JSON: a comma before \"}\"; remove the trailing comma.")
            }
            let keyOffset = offset
            guard byte(is: "\"") else { throw failure(expected: "a key in double quotes") }
            let key = try string()
            guard seen.insert(key).inserted else {
                throw Failure(offset: keyOffset, message: "The key \"\(key)\" is given twice in its object; keep one.")
            }
            skipSpace()
            try expect(":", "\":\" after the key")
            skipSpace()
            try member(&self, key, keyOffset)
            skipSpace()
            if byte(is: ",") { comma = offset; offset += 1; continue }
            try expect("}", "\",\" or \"}\"")
            return
        }
    }

    /// Reads a list at the offset (its "["). `element` is called for each
    /// element with its index, the reader standing at it, which `element` must read.
    /// - Parameter depth: How many objects and lists enclose this one.
    package mutating func list(depth: Int, _ element: (inout JSONReader, _ index: Int) throws -> Void) throws {
        try checkDepth(depth)
        offset += 1
        skipSpace()
        if byte(is: "]") { offset += 1; return }
        var index = 0
        var comma = 0
        while true {
            skipSpace()
            if byte(is: "]") {
                throw Failure(offset: comma, message: "Malformed JSON: a comma before \"]\"; remove the trailing comma.")
            }
            try element(&self, index)
            index += 1
            skipSpace()
            if byte(is: ",") { comma = offset; offset += 1; continue }
            try expect("]", "\",\" or \"]\"")
            return
        }
    }

    /// Reads and checks any value at the offset, keeping nothing of it.
    /// - Parameter depth: How many objects and lists enclose it.
    /// - Returns: Its kind.
    @discardableResult
    package mutating func skipValue(depth: Int) throws -> Kind {
        guard let kind = kindAhead else { throw failure(expected: "a value") }
        switch kind {
        case .object: try object(depth: depth) { reader, _, _ in try reader.skipValue(depth: depth + 1) }
        case .list: try list(depth: depth) { reader, _ in try reader.skipValue(depth: depth + 1) }
        case .string: _ = try scanString(decoding: false)
        case .number: _ = try number()
        case .boolean, .null: try literal()
        }
        return kind
    }

    /// Reads the string at the offset (its opening quote) and returns its text.
    package mutating func string() throws(Failure) -> String {
        try scanString(decoding: true) ?? ""
    }

    /// Reads the number at the offset and returns where it is written.
    package mutating func number() throws(Failure) -> Range<Int> {
        let start = offset
        func digits() -> Int {
            let first = offset
            while offset < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
            return offset - first
        }
        if byte(is: "-") { offset += 1 }
        if byte(is: "0") {
            offset += 1
            if offset < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[offset]) {
                throw Failure(offset: offset - 1, message: "Malformed JSON: a number that starts with 0 and goes on with digits; leave out the 0, or write it as a string.")
            }
        } else if digits() == 0 {
            throw failure(expected: "a digit")
        }
        if byte(is: ".") {
            offset += 1
            if digits() == 0 { throw failure(expected: "a digit after the decimal point") }
        }
        if byte(is: "e") || byte(is: "E") {
            offset += 1
            if byte(is: "+") || byte(is: "-") { offset += 1 }
            if digits() == 0 { throw failure(expected: "a digit in the exponent") }
        }
        return start ..< offset
    }

    /// Reads `true`, `false` or `null` at the offset.
    /// - Returns: Its kind.
    @discardableResult
    package mutating func literal() throws(Failure) -> Kind {
        let rest = bytes[offset...]
        if rest.starts(with: "true".utf8) { offset += 4; return .boolean }
        if rest.starts(with: "false".utf8) { offset += 5; return .boolean }
        if rest.starts(with: "null".utf8) { offset += 4; return .null }
        throw failure(expected: "a value")
    }

    /// The error "expected …, found …" at the offset.
    package func failure(expected: String) -> Failure {
        Failure(offset: offset, message: "Malformed JSON: expected \(expected), found \(found()); fix the JSON here.")
    }

    /// What is at the offset, for messages: `"x"`, `the start of a string`, `the end of the line`.
    package func found() -> String {
        Self.describe(bytes, at: offset, end: end)
    }

    /// What is at `offset` of `bytes`, for messages; `end` past the last byte.
    private static func describe<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: Int, end: String) -> String where Bytes.Index == Int {
        guard offset < bytes.endIndex else { return end }
        let lead = bytes[offset]
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        let scalar = String(decoding: bytes[offset ..< min(offset + width, bytes.endIndex)], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        if scalar.value < 0x20 { return "the control character \(OneLine.codePoint(scalar))" }
        // What cannot be seen between quotes is named: a no-break space, a byte-order mark.
        if scalar.value >= 0x7F && (scalar.properties.isWhitespace || scalar.properties.generalCategory == .format || scalar.value <= 0x9F) {
            return "the character \(OneLine.codePoint(scalar))"
        }
        if scalar == "\"" { return "the start of a string" }
        return "\"\(scalar)\""
    }

    private func byte(is character: Unicode.Scalar) -> Bool {
        offset < bytes.count && bytes[offset] == UInt8(ascii: character)
    }

    private mutating func expect(_ character: Unicode.Scalar, _ expected: String) throws(Failure) {
        guard byte(is: character) else { throw failure(expected: expected) }
        offset += 1
    }

    private func checkDepth(_ depth: Int) throws(Failure) {
        if depth >= Self.maximumDepth {
            throw Failure(offset: offset, message: "Malformed JSON: nested more than \(Self.maximumDepth) levels deep; flatten it.")
        }
    }

    /// Reads the string at the offset (its opening quote), checking every
    /// escape, and returns its text when `decoding`.
    private mutating func scanString(decoding: Bool) throws(Failure) -> String? {
        let (next, text) = try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            try Self.scanString(buffer, from: offset, decoding: decoding, end: end)
        }
        offset = next
        return text
    }

    /// Reads the string whose opening quote is at `start`.
    /// - Returns: The offset after its closing quote, and its text when `decoding`.
    /// - Complexity: O(*n*) in the string's length.
    private static func scanString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, decoding: Bool, end: String) throws(Failure) -> (Int, String?) {
        var index = start + 1
        // Text between escapes is copied as runs; most strings have no escape and are one run.
        var decoded: [UInt8] = []
        var run = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard decoding else { return (index + 1, nil) }
                if run == start + 1 { return (index + 1, String(decoding: UnsafeBufferPointer(rebasing: bytes[run ..< index]), as: UTF8.self)) }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run ..< index]))
                return (index + 1, String(decoding: decoded, as: UTF8.self))
            }
            if byte < 0x20 {
                throw Failure(offset: index, message: "Malformed JSON: the control character \(OneLine.codePoint(Unicode.Scalar(byte))) inside a string; write it as \(escape(byte)).")
            }
            guard byte == UInt8(ascii: "\\") else { index += 1; continue }
            if decoding { decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run ..< index])) }
            let backslash = index
            index += 1
            guard index < bytes.count else { break }
            let plain: UInt8? = switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes[index]
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
            if let plain {
                if decoding { decoded.append(plain) }
                index += 1
            } else if bytes[index] == UInt8(ascii: "u") {
                let (scalar, next) = try unicodeEscape(bytes, at: backslash, end: end)
                if decoding { UTF8.encode(scalar) { decoded.append($0) } }
                index = next
            } else {
                throw Failure(offset: backslash, message: "Malformed JSON: a backslash before \(describe(bytes, at: index, end: end)) is not an escape; write \\\\ for a backslash.")
            }
            run = index
        }
        throw Failure(offset: start, message: "Malformed JSON: the string that starts here has no closing quote; close it.")
    }

    /// Reads `\uXXXX` at `start`, or a pair of them for a character beyond U+FFFF.
    /// - Returns: The character and the offset after its escapes.
    private static func unicodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: String) throws(Failure) -> (Unicode.Scalar, Int) {
        func hex(at offset: Int) throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for index in offset ..< offset + 4 {
                guard index < bytes.count, let digit = hexDigit(bytes[index]) else {
                    throw Failure(offset: index, message: "Malformed JSON: expected four hexadecimal digits after \\u, found \(describe(bytes, at: index, end: end)); fix the JSON here.")
                }
                value = value << 4 | digit
            }
            return value
        }
        let first = try hex(at: start + 2)
        let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< start + 6]), as: UTF8.self)
        let lone = "Malformed JSON: \(written) is half of a surrogate pair, which is no character alone; write the character itself, or both halves (\\ud83d\\ude00 for U+1F600)."
        switch first {
        case 0xD800 ... 0xDBFF:
            let second = start + 6
            guard second + 1 < bytes.count, bytes[second] == UInt8(ascii: "\\"), bytes[second + 1] == UInt8(ascii: "u") else {
                throw Failure(offset: start, message: lone)
            }
            let low = try hex(at: second + 2)
            guard (0xDC00 ... 0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + (first - 0xD800) << 10 + (low - 0xDC00)) else {
                throw Failure(offset: start, message: lone)
            }
            return (scalar, second + 6)
        default:
            // A low surrogate without its high half is no scalar either.
            guard let scalar = Unicode.Scalar(first) else { throw Failure(offset: start, message: lone) }
            return (scalar, start + 6)
        }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// How a control character is written inside a JSON string: `\t`, `\u0000`.
    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        default:
            let digits = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        }
    }
}
