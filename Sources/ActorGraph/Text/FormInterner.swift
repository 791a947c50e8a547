import Foundation

/// The table behind a ``Vocabulary``: interns folded forms as dense
/// ``FormID``s in memory it manages itself.
///
/// The tokenizer interns every word it reads, half of them new to the text,
/// so the call is built to take no branch on whether the form is new: a
/// form of up to eight bytes (most words) is found by one slot read and two
/// comparisons, and its entry is written either way, counted only if new.
/// No array's uniqueness or bounds are checked on the way.
///
/// A reference type: one owner fills it (the tokenizer, or a ``Vocabulary``
/// that copies it before a change when it is shared), and no one changes it
/// once it is shared, which is what makes it `Sendable`.
final class FormInterner: @unchecked Sendable {
    /// A slot of the open-addressing table.
    struct Slot {
        /// The form's first eight bytes (fewer zero-padded), little-endian.
        var prefix: UInt64 = 0
        /// The form's length (255 for longer) in the top byte, 24 bits of
        /// its hash below, its id + 1 in the low half; 0 = empty.
        var tag: UInt64 = 0
    }

    /// Form i is `bytes[(i == 0 ? 0 : forms[i-1].end) ..< forms[i].end]`;
    /// its `hash` is kept so that no form is hashed twice.
    struct Form {
        var end: Int
        var hash: Int
    }

    /// A power of two long, at most half full.
    private var slots: UnsafeMutablePointer<Slot>
    private var mask: Int
    /// Room for one form more than the slots may hold: the write made for
    /// a form that may be new always has a place.
    private var forms: UnsafeMutablePointer<Form>
    /// The number of distinct forms.
    private(set) var count = 0
    /// The forms' bytes, one after another, then room for eight more at
    /// least: a form of up to eight bytes is written as one word.
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int
    private var byteCount = 0

