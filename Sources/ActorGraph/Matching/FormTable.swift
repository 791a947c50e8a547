import Foundation

/// A read-only ``Vocabulary`` in flat tables: what a phrase set looks text
/// forms up in, built in memory or mapped from a compiled gazetteer.
struct FormTable: Sendable {
    let bytes: FlatArray<UInt8>
    /// Form i is `bytes[(i == 0 ? 0 : ends[i-1]) ..< ends[i]]`.
    let ends: FlatArray<UInt32>
    /// Open addressing: 0 = empty, else the form's hash (low 32 bits) << 32 | id + 1;
    /// the count is a power of two.
    let slots: FlatArray<UInt64>
    /// A Bloom filter over the forms' hashes (``FlatTables/filter(of:count:)``),
    /// small enough to stay in cache: most of a text's forms are in no phrase,
    /// and it turns them away without a read of the slots.
    let filter: FlatArray<UInt64>

    init(bytes: FlatArray<UInt8>, ends: FlatArray<UInt32>, slots: FlatArray<UInt64>, filter: FlatArray<UInt64>) {
        self.bytes = bytes
        self.ends = ends
        self.slots = slots
        self.filter = filter
    }

    init() { self = Vocabulary().frozen() }

    /// The number of distinct forms.
    var count: Int { ends.count }

    /// Calls `body` with the bytes of the form with id `index`.
    func withForm<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return bytes.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[start ..< Int(ends[index])])) }
    }

    /// The id of `form`, if the table holds it.
    func lookup(_ form: UnsafeBufferPointer<UInt8>) -> FormID? {
        lookup(form, hash: Vocabulary.hash(form))
    }

    /// The id of `form`, whose ``Vocabulary/hash(_:)`` is `hash`, if the table holds it.
    func lookup(_ form: UnsafeBufferPointer<UInt8>, hash: Int) -> FormID? {
        guard FlatTables.filter(filter, mayHold: hash) else { return nil }
        let mask = slots.count - 1
        let check = UInt32(truncatingIfNeeded: hash)
        var slot = hash & mask
        return bytes.withUnsafeBufferPointer { all in
            for _ in 0 ..< FlatTables.longestProbe {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if UInt32(truncatingIfNeeded: entry >> 32) != check {
                    slot = (slot + 1) & mask
                    continue
                }
                let index = Int(UInt32(truncatingIfNeeded: entry) - 1)
                let start = index == 0 ? 0 : Int(ends[index - 1])
                let length = Int(ends[index]) - start
                if length == form.count && (length == 0 || memcmp(all.baseAddress! + start, form.baseAddress!, length) == 0) {
                    return FormID(rawValue: UInt32(index))
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }
}
