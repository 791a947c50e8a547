import Foundation

/// Text saved as UTF-16 (what some editors call "Unicode"), recognized by the
/// byte-order mark it starts with.
enum UTF16Input {
    /// Whether `bytes` start with UTF-16's byte-order mark: `true` for big-endian,
    /// `false` for little-endian, `nil` when there is none.
    static func bigEndian(_ bytes: some Collection<UInt8>) -> Bool? {
        guard bytes.count >= 2 else { return nil }
        switch (bytes[bytes.startIndex], bytes[bytes.index(after: bytes.startIndex)]) {
        case (0xFE, 0xFF): return true
        case (0xFF, 0xFE): return false
        default: return nil
        }
    }

    /// The text of `data`, which starts with a byte-order mark (left out), and
    /// whether some of it was not UTF-16 (a lone surrogate, an odd byte at the
    /// end) and was replaced with U+FFFD.
    static func decode(_ data: Data, bigEndian: Bool) -> (text: String, repaired: Bool) {
        let bytes = [UInt8](data.dropFirst(2))
        let (high, low) = bigEndian ? (0, 1) : (1, 0)
        let units = stride(from: 0, to: bytes.count - 1, by: 2).map { (index: Int) -> UInt16 in
            UInt16(bytes[index + high]) << 8 | UInt16(bytes[index + low])
        }
        if bytes.count % 2 == 0, let text = String(validating: units, as: UTF16.self) { return (text, false) }
        return (String(decoding: units, as: UTF16.self) + (bytes.count % 2 == 0 ? "" : "\u{FFFD}"), true)
    }
}
