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
/// table (a ``FormInterner``), so interning and lookup take a byte buffer and
/// allocate no `String`. A value type: a copy that changes copies the table first.
struct Vocabulary: Sendable {
    private var table: FormInterner

    /// An empty vocabulary with room for about `expected` forms before it grows.
    init(expected: Int = 32) {
        table = FormInterner(expected: expected)
    }

    /// The vocabulary of the forms `table` holds; `table` must not change after.
    init(_ table: FormInterner) {
        self.table = table
    }

    /// A vocabulary of `words`, for asking whether a form is one of them.
    init(words: some Sequence<String>) {
        self.init()
        for word in words { _ = intern(word) }
    }

    /// The number of distinct forms.
    var count: Int { table.count }

    /// Calls `body` with the form's bytes and their ``hash(_:)``.
    func withForm<Result>(_ id: FormID, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Result) -> Result {
        table.withForm(Int(id.rawValue), body)
    }

    /// Calls `body` with each form's id, bytes and ``hash(_:)``, in id order.
    func forEachForm(_ body: (FormID, UnsafeBufferPointer<UInt8>, Int) -> Void) {
        for index in 0 ..< table.count {
            table.withForm(index) { body(FormID(rawValue: UInt32(index)), $0, $1) }
        }
    }

    /// The form as a string.
    func string(of id: FormID) -> String {
        withForm(id) { bytes, _ in String(decoding: bytes, as: UTF8.self) }
    }

    /// The id of `form`, if it was interned.
    func lookup(_ form: UnsafeBufferPointer<UInt8>) -> FormID? {
        lookup(form, hash: Self.hash(form))
    }

    /// The id of `form`, whose ``hash(_:)`` is `hash`, if it was interned.
    func lookup(_ form: UnsafeBufferPointer<UInt8>, hash: Int) -> FormID? {
        table.lookup(form, firstWord: Self.firstWord(form), hash: hash)
    }

    func lookup(_ form: String) -> FormID? {
        var form = form
        return form.withUTF8 { lookup($0) }
    }

    /// The id of `form`, interning it first if needed.
    mutating func intern(_ form: UnsafeBufferPointer<UInt8>) -> FormID {
        if !isKnownUniquelyReferenced(&table) { table = FormInterner(copying: table) }
        return table.intern(form)
    }

    mutating func intern(_ form: String) -> FormID {
        var form = form
        return form.withUTF8 { intern($0) }
    }

    /// A read-only copy in flat tables, for a compiled phrase set.
    func frozen() -> FormTable {
        FormTable(bytes: FlatArray(table.allBytes()), ends: FlatArray(table.ends()), slots: FlatArray(table.formTableSlots()),
                  filter: FlatArray(FlatTables.filter(of: table.hashes(), count: table.count)))
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

    /// The first eight bytes of a form (all of a shorter one, zero-padded),
    /// as a little-endian word: what a slot keeps of it.
    @inline(__always) static func firstWord(_ form: UnsafeBufferPointer<UInt8>) -> UInt64 {
        form.count <= 8 ? prefix(form) : UInt64(littleEndian: UnsafeRawPointer(form.baseAddress!).loadUnaligned(as: UInt64.self))
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
