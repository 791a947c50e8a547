import Foundation

/// Writes JSON byte for byte as `JSONEncoder` does with `.sortedKeys` and
/// `.withoutEscapingSlashes` (and `.prettyPrinted` when asked), without its
/// boxed intermediate values: encoding a graph took more time than
/// extracting it, and its allocations kept threads from scaling.
///
/// The caller writes each object's keys in sorted order, bytewise, as the
/// encoder sorts them; the tests compare the two encoders' bytes.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    /// Whether the innermost open object or array has no member yet.
    private var empty = true

    package init(pretty: Bool) { self.pretty = pretty }

    /// An object, its members written by `body` with ``key(_:)`` and a value each.
    package mutating func object(_ body: (inout JSONWriter) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array of `elements`, each written by `body`.
    package mutating func array<Elements: Sequence>(
        _ elements: Elements, _ body: (inout JSONWriter, Elements.Element) throws -> Void
    ) rethrows {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { writer in
            for element in elements {
                writer.separate()
                try body(&writer, element)
            }
        }
    }

    /// Starts the next member of an object: the separator, then `"name" : `.
    package mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        colon()
    }

    /// A key that is data, escaped like any string.
    package mutating func key(_ name: String) {
        separate()
        string(name)
        colon()
    }

    /// A member whose value is a string, an integer or a string enum; a `nil` one is left out, as the encoder leaves it.
    package mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    package mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    package mutating func member(_ name: StaticString, _ values: [String]?) {
        guard let values else { return }
        key(name)
        array(values) { $0.string($1) }
    }

    package mutating func member<Value: RawRepresentable<String>>(_ name: StaticString, _ value: Value?) {
        member(name, value?.rawValue)
    }

    package mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var plain = 0      // start of the bytes not yet copied
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain ..< index]))
                escape(byte)
                plain = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    package mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A line feed between top-level values, as in JSON Lines.
    package mutating func lineFeed() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Shortest round-trip digits, without a trailing `.0`; infinities and NaN are refused as `JSONEncoder` refuses them.
    package mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not valid JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22, 0x5C: bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            bytes.append(contentsOf: "u00".utf8)
            for nibble in [byte >> 4, byte & 0xF] { bytes.append(nibble < 10 ? 0x30 + nibble : 0x57 + nibble) }  // 0…9, a…f
        }
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) throws -> Void) rethrows {
        bytes.append(open)
        let outer = empty
        empty = true
        depth += 1
        try body(&self)
        depth -= 1
        // JSONEncoder prints an empty container on three lines when pretty.
        if pretty { newline(empty ? 2 : 1) }
        bytes.append(close)
        empty = outer
    }

    /// The comma before every member but the first, and the new line when pretty.
    private mutating func separate() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        if pretty { newline(1) }
    }

    private mutating func colon() {
        if pretty { bytes.append(contentsOf: " : ".utf8) } else { bytes.append(UInt8(ascii: ":")) }
    }

    private mutating func newline(_ count: Int) {
        for _ in 0 ..< count { bytes.append(UInt8(ascii: "\n")) }
        var indent = 2 * depth
        while indent > 0 {
            let run = min(indent, Self.spaces.utf8CodeUnitCount)
            bytes.append(contentsOf: UnsafeBufferPointer(start: Self.spaces.utf8Start, count: run))
            indent -= run
        }
    }

    private static let spaces: StaticString = "                                "
}
