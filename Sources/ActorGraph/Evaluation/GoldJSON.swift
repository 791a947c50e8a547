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

    private struct Place {
        var value: Int
        var key: Int?
        var kind: JSONReader.Kind
    }

    /// The file as named in messages.
    package let file: String
    private let data: Data
    private let bytes: [UInt8]
    /// Where the JSON text starts: after a byte-order mark, if there is one.
    private let start: Int
    /// Every value by its path (`events[2].roles.source`); the top level is "".
    private var places: [String: Place] = [:]

    /// Reads `url` and checks that it is JSON, after a UTF-8 byte-order mark if it starts with one.
    /// - Throws: ``ActorGraphError``: `unreadableInput` for a file that cannot
    ///   be read, `malformedGold` at the first byte that is not UTF-8 or not JSON.
    package init(contentsOf url: URL) throws {
        file = SourceFiles.displayName(url)
        do { data = try Data(contentsOf: url) } catch {
            throw ActorGraphError(.unreadableInput, "\"\(file)\" cannot be read; check that it is a file you may read.")
        }
        bytes = [UInt8](data)
        start = JSONReader.byteOrderMarkLength(bytes)
        let valid = SourceFiles.validPrefixLength(data)
        if valid < bytes.count { throw error(at: valid, "The file is not valid UTF-8 here; save it as UTF-8.") }
        var reader = JSONReader(bytes, from: start, end: "the end of the file")
        var places: [String: Place] = [:]
        do {
            reader.skipSpace()
            try Self.read(&reader, path: "", key: nil, depth: 0, into: &places)
            try reader.finish()
        } catch let failure as JSONReader.Failure {
            throw error(at: failure.offset, failure.message)
        }
        self.places = places
    }

    /// Reads the value at the reader's offset, recording its place and those of the values in it.
    private static func read(_ reader: inout JSONReader, path: String, key: Int?, depth: Int, into places: inout [String: Place]) throws {
        guard let kind = reader.kindAhead else { throw reader.failure(expected: "a value") }
        places[path] = Place(value: reader.offset, key: key, kind: kind)
        switch kind {
        case .object:
            try reader.object(depth: depth) { reader, name, keyOffset in
                try read(&reader, path: path.isEmpty ? name : path + "." + name, key: keyOffset, depth: depth + 1, into: &places)
            }
        case .list:
            try reader.list(depth: depth) { reader, index in
                try read(&reader, path: path + "[\(index)]", key: nil, depth: depth + 1, into: &places)
            }
        case .string, .number, .boolean, .null:
            try reader.skipValue(depth: depth)
        }
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

    /// An error at byte `offset`, with its line and column (in characters, not counting a byte-order mark).
    private func error(at offset: Int, _ message: String) -> ActorGraphError {
        let before = String(decoding: bytes[min(start, offset) ..< min(offset, bytes.count)], as: UTF8.self)
        let lines = DirectiveReader.lines(of: before)
        return ActorGraphError(.malformedGold, message, file: file, line: lines.count, column: (lines.last?.count ?? 0) + 1)
    }
}
