/// The binary form of one ``Entity`` in a compiled gazetteer.
///
/// Fields in order: id, type, subtype, name, country, aliases, external ids
/// (sorted by scheme), roles, relations, then the file index and line it was
/// defined at. Strings are length-prefixed UTF-8 (length `UInt32.max` for
/// none; an alias written as none is the name); days are `yyyymmdd` numbers.
enum EntityCoding {
    private static let types = ActorType.allCases
    private static let aliasKinds: [Entity.Alias.Kind] = [.name, .alias, .demonym]
    private static let noFile = UInt32.max

    static func encode(_ entity: Entity, fileIndex: Int?, line: Int, into writer: inout ByteWriter) {
        writer.string(entity.id.rawValue)
        writer.u8(UInt8(types.firstIndex(of: entity.type)!))
        writer.string(entity.subtype)
        writer.string(entity.name)
        writer.string(entity.country)
        writer.u32(UInt32(entity.aliases.count))
        for alias in entity.aliases {
            writer.string(alias.text == entity.name ? nil : alias.text)      // none: the name again
            writer.u8(UInt8(aliasKinds.firstIndex(of: alias.kind)!))
            writer.u8(alias.caseSensitive ? 1 : 0)
        }
        writer.u32(UInt32(entity.externalIDs.count))
        for (scheme, value) in entity.externalIDs.sorted(by: { $0.key < $1.key }) {
            writer.string(scheme)
            writer.string(value)
        }
        writer.u32(UInt32(entity.roles.count))
        for role in entity.roles {
            writer.string(role.title)
            writer.string(role.of?.rawValue)
            writer.u32(role.from.map(pack) ?? 0)
            writer.u32(role.to.map(pack) ?? 0)
        }
        writer.u32(UInt32(entity.relations.count))
        for relation in entity.relations {
            writer.string(relation.type)
            writer.string(relation.target.rawValue)
        }
        writer.u32(fileIndex.map(UInt32.init) ?? noFile)
        writer.u32(UInt32(line))
    }

    /// Decodes one entity; a damaged record sets `reader.failed` and gives whatever was read.
    static func decode(_ reader: inout ByteReader) -> (entity: Entity, fileIndex: Int?, line: Int) {
        let id = reader.string()
        let typeIndex = Int(reader.u8())
        if typeIndex >= types.count { reader.fail() }
        let subtype = reader.optionalString()
        let name = reader.string()
        let country = reader.optionalString()
        var aliases: [Entity.Alias] = []
        for _ in 0 ..< reader.count(minimumSize: 6) {
            let text = reader.optionalString() ?? name
            let kind = Int(reader.u8())
            let caseSensitive = reader.u8()
            if kind >= aliasKinds.count || caseSensitive > 1 { reader.fail() }
            aliases.append(Entity.Alias(text: text, kind: aliasKinds[min(kind, aliasKinds.count - 1)], caseSensitive: caseSensitive == 1))
        }
        var externalIDs: [String: String] = [:]
        for _ in 0 ..< reader.count(minimumSize: 8) {
            let scheme = reader.string()
            externalIDs[scheme] = reader.string()
        }
        var roles: [Entity.Role] = []
        for _ in 0 ..< reader.count(minimumSize: 16) {
            let title = reader.string()
            let of = reader.optionalString().map(Entity.ID.init(rawValue:))
            let from = day(reader.u32(), &reader)
            let to = day(reader.u32(), &reader)
            roles.append(Entity.Role(title: title, of: of, from: from, to: to))
        }
        var relations: [Entity.Relation] = []
        for _ in 0 ..< reader.count(minimumSize: 8) {
            let type = reader.string()
            relations.append(Entity.Relation(type: type, target: Entity.ID(rawValue: reader.string())))
        }
        let file = reader.u32()
        let line = Int(reader.u32())
        let entity = Entity(id: Entity.ID(rawValue: id), type: types[min(typeIndex, types.count - 1)], subtype: subtype,
                            name: name, aliases: aliases, country: country, externalIDs: externalIDs, roles: roles, relations: relations)
        return (entity, file == noFile ? nil : Int(file), line)
    }

    /// The id bytes at the start of a record.
    static func idBytes(_ reader: inout ByteReader) -> UnsafeRawBufferPointer {
        reader.stringBytes() ?? UnsafeRawBufferPointer(start: nil, count: 0)
    }

    private static func pack(_ day: Day) -> UInt32 {
        UInt32(day.year * 10_000 + day.month * 100 + day.day)
    }

    private static func day(_ packed: UInt32, _ reader: inout ByteReader) -> Day? {
        guard packed != 0 else { return nil }
        let value = Int(packed)
        guard let day = Day(year: value / 10_000, month: value / 100 % 100, day: value % 100) else {
            reader.fail()
            return nil
        }
        return day
    }
}
