/// Appends little-endian numbers and length-prefixed strings to a byte array.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A string: its UTF-8 length, then its bytes.
    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    /// An optional string: `UInt32.max` for none.
    mutating func string(_ value: String?) {
        guard let value else { u32(.max); return }
        string(value)
    }

    mutating func append(_ other: UnsafeRawBufferPointer) { bytes.append(contentsOf: other) }

    /// Pads with zeros to a multiple of 8 bytes.
    mutating func align() {
        while bytes.count % 8 != 0 { bytes.append(0) }
    }
}

/// Reads what ``ByteWriter`` wrote, never past its buffer.
///
/// A read past the end or a string that does not fit sets ``failed`` and
/// gives zero or an empty string, so that decoding damaged bytes never traps;
/// the loader checks ``failed`` on every record when it opens a file.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int
    private(set) var failed = false

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func u8() -> UInt8 {
        guard offset < bytes.count else { failed = true; return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u32() -> UInt32 {
        guard offset <= bytes.count - 4 else { failed = true; offset = bytes.count; return 0 }
        defer { offset += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func u64() -> UInt64 {
        guard offset <= bytes.count - 8 else { failed = true; offset = bytes.count; return 0 }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The bytes of a string, without decoding them.
    mutating func stringBytes() -> UnsafeRawBufferPointer? {
        let length = Int(u32())
        guard length != Int(UInt32.max) else { return nil }
        guard !failed, length <= bytes.count - offset else { failed = true; offset = bytes.count; return UnsafeRawBufferPointer(start: nil, count: 0) }
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + length])
    }

    /// A string; invalid UTF-8 becomes U+FFFD.
    mutating func string() -> String {
        guard let raw = stringBytes() else { failed = true; return "" }
        return String(decoding: raw, as: UTF8.self)
    }

    mutating func optionalString() -> String? {
        stringBytes().map { String(decoding: $0, as: UTF8.self) }
    }

    /// A count of items that each take at least `minimumSize` bytes: refused when
    /// they cannot fit in what is left, so a damaged count allocates nothing.
    mutating func count(minimumSize: Int) -> Int {
        let value = Int(u32())
        guard value <= (bytes.count - offset) / max(minimumSize, 1) else { failed = true; return 0 }
        return value
    }

    /// Marks the read as failed: a value out of its range.
    mutating func fail() { failed = true }
}
