import Foundation

/// A dense id for one folded token form, unique within the text (or gazetteer) that interned it.
public struct FormID: RawRepresentable, Hashable, Sendable, Comparable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static func < (lhs: FormID, rhs: FormID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Interns byte strings (folded token forms) as dense ``FormID``s.
///
/// Forms live in one byte arena and are found through an open-addressing
/// table, so interning and lookup take a byte buffer and allocate no `String`.
struct Vocabulary: Sendable {
    /// The forms' bytes, one after another, then room for more (eight bytes
    /// at least): a form of up to eight bytes, most words, is written into
    /// the room as one word, where appending it would cost a call or two.
    private var bytes: [UInt8] = []
    private var byteCount = 0
    /// Form i is bytes[(i == 0 ? 0 : forms[i-1].end) ..< forms[i].end]; its
    /// `hash` is kept so that no form is hashed twice. (One array, so that
    /// a new form is one append.)
    private var forms: [(end: Int, hash: Int)] = []
    /// Open addressing: 0 = empty, else the form's hash (low 32 bits) << 32 | id + 1,
    /// so that a probe that meets another form rarely reads its bytes.
    private var slots: [UInt64]
    private var mask: Int

    /// An empty vocabulary with room for about `expected` forms before it grows.
    init(expected: Int = 32) {
        var capacity = 64
        while capacity < expected * 2 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        bytes = Array(repeating: 0, count: expected * 8 + 8)
        forms.reserveCapacity(expected)
    }

    /// A vocabulary of `words`, for asking whether a form is one of them.
    init(words: some Sequence<String>) {
        self.init()
        for word in words { _ = intern(word) }
    }

    /// The number of distinct forms.
    var count: Int { forms.count }

    /// The form's bytes.
    func bytes(of id: FormID) -> ArraySlice<UInt8> {
        let index = Int(id.rawValue)
        return bytes[(index == 0 ? 0 : forms[index - 1].end) ..< forms[index].end]
    }

    /// Calls `body` with the form's bytes and their ``hash(_:)``.
    func withForm<Result>(_ id: FormID, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Result) -> Result {
        let index = Int(id.rawValue)
        let start = index == 0 ? 0 : forms[index - 1].end
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[start ..< forms[index].end]), forms[index].hash)
        }
    }

    /// Calls `body` with each form's id, bytes and ``hash(_:)``, in id order:
    /// ``withForm(_:_:)`` for every form, reading the tables once.
    func forEachForm(_ body: (FormID, UnsafeBufferPointer<UInt8>, Int) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            forms.withUnsafeBufferPointer { forms in
                var start = 0
                for index in 0 ..< forms.count {
                    body(FormID(rawValue: UInt32(index)), UnsafeBufferPointer(rebasing: all[start ..< forms[index].end]), forms[index].hash)
                    start = forms[index].end
                }
            }
        }
    }

    /// The form as a string.
    func string(of id: FormID) -> String {
        String(decoding: bytes(of: id), as: UTF8.self)
    }

    /// The id of `form`, if it was interned.
    func lookup(_ form: UnsafeBufferPointer<UInt8>) -> FormID? {
        lookup(form, hash: Self.hash(form))
    }

    /// The id of `form`, whose ``hash(_:)`` is `hash`, if it was interned.
    func lookup(_ form: UnsafeBufferPointer<UInt8>, hash: Int) -> FormID? {
        switch find(form, hash: hash) {
        case .found(let id): return id
        case .empty: return nil
        }
    }

    /// The id of `form`, interning it first if needed.
    mutating func intern(_ form: UnsafeBufferPointer<UInt8>) -> FormID {
        intern(form, hash: Self.hash(form))
    }

    /// The id of `form`, whose ``hash(_:)`` is `hash`, interning it first if needed.
    @inline(__always) mutating func intern(_ form: UnsafeBufferPointer<UInt8>, hash: Int) -> FormID {
        let slot: Int
        switch find(form, hash: hash) {
        case .found(let id): return id
        case .empty(let empty): slot = empty
        }
        let id = FormID(rawValue: UInt32(forms.count))
        let start = byteCount, end = start + form.count
        // The room grows by an eighth at a time: the array doubles its capacity
        // underneath, and only the bytes given a value become resident.
        if end + 8 > bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(end + 8 - bytes.count, bytes.count / 8, 64))) }
        bytes.withUnsafeMutableBytes { room in
            if form.count <= 8 {
                room.storeBytes(of: Self.prefix(form).littleEndian, toByteOffset: start, as: UInt64.self)
            } else {
                room.baseAddress!.advanced(by: start).copyMemory(from: form.baseAddress!, byteCount: form.count)
            }
        }
        byteCount = end
        forms.append((end, hash))
        slots[slot] = Self.entry(hash: hash, id: id)
        if forms.count * 2 > slots.count { grow() }
        return id
    }

    /// Forgets the forms with ids `mark` and up, as if they had never been
    /// interned: the tokenizer undoes a span it hands to ICU.
    mutating func removeForms(from mark: Int) {
        // Linear probing: taking out the latest form first leaves each slot
        // as it stood before that form came.
        for index in stride(from: forms.count - 1, through: mark, by: -1) {
            let entry = Self.entry(hash: forms[index].hash, id: FormID(rawValue: UInt32(index)))
            var slot = forms[index].hash & mask
            while slots[slot] != entry { slot = (slot + 1) & mask }
            slots[slot] = 0
        }
        guard mark < forms.count else { return }
        byteCount = mark == 0 ? 0 : forms[mark - 1].end
        forms.removeLast(forms.count - mark)
    }

    mutating func intern(_ form: String) -> FormID {
        var form = form
        return form.withUTF8 { intern($0) }
    }

    func lookup(_ form: String) -> FormID? {
        var form = form
        return form.withUTF8 { lookup($0) }
    }

    private enum Probe {
        case found(FormID)
        case empty(Int)
    }

    /// The slot that holds `form`, or the empty slot where it would go.
    @inline(__always) private func find(_ form: UnsafeBufferPointer<UInt8>, hash: Int) -> Probe {
        let check = UInt64(UInt32(truncatingIfNeeded: hash))
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { all in
                forms.withUnsafeBufferPointer { forms in
                    var slot = hash & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return .empty(slot) }
                        if entry >> 32 == check {
                            let index = Int(UInt32(truncatingIfNeeded: entry) - 1)
                            let start = index == 0 ? 0 : forms[index - 1].end
                            if forms[index].end - start == form.count && Self.same(all.baseAddress! + start, form) {
                                return .found(FormID(rawValue: UInt32(index)))
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether the bytes at `stored` are `form`'s. Forms of up to 16 bytes,
    /// most of a text's, are compared as two overlapping words (of 8, 4, 2 or
    /// 1 bytes) that never read outside either form.
    @inline(__always) private static func same(_ stored: UnsafePointer<UInt8>, _ form: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = form.count
        guard count > 0 else { return true }
        let given = UnsafeRawPointer(form.baseAddress!), kept = UnsafeRawPointer(stored)
        @inline(__always) func equal<Word: FixedWidthInteger>(_: Word.Type) -> Bool {
            let last = count - MemoryLayout<Word>.size
            return kept.loadUnaligned(as: Word.self) == given.loadUnaligned(as: Word.self)
                && kept.loadUnaligned(fromByteOffset: last, as: Word.self) == given.loadUnaligned(fromByteOffset: last, as: Word.self)
        }
        switch count {
        case 8 ... 16: return equal(UInt64.self)
        case 4 ..< 8: return equal(UInt32.self)
        case 2 ..< 4: return equal(UInt16.self)
        case 1: return stored[0] == form[0]
        default: return memcmp(stored, form.baseAddress!, count) == 0
        }
    }

    private static func entry(hash: Int, id: FormID) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: hash)) << 32 | UInt64(id.rawValue + 1)
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for index in 0 ..< forms.count {
            var slot = forms[index].hash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.entry(hash: forms[index].hash, id: FormID(rawValue: UInt32(index)))
        }
    }

    /// A read-only copy in flat tables, for a compiled phrase set.
    func frozen() -> FormTable {
        // The slots already keep each form's hash, in the layout the table reads.
        FormTable(bytes: FlatArray(Array(bytes[..<byteCount])), ends: FlatArray(forms.map { UInt32($0.end) }), slots: FlatArray(slots),
                  filter: FlatArray(FlatTables.filter(of: forms.lazy.map(\.hash), count: forms.count)))
    }

    /// A hash of the bytes, read eight at a time: a form of up to 16 bytes
    /// (most words) costs one multiplication, so the tokenizer hashes a word
    /// after folding it rather than a byte at a time.
    ///
    /// Compiled gazetteers keep these hashes: a change here needs a new
    /// ``CompiledGazetteer`` format version.
    @inline(__always) static func hash(_ form: UnsafeBufferPointer<UInt8>) -> Int {
        let count = form.count
        guard let base = form.baseAddress, count > 0 else { return 0 }
        guard count > 8 else { return hash(prefix: prefix(form), count: count) }
        let raw = UnsafeRawPointer(base)
        var first: UInt64, last: UInt64, state = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        switch count {
        case 9 ... 16:
            first = raw.loadUnaligned(as: UInt64.self)
            last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        default:
            // 16 bytes a round, then the last 16 (which may overlap the rounds').
            var offset = 0
            while count - offset > 16 {
                state = mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ 0xA076_1D64_78BD_642F,
                            raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self) ^ state)
                offset += 16
            }
            first = raw.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self)
            last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        return Int(truncatingIfNeeded: mix(first ^ 0xA076_1D64_78BD_642F, last ^ 0xE703_7ED1_A0B4_28DB ^ state))
    }

    /// The ``hash(_:)`` of a form of one to eight bytes, given as its
    /// ``prefix(_:)``: the tokenizer makes that with one masked load.
    @inline(__always) static func hash(prefix: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: mix(prefix ^ 0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB ^ UInt64(count) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The bytes of a form of one to eight bytes, zero-padded, as a
    /// little-endian word, read without going past the form.
    @inline(__always) static func prefix(_ form: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = form.count
        guard count >= 4 else {
            var word: UInt64 = 0
            for index in 0 ..< count { word |= UInt64(form[index]) << (index * 8) }
            return word
        }
        // Two four-byte reads that overlap: the bytes they share are the same in both.
        let raw = UnsafeRawPointer(form.baseAddress!)
        let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
        let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
        return low | high << ((count - 4) * 8)
    }

    /// The two halves of the 128-bit product, folded together, so that the
    /// low bits a table's slot takes depend on every bit of both inputs.
    @inline(__always) private static func mix(_ x: UInt64, _ y: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: y)
        return product.high ^ product.low
    }
}
