import Foundation

/// A JSON gold file read for decoding, with the place of every value, so that
/// each problem is reported as `file:line:column: "events[2].type": …`.
///
/// Reading checks the syntax first and reports the first bad byte; decoding
/// then turns `DecodingError`s and ``GoldJSON/Problem``s thrown by the
/// `init(from:)` of the gold types into ``ActorGraphError``s with code
/// `malformedGold` at the place of the field they name.
package struct GoldJSON {
    /// A problem with one field, thrown while decoding or checking a gold file.
    package struct Problem: Error {
        /// The field: its coding path.
        package var path: [any CodingKey]
        /// What is wrong and what to do, without the field.
        package var message: String
        /// Whether to point at the field's key rather than its value (an unknown key).
        package var atKey = false

        package init(_ path: [any CodingKey], _ message: String, atKey: Bool = false) {
            self.path = path
            self.message = message
            self.atKey = atKey
        }
    }

    /// A key of an object by name, or an index of a list.
    package struct Key: CodingKey {
        package var stringValue: String
        package var intValue: Int?
        package init(_ name: String) { stringValue = name }
        package init(index: Int) {
            stringValue = "Index \(index)"
            intValue = index
        }
        package init?(stringValue: String) { self.stringValue = stringValue }
        package init?(intValue: Int) { self.init(index: intValue) }
    }

    private enum Kind: String {
        case object = "an object", list = "a list", string = "a string", number = "a number", boolean = "true or false", null
    }

    private struct Place {
        var value: Int
        var key: Int?
        var kind: Kind
    }

    /// The file as named in messages.
    package let file: String
    private let data: Data
    private let bytes: [UInt8]
    /// Every value by its path (`events[2].roles.source`); the top level is "".
    private var places: [String: Place] = [:]

    /// Reads `url` and checks that it is JSON.
    /// - Throws: ``ActorGraphError``: `unreadableInput` for a file that cannot
    ///   be read, `malformedGold` at the first byte that is not UTF-8 or not JSON.
    package init(contentsOf url: URL) throws {
        file = SourceFiles.displayName(url)
        do { data = try Data(contentsOf: url) } catch {
            throw ActorGraphError(.unreadableInput, "\"\(file)\" cannot be read; check that it is a file you may read.")
        }
        bytes = [UInt8](data)
        let valid = SourceFiles.validPrefixLength(data)
        if valid < bytes.count { throw error(at: valid, "The file is not valid UTF-8 here; save it as UTF-8.") }
        var scanner = Scanner(bytes: bytes)
        do {
            scanner.skipSpace()
            try scanner.value(path: "", key: nil, depth: 0)
            scanner.skipSpace()
            if scanner.offset < bytes.count { throw Scanner.Failure(offset: scanner.offset, message: "Malformed JSON: \(scanner.found()) after the end of the top-level value; remove it.") }
        } catch let failure as Scanner.Failure {
            throw error(at: failure.offset, failure.message)
        }
        places = scanner.places
    }

    /// Decodes the file as `type`.
    /// - Throws: ``ActorGraphError`` (`malformedGold`) at the field that is
    ///   missing, of the wrong kind, or refused by the type.
    package func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let problem as Problem {
            throw error(problem)
        } catch let DecodingError.typeMismatch(expected, context) {
            throw error(Problem(context.codingPath, "expected \(Self.describe(expected)), found \(kind(context.codingPath)); write \(Self.describe(expected)) there."))
        } catch let DecodingError.valueNotFound(expected, context) {
            throw error(Problem(context.codingPath, "expected \(Self.describe(expected)), found null; write \(Self.describe(expected)) there."))
        } catch let DecodingError.keyNotFound(key, context) {
            throw error(Problem(context.codingPath, "the key \"\(key.stringValue)\" is missing; add it."))
        } catch let DecodingError.dataCorrupted(context) {
            throw error(Problem(context.codingPath, "\(context.debugDescription); fix the value."))
        } catch {
            throw ActorGraphError(.malformedGold, "The file cannot be decoded (\(error)); check it against its format.", file: file)
        }
    }

    /// The error for `problem`, at the place of its field.
    package func error(_ problem: Problem) -> ActorGraphError {
        let path = Self.path(problem.path)
        let place = places[path]
        let offset = (problem.atKey ? place?.key : nil) ?? place?.value
        let message = (path.isEmpty ? "The top level: " : "\"\(path)\": ") + problem.message
        guard let offset else { return ActorGraphError(.malformedGold, message, file: file) }
        return error(at: offset, message)
    }

    /// `codingPath` written as in messages: `events[2].roles.source`.
    package static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }

    /// Throws a ``Problem`` at the first key of `decoder`'s object that is not one of `known`.
    package static func rejectUnknownKeys(_ decoder: any Decoder, known: [String]) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let unknown = container.allKeys.map(\.stringValue).filter({ !known.contains($0) }).min() {
            throw Problem(container.codingPath + [Key(unknown)], "unknown key; use one of: \(known.joined(separator: ", ")).", atKey: true)
        }
    }

    /// Decodes an enumeration from its name, listing the names when it is none of them.
    package static func decode<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ noun: String, from container: KeyedDecodingContainer<Key>,
                                                                    forKey key: String) throws -> T where T.RawValue == String {
        let name = try container.decode(String.self, forKey: Key(key))
        guard let value = T(rawValue: name) else {
            throw Problem(container.codingPath + [Key(key)], "\"\(name)\" is not \(noun); use one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return value
    }

    /// Checks that `date`, when given, is a real day.
    package static func checkDate(_ date: String?, at codingPath: [any CodingKey]) throws {
        guard let date else { return }
        do { _ = try Day(iso: date) } catch let error as ActorGraphError {
            throw Problem(codingPath, error.message)
        }
    }

    private func kind(_ codingPath: [any CodingKey]) -> String {
        places[Self.path(codingPath)]?.kind.rawValue ?? "another kind of value"
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") && !name.contains(":") { return "a list" }
        if name.hasPrefix("Dictionary") || name.hasPrefix("[") { return "an object" }
        switch name {
        case "String": return "a string"
        case "Bool": return "true or false"
        case "Int", "Double", "Float", "Int64", "UInt32": return "a number"
        default: return "a value of type \(name)"
        }
    }

    /// An error at byte `offset`, with its line and column.
    private func error(at offset: Int, _ message: String) -> ActorGraphError {
        let before = String(decoding: bytes[..<min(offset, bytes.count)], as: UTF8.self)
        let lines = DirectiveReader.lines(of: before)
        return ActorGraphError(.malformedGold, message, file: file, line: lines.count, column: (lines.last?.count ?? 0) + 1)
    }

    /// A JSON syntax check (RFC 8259) that records where each value starts.
    private struct Scanner {
        struct Failure: Error {
            var offset: Int
            var message: String
        }

        let bytes: [UInt8]
        var offset = 0
        var places: [String: Place] = [:]

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
        }

        /// What is at the offset, for messages.
        func found() -> String {
            guard offset < bytes.count else { return "the end of the file" }
            let lead = bytes[offset]
            let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let scalar = String(decoding: bytes[offset ..< min(offset + width, bytes.count)], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
            if scalar.value < 0x20 { return String(format: "the control character U+%04X", scalar.value) }
            if scalar == "\"" { return "the start of a string" }
            return "\"\(scalar)\""
        }

        func fail(_ expected: String) -> Failure {
            Failure(offset: offset, message: "Malformed JSON: expected \(expected), found \(found()); fix the JSON here.")
        }

        mutating func expect(_ byte: UInt8, _ expected: String) throws {
            guard offset < bytes.count, bytes[offset] == byte else { throw fail(expected) }
            offset += 1
        }

        mutating func value(path: String, key: Int?, depth: Int) throws {
            guard depth < 512 else { throw Failure(offset: offset, message: "Malformed JSON: nested more than 512 levels deep; flatten it.") }
            guard offset < bytes.count else { throw fail("a value") }
            let start = offset
            func record(_ kind: Kind) { places[path] = Place(value: start, key: key, kind: kind) }
            switch bytes[offset] {
            case UInt8(ascii: "{"):
                record(.object)
                offset += 1
                skipSpace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return }
                var seen = Set<String>()
                var comma = 0
                while true {
                    skipSpace()
                    if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
                        throw Failure(offset: comma, message: "Malformed JSON: a comma before \"}\"; remove the trailing comma.")
                    }
                    let keyStart = offset
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("a key in double quotes") }
                    let name = try string()
                    let child = path.isEmpty ? name : path + "." + name
                    guard seen.insert(name).inserted else {
                        throw Failure(offset: keyStart, message: "\"\(child)\": the key appears twice in its object; keep one.")
                    }
                    skipSpace()
                    try expect(UInt8(ascii: ":"), "\":\" after the key")
                    skipSpace()
                    try value(path: child, key: keyStart, depth: depth + 1)
                    skipSpace()
                    if offset < bytes.count, bytes[offset] == UInt8(ascii: ",") { comma = offset; offset += 1; continue }
                    try expect(UInt8(ascii: "}"), "\",\" or \"}\"")
                    return
                }
            case UInt8(ascii: "["):
                record(.list)
                offset += 1
                skipSpace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return }
                var index = 0
                var comma = 0
                while true {
                    skipSpace()
                    if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
                        throw Failure(offset: comma, message: "Malformed JSON: a comma before \"]\"; remove the trailing comma.")
                    }
                    try value(path: path + "[\(index)]", key: nil, depth: depth + 1)
                    index += 1
                    skipSpace()
                    if offset < bytes.count, bytes[offset] == UInt8(ascii: ",") { comma = offset; offset += 1; continue }
                    try expect(UInt8(ascii: "]"), "\",\" or \"]\"")
                    return
                }
            case UInt8(ascii: "\""):
                record(.string)
                _ = try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"):
                record(.number)
                try number()
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                for word in ["true", "false", "null"] where bytes[offset...].starts(with: word.utf8) {
                    record(word == "null" ? .null : .boolean)
                    offset += word.utf8.count
                    return
                }
                throw fail("a value")
            default:
                throw fail("a value")
            }
        }

        /// Reads a string at the offset (its opening quote) and returns its text.
        mutating func string() throws -> String {
            let start = offset
            offset += 1
            var escaped = false
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    offset += 1
                    let literal = bytes[start ..< offset]
                    guard escaped else { return String(decoding: literal.dropFirst().dropLast(), as: UTF8.self) }
                    return (try? JSONDecoder().decode(String.self, from: Data(literal))) ?? String(decoding: literal, as: UTF8.self)
                }
                if byte < 0x20 { throw Failure(offset: offset, message: "Malformed JSON: \(found()) inside a string; write it as an escape such as \\n or \\t.") }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    offset += 1
                    guard offset < bytes.count else { break }
                    switch bytes[offset] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        offset += 1
                    case UInt8(ascii: "u"):
                        offset += 1
                        for _ in 0 ..< 4 {
                            guard offset < bytes.count, (bytes[offset] as UInt8).isHexDigit else { throw fail("four hexadecimal digits after \\u") }
                            offset += 1
                        }
                    default:
                        throw Failure(offset: offset - 1, message: "Malformed JSON: a backslash before \(found()) is not an escape; write \\\\ for a backslash.")
                    }
                    continue
                }
                offset += 1
            }
            throw Failure(offset: start, message: "Malformed JSON: the string that starts here has no closing quote; close it.")
        }

        mutating func number() throws {
            func digits() -> Int {
                let start = offset
                while offset < bytes.count, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") { offset += 1 }
                return offset - start
            }
            if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "0") { offset += 1 } else if digits() == 0 { throw fail("a digit") }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                offset += 1
                if digits() == 0 { throw fail("a digit after the decimal point") }
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
                offset += 1
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
                if digits() == 0 { throw fail("a digit in the exponent") }
            }
        }
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a") ... UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A") ... UInt8(ascii: "F")).contains(self)
    }
}