    /// An empty table with room for about `expected` forms before it grows.
    init(expected: Int = 32) {
        var capacity = 64
        while capacity < expected * 2 { capacity *= 2 }
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(), count: capacity)
        mask = capacity - 1
        forms = .allocate(capacity: capacity / 2 + 1)
        byteCapacity = max(expected, 8) * 8
        bytes = .allocate(capacity: byteCapacity)
    }

    /// A copy of `other`, for a ``Vocabulary`` about to change a shared table.
    init(copying other: FormInterner) {
        let capacity = other.mask + 1
        slots = .allocate(capacity: capacity)
        slots.initialize(from: other.slots, count: capacity)
        mask = other.mask
        forms = .allocate(capacity: capacity / 2 + 1)
        forms.initialize(from: other.forms, count: other.count)
        count = other.count
        byteCapacity = other.byteCapacity
        bytes = .allocate(capacity: byteCapacity)
        bytes.initialize(from: other.bytes, count: other.byteCount)
        byteCount = other.byteCount
    }

    deinit {
        slots.deallocate()
        forms.deallocate()
        bytes.deallocate()
    }

    /// Calls `body` with the bytes and hash of the form with id `index`.
    @inline(__always) func withForm<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Result) -> Result {
        let start = index == 0 ? 0 : forms[index - 1].end
        return body(UnsafeBufferPointer(start: bytes + start, count: forms[index].end - start), forms[index].hash)
    }

    /// The id of `form`, whose ``Vocabulary/hash(_:)`` is `hash` and whose
    /// ``Vocabulary/firstWord(_:)`` is `firstWord`, if it was interned.
    @inline(__always) func lookup(_ form: UnsafeBufferPointer<UInt8>, firstWord: UInt64, hash: Int) -> FormID? {
        let entry = slots[probe(form, firstWord: firstWord, hash: hash)]
        return entry.tag == 0 ? nil : FormID(rawValue: UInt32(truncatingIfNeeded: entry.tag) &- 1)
    }

    /// The id of `form`, interning it first if needed.
    func intern(_ form: UnsafeBufferPointer<UInt8>) -> FormID {
        intern(form, firstWord: Vocabulary.firstWord(form), hash: Vocabulary.hash(form))
    }

    /// The id of `form` (see ``lookup(_:firstWord:hash:)``), interning it first if needed.
    @inline(__always) func intern(_ form: UnsafeBufferPointer<UInt8>, firstWord: UInt64, hash: Int) -> FormID {
        let length = form.count
        guard length <= 8 else {
            let slot = probe(form, firstWord: firstWord, hash: hash)
            if slots[slot].tag != 0 { return FormID(rawValue: UInt32(truncatingIfNeeded: slots[slot].tag) &- 1) }
            if byteCount + length + 8 > byteCapacity { growBytes(toHold: byteCount + length + 8) }
            (bytes + byteCount).initialize(from: form.baseAddress!, count: length)
            return add(slot: slot, firstWord: firstWord, hash: hash, length: length)
        }
        let tag = Self.tag(hash: hash, count: length)
        let slot = probe(form, firstWord: firstWord, hash: hash)
        let entry = slots[slot]
        // Written whether the form is new or not, with masks rather than
        // branches: past the last form, nothing reads them until a new one comes.
        let new = 0 &- UInt64(entry.tag == 0 ? 1 : 0)
        let idPlusOne = entry.tag & 0xFFFF_FFFF | UInt64(truncatingIfNeeded: count &+ 1) & new
        slots[slot] = Slot(prefix: firstWord, tag: tag | idPlusOne)
        UnsafeMutableRawPointer(bytes + byteCount).storeBytes(of: firstWord.littleEndian, as: UInt64.self)
        forms[count] = Form(end: byteCount &+ length, hash: hash)
        count &+= Int(new & 1)
        byteCount &+= length & Int(truncatingIfNeeded: new)
        if count &* 2 > mask &+ 1 || byteCount &+ 8 > byteCapacity { makeRoom() }
        return FormID(rawValue: UInt32(truncatingIfNeeded: idPlusOne) &- 1)
    }

    /// Forgets the forms with ids `mark` and up, as if they had never been
    /// interned: the tokenizer undoes a span it hands to ICU.
    func removeForms(from mark: Int) {
        // Linear probing: taking out the latest form first leaves each slot
        // as it stood before that form came.
        for index in stride(from: count - 1, through: mark, by: -1) {
            var slot = forms[index].hash & mask
            while slots[slot].tag & 0xFFFF_FFFF != UInt64(index + 1) { slot = (slot + 1) & mask }
            slots[slot] = Slot()
        }
        guard mark < count else { return }
        byteCount = mark == 0 ? 0 : forms[mark - 1].end
        count = mark
    }

    /// The slot that holds `form`, or the empty slot where it would go.
    @inline(__always) private func probe(_ form: UnsafeBufferPointer<UInt8>, firstWord: UInt64, hash: Int) -> Int {
        let tag = Self.tag(hash: hash, count: form.count)
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            // Empty, or the same length, hash bits and first eight bytes (the same
            // form, if it has no more), tested with one branch: a form of up to
            // eight bytes, new or not, takes no other.
            if min((entry.tag & ~0xFFFF_FFFF ^ tag) | (entry.prefix ^ firstWord), entry.tag) == 0
                && (form.count <= 8 || entry.tag == 0 || sameTail(entry, form)) {
                return slot
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// Whether the form of `slot`, which has `form`'s first eight bytes and length
    /// byte (255 for any longer), is `form`.
    private func sameTail(_ slot: Slot, _ form: UnsafeBufferPointer<UInt8>) -> Bool {
        let index = Int(UInt32(truncatingIfNeeded: slot.tag) - 1)
        let start = index == 0 ? 0 : forms[index - 1].end
        return forms[index].end - start == form.count && memcmp(bytes + start, form.baseAddress!, form.count) == 0
    }

    /// The length and hash bits of a slot's ``Slot/tag``, without the id.
    @inline(__always) private static func tag(hash: Int, count: Int) -> UInt64 {
        UInt64(min(count, 255)) << 56 | UInt64(UInt32(truncatingIfNeeded: hash >> 40) & 0xFF_FFFF) << 32
    }

    /// Records the new form whose bytes were just written past the others, in `slot`.
    private func add(slot: Int, firstWord: UInt64, hash: Int, length: Int) -> FormID {
        let id = UInt32(count)
        slots[slot] = Slot(prefix: firstWord, tag: Self.tag(hash: hash, count: length) | UInt64(id + 1))
        byteCount += length
        forms[count] = Form(end: byteCount, hash: hash)
        count += 1
        makeRoom()
        return FormID(rawValue: id)
    }

    /// Keeps the slots at most half full and room for a form of eight bytes.
    private func makeRoom() {
        if byteCount + 8 > byteCapacity { growBytes(toHold: byteCount + 8) }
        guard count * 2 > mask + 1 else { return }
        // Twice the slots, rehashed in id order, so that removeForms can still take out the latest first.
        let capacity = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(), count: capacity)
        mask = capacity - 1
        for index in 0 ..< count {
            withForm(index) { form, hash in
                var slot = hash & mask
                while slots[slot].tag != 0 { slot = (slot + 1) & mask }
                slots[slot] = Slot(prefix: Vocabulary.firstWord(form), tag: Self.tag(hash: hash, count: form.count) | UInt64(index + 1))
            }
        }
        let grown = UnsafeMutablePointer<Form>.allocate(capacity: capacity / 2 + 1)
        grown.moveInitialize(from: forms, count: count)
        forms.deallocate()
        forms = grown
    }

    private func growBytes(toHold needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.moveInitialize(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
        byteCapacity = capacity
    }

    /// Each form's hash (low 32 bits) << 32 | id + 1, inserted in id order
    /// into as many slots as this table has: a ``FormTable``'s slots (the
    /// same phrases give the same table).
    func formTableSlots() -> [UInt64] {
        var table = [UInt64](repeating: 0, count: mask + 1)
        for index in 0 ..< count {
            var slot = forms[index].hash & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = UInt64(UInt32(truncatingIfNeeded: forms[index].hash)) << 32 | UInt64(index + 1)
        }
        return table
    }

    /// The forms' bytes, one after another.
    func allBytes() -> [UInt8] { Array(UnsafeBufferPointer(start: bytes, count: byteCount)) }

    /// Where each form's bytes end, in id order.
    func ends() -> [UInt32] { (0 ..< count).map { UInt32(forms[$0].end) } }

    /// Each form's hash, in id order.
    func hashes() -> [Int] { (0 ..< count).map { forms[$0].hash } }
}
