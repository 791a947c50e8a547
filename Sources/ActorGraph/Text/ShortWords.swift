/// A fixed table of short words (up to 15 bytes of UTF-8) and a value for
/// each, looked up by a form's bytes with a binary search over packed
/// integers: no `String` is made and nothing is hashed. The sentence rules
/// ask it at every sentence end.
struct ShortWords<Value: Sendable>: Sendable {
    private struct Key: Comparable {
        var high: UInt64
        var low: UInt64

        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }
    }

    private let keys: [Key]
    private let values: [Value]
    private let longest: Int

    /// The table of `words`, each at most 15 bytes and listed once.
    init(_ words: [(String, Value)]) {
        let entries = words.map { word, value in
            var word = word
            return (word.withUTF8 { Self.key($0)! }, value)
        }.sorted { $0.0 < $1.0 }
        keys = entries.map(\.0)
        values = entries.map(\.1)
        longest = words.map(\.0.utf8.count).max() ?? 0
    }

    /// The value of the word the bytes spell, if it is in the table.
    func value(of bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard bytes.count <= longest, let key = Self.key(bytes) else { return nil }
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? values[low] : nil
    }

    /// The bytes packed into two integers, with the length in the last byte
    /// so that words that differ only in trailing zero bytes differ; `nil`
    /// beyond 15 bytes.
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        guard bytes.count <= 15 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { high |= UInt64(byte) << (56 - 8 * UInt64(index)) } else { low |= UInt64(byte) << (56 - 8 * UInt64(index - 8)) }
        }
        return Key(high: high, low: low | UInt64(bytes.count))
    }
}

extension ShortWords where Value == Bool {
    /// A set of words.
    init(_ words: [String]) { self.init(words.map { ($0, true) }) }

    /// Whether the bytes spell one of the words.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { value(of: bytes) ?? false }
}
