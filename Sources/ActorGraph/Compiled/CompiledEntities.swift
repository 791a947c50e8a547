import Foundation

/// The entities of a compiled gazetteer, left encoded in the mapped file and
/// decoded one at a time when read.
struct CompiledEntities: Sendable {
    /// The records, each ``EntityCoding``'s form of one entity.
    let records: FlatArray<UInt8>
    /// Record i is `records[offsets[i] ..< offsets[i + 1]]`.
    let offsets: FlatArray<UInt64>
    /// Open addressing over the ids: 0 = empty, else index + 1.
    let idSlots: FlatArray<UInt32>
    /// The files entities were defined in, as shown in messages.
    let files: [String]

    var count: Int { offsets.count - 1 }

    func entity(at index: Int) -> Entity {
        withReader(at: index) { EntityCoding.decode(&$0).entity }
    }

    func id(at index: Int) -> Entity.ID {
        withReader(at: index) { Entity.ID(rawValue: String(decoding: EntityCoding.idBytes(&$0), as: UTF8.self)) }
    }

    func location(at index: Int) -> EntityList.Location? {
        let decoded = withReader(at: index) { EntityCoding.decode(&$0) }
        guard let file = decoded.fileIndex, file < files.count else { return nil }
        return EntityList.Location(file: files[file], line: decoded.line)
    }

    func index(of id: Entity.ID) -> Int? {
        let hash = IDTable.hash(id)
        var id = id.rawValue
        return id.withUTF8 { wanted -> Int? in
            let mask = idSlots.count - 1
            var slot = Int(hash) & mask
            for _ in 0 ..< FlatTables.longestProbe {
                let entry = idSlots[slot]
                if entry == 0 { return nil }
                let index = Int(entry - 1)
                let matches = withReader(at: index) { reader -> Bool in
                    let stored = EntityCoding.idBytes(&reader)
                    return stored.count == wanted.count && (wanted.isEmpty || memcmp(stored.baseAddress!, wanted.baseAddress!, wanted.count) == 0)
                }
                if matches { return index }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private func withReader<R>(at index: Int, _ body: (inout ByteReader) -> R) -> R {
        records.withUnsafeBufferPointer { buffer in
            let lower = Int(offsets[index]), upper = Int(offsets[index + 1])
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[lower ..< upper]))
            return body(&reader)
        }
    }

    /// The id table for `ids`: ``IDTable``'s slots.
    static func idSlots(for ids: [Entity.ID]) -> [UInt32] {
        var table = IDTable()
        for id in ids { table.append(hash: IDTable.hash(id)) }
        return table.slots
    }

    /// Checks the offset and id tables, so that every read of a record stays
    /// inside the records and every id lookup ends. The records themselves
    /// are read with ``ByteReader``, which cannot read past them; damage
    /// inside one is the checksum's to find.
    /// - Returns: A description of the first problem, or `nil`.
    func problem() -> String? {
        guard offsets.count >= 1, offsets[0] == 0, offsets[offsets.count - 1] == UInt64(records.count) else {
            return "its entity offsets do not cover its records"
        }
        for index in 0 ..< count where offsets[index] > offsets[index + 1] {
            return "its entity offsets go backwards at entity \(index)"
        }
        guard idSlots.count >= 1, idSlots.count & (idSlots.count - 1) == 0 else { return "its id table has a bad size" }
        var used = 0
        for slot in idSlots where slot != 0 {
            guard Int(slot) <= count else { return "its id table points past the entities" }
            used += 1
        }
        guard used == count, used < idSlots.count else { return "its id table does not list each entity once" }
        return nil
    }
}
