/// Entity positions by id: open addressing over a hash of each id's UTF-8,
/// holding positions only (the ids stay with the entities). Faster to fill
/// than a `Dictionary` of strings, for gazetteers of millions of entities.
struct IDTable: Sendable {
    /// 0 = empty, else position + 1; a power of two long, at most half full.
    /// A compiled gazetteer stores these slots and probes them the same way.
    private(set) var slots = [UInt32](repeating: 0, count: 16)
    /// The hash of the id at each position.
    private var hashes: [UInt32] = []

    static func hash(_ id: Entity.ID) -> UInt32 {
        var text = id.rawValue
        return UInt32(truncatingIfNeeded: text.withUTF8 { Vocabulary.hash($0) })
    }

    /// The position of `id`; `idAt` gives the id at a position.
    func index(of id: Entity.ID, hash: UInt32, idAt: (Int) -> Entity.ID) -> Int? {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            if hashes[index] == hash && idAt(index) == id { return index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds the next position (`hashes.count`) for an id of `hash`.
    mutating func append(hash: UInt32) {
        hashes.append(hash)
        if hashes.count * 2 > slots.count {
            slots = [UInt32](repeating: 0, count: slots.count * 2)
            for index in hashes.indices { place(index) }
        } else {
            place(hashes.count - 1)
        }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(hashes[index]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(index + 1)
    }
}
