import Foundation

/// The compiled gazetteer file: a ``Gazetteer`` with its matcher tables ready
/// to use, memory-mapped on load instead of parsed.
///
/// Layout (little-endian; `Docs/GazetteerFormat.md` describes it for users):
///
/// | offset | size | field |
/// | --- | --- | --- |
/// | 0 | 8 | magic `ACTGAZ\r\n` |
/// | 8 | 4 | format version |
/// | 12 | 4 | section count |
/// | 16 | 8 | checksum of every byte after the first 32 |
/// | 24 | 8 | file size |
/// | 32 | 24 × count | sections: kind, 0, offset, length |
///
/// Each section starts at a multiple of 8 bytes and the file's size is one.
enum CompiledGazetteer {
    /// The version this build writes and reads.
    static let formatVersion: UInt32 = 5
    static let magic: [UInt8] = Array("ACTGAZ\r\n".utf8)
    private static let headerSize = 32

    private enum Section: UInt32, CaseIterable {
        case formBytes = 1, formEnds, formSlots, edgeKeys, edgeTargets, payloadEnds, payloads
        case entityRecords, entityOffsets, idSlots, files, exactAliases, holders, roleTitles, meta
        // 16 held version 4's one filter over all edges.
        case formFilter = 17, firstNodes, childFilterEnds, childFilters
    }

    /// Whether `url` is to be read as a compiled gazetteer: it is named `.agz`
    /// or starts like one (any version).
    static func isCompiled(_ url: URL) -> Bool {
        if url.pathExtension == "agz" { return true }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: magic.count)).map { Array($0) == magic } ?? false
    }

    /// Whether `url` is a compiled gazetteer with the bundled entities in it,
    /// read from its header and section table alone (the full checks come
    /// when it is loaded).
    static func includesBundled(_ url: URL) -> Bool {
        guard isCompiled(url), let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        func read(_ count: Int, at offset: UInt64) -> [UInt8]? {
            guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: count), data.count == count else { return nil }
            return Array(data)
        }
        guard let fileSize = try? handle.seekToEnd(), let head = read(headerSize, at: 0) else { return false }
        let (version, sectionCount) = head.withUnsafeBytes { bytes -> (UInt32, Int) in
            var reader = ByteReader(bytes, offset: magic.count)
            return (reader.u32(), Int(reader.u32()))
        }
        guard version == formatVersion, sectionCount == Section.allCases.count,
              let table = read(24 * sectionCount, at: UInt64(headerSize)),
              let ranges = table.withUnsafeBytes({ sections(in: $0, count: sectionCount, fileSize: Int(fileSize)) }),
              let meta = ranges[.meta], let flag = read(4, at: UInt64(meta.lowerBound)) else { return false }
        return flag.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            return reader.u32() == 1
        }
    }

    // MARK: Writing

    /// The file's bytes for `gazetteer`.
    /// - Parameter includesBundled: Whether the bundled entities are among its entities.
    static func data(_ gazetteer: Gazetteer, includesBundled: Bool) -> Data {
        var sections: [(Section, [UInt8])] = []
        func flat<T>(_ section: Section, _ array: FlatArray<T>) {
            sections.append((section, array.withUnsafeBytes { Array($0) }))
        }
        let tables = gazetteer.aliases.tables
        flat(.formBytes, tables.forms.bytes)
        flat(.formEnds, tables.forms.ends)
        flat(.formSlots, tables.forms.slots)
        flat(.edgeKeys, tables.edgeKeys)
        flat(.edgeTargets, tables.edgeTargets)
        flat(.payloadEnds, tables.payloadEnds)
        flat(.childFilterEnds, tables.childFilterEnds)
        flat(.childFilters, tables.childFilters)
        flat(.formFilter, tables.forms.filter)
        flat(.firstNodes, tables.firstNodes)
        var writer = ByteWriter()
        for payload in gazetteer.aliases.payloads {
            writer.u32(UInt32(bitPattern: payload.entity))
            writer.u32(UInt32(bitPattern: payload.exact))
            writer.u32(UInt32(MentionVia.allCases.firstIndex(of: payload.via)!))
        }
        sections.append((.payloads, writer.bytes))

        var records = ByteWriter()
        var offsets: [UInt64] = [0]
        var files: [String] = []
        var fileIndex: [String: Int] = [:]
        for index in gazetteer.entities.indices {
            let location = gazetteer.entities.location(at: index)
            if let location, fileIndex[location.file] == nil {
                fileIndex[location.file] = files.count
                files.append(location.file)
            }
            let file = location.flatMap { fileIndex[$0.file] }
            EntityCoding.encode(gazetteer.entities[index], fileIndex: file, line: location?.line ?? 0, into: &records)
            offsets.append(UInt64(records.bytes.count))
        }
        sections.append((.entityRecords, records.bytes))
        sections.append((.entityOffsets, offsets.withUnsafeBytes { Array($0) }))
        let ids = gazetteer.entities.indices.map { gazetteer.entities.id(at: $0) }
        sections.append((.idSlots, CompiledEntities.idSlots(for: ids).withUnsafeBytes { Array($0) }))

        writer = ByteWriter()
        writer.u32(UInt32(files.count))
        files.forEach { writer.string($0) }
        sections.append((.files, writer.bytes))

        writer = ByteWriter()
        writer.u32(UInt32(gazetteer.exactAliases.count))
        for alias in gazetteer.exactAliases {
            writer.u32(UInt32(alias.count))
            alias.forEach { writer.string($0) }
        }
        sections.append((.exactAliases, writer.bytes))

        writer = ByteWriter()
        writer.u32(UInt32(gazetteer.holdersByTitle.count))
        for (title, holders) in gazetteer.holdersByTitle.sorted(by: { $0.key < $1.key }) {
            writer.string(title)
            writer.u32(UInt32(holders.count))
            holders.forEach { writer.u32(UInt32($0)) }
        }
        sections.append((.holders, writer.bytes))

        writer = ByteWriter()
        writer.u32(UInt32(gazetteer.roleTitles.count))
        for (title, index) in gazetteer.roleTitles.sorted(by: { $0.key < $1.key }) {
            writer.string(title)
            writer.u32(UInt32(index))
        }
        sections.append((.roleTitles, writer.bytes))

        writer = ByteWriter()
        writer.u32(includesBundled ? 1 : 0)
        sections.append((.meta, writer.bytes))

        // Header and section table, then each section at a multiple of 8.
        var body = ByteWriter()
        var table: [(Section, UInt64, UInt64)] = []
        var offset = headerSize + 24 * sections.count
        for (section, bytes) in sections {
            table.append((section, UInt64(offset), UInt64(bytes.count)))
            offset += (bytes.count + 7) / 8 * 8
        }
        for (section, start, length) in table {
            body.u32(section.rawValue)
            body.u32(0)
            body.u64(start)
            body.u64(length)
        }
        for (_, bytes) in sections {
            bytes.withUnsafeBytes { body.append($0) }
            body.align()
        }
        var header = ByteWriter()
        magic.withUnsafeBytes { header.append($0) }
        header.u32(formatVersion)
        header.u32(UInt32(sections.count))
        header.u64(body.bytes.withUnsafeBytes { checksum($0) })
        header.u64(UInt64(headerSize + body.bytes.count))
        return Data(header.bytes + body.bytes)
    }

    /// The byte range of each section from the section table: every kind
    /// known and listed once, each range 8-byte aligned and inside the file;
    /// `nil` otherwise.
    private static func sections(in table: UnsafeRawBufferPointer, count: Int, fileSize: Int) -> [Section: Range<Int>]? {
        var reader = ByteReader(table)
        var ranges: [Section: Range<Int>] = [:]
        for _ in 0 ..< count {
            let kind = reader.u32()
            _ = reader.u32()
            let start = reader.u64(), length = reader.u64()
            guard !reader.failed, let section = Section(rawValue: kind), start % 8 == 0, start <= UInt64(fileSize),
                  length <= UInt64(fileSize) - start, ranges[section] == nil else { return nil }
            ranges[section] = Int(start) ..< Int(start + length)
        }
        return ranges.count == Section.allCases.count ? ranges : nil
    }

    /// A 64-bit checksum over whole 8-byte words (the file's length is a multiple of 8).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x6A09_E667_F3BC_C908
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x100_0000_01B3
            offset += 1
        }
        return hash
    }

    // MARK: Reading

    /// Opens a compiled gazetteer mapped in memory.
    /// - Parameters:
    ///   - verifyChecksum: `false` only to test the structural checks behind it.
    /// - Throws: ``ActorGraphError`` (`malformedGazetteer`) naming the file when
    ///   it is truncated, damaged, or of another format version.
    static func read(_ file: MappedFile, name: String, verifyChecksum: Bool = true) throws -> (Gazetteer, includesBundled: Bool) {
        func refuse(_ problem: String) -> ActorGraphError {
            ActorGraphError(.malformedGazetteer, "The compiled gazetteer \(problem); compile it again with `actorgraph gazetteer compile`.", file: name)
        }
        let bytes = file.bytes
        let start = Array(bytes.prefix(magic.count))
        guard start == Array(magic.prefix(start.count)), !start.isEmpty else {
            throw refuse("does not start as one: it is empty or not a compiled gazetteer")
        }
        guard bytes.count >= headerSize else { throw refuse("is truncated (\(bytes.count) bytes)") }
        var header = ByteReader(bytes, offset: magic.count)
        let version = header.u32()
        guard version == formatVersion else {
            throw ActorGraphError(.malformedGazetteer, "The compiled gazetteer has format version \(version), and this ActorGraph reads version \(formatVersion); compile it again with this version's `actorgraph gazetteer compile`.", file: name)
        }
        let sectionCount = Int(header.u32())
        let storedChecksum = header.u64()
        let storedSize = header.u64()
        guard storedSize == UInt64(bytes.count), bytes.count % 8 == 0 else {
            throw refuse(UInt64(bytes.count) < storedSize ? "is truncated (\(bytes.count) of \(storedSize) bytes)" : "has \(bytes.count) bytes where its header says \(storedSize)")
        }
        if verifyChecksum, checksum(UnsafeRawBufferPointer(rebasing: bytes[headerSize...])) != storedChecksum {
            throw refuse("is damaged (its checksum does not match)")
        }
        guard sectionCount == Section.allCases.count, sectionCount <= (bytes.count - headerSize) / 24,
              let ranges = sections(in: UnsafeRawBufferPointer(rebasing: bytes[headerSize ..< headerSize + 24 * sectionCount]),
                                    count: sectionCount, fileSize: bytes.count) else {
            throw refuse("has a damaged section table")
        }

        func flat<T: BitwiseCopyable>(_ section: Section, _ type: T.Type) throws -> FlatArray<T> {
            let range = ranges[section]!
            guard range.count % MemoryLayout<T>.stride == 0 else { throw refuse("has a section of the wrong size") }
            return FlatArray(owner: file, pointer: bytes.baseAddress! + range.lowerBound, count: range.count / MemoryLayout<T>.stride)
        }
        func reader(_ section: Section) -> ByteReader {
            ByteReader(UnsafeRawBufferPointer(rebasing: bytes[ranges[section]!]))
        }

        var meta = reader(.meta)
        let includesBundled = meta.u32() == 1
        let forms = FormTable(bytes: try flat(.formBytes, UInt8.self), ends: try flat(.formEnds, UInt32.self),
                              slots: try flat(.formSlots, UInt64.self), filter: try flat(.formFilter, UInt64.self))
        let tables = PhraseSet<Gazetteer.AliasTarget>.Tables(
            forms: forms, edgeKeys: try flat(.edgeKeys, UInt64.self), edgeTargets: try flat(.edgeTargets, UInt32.self),
            payloadEnds: try flat(.payloadEnds, UInt32.self), childFilterEnds: try flat(.childFilterEnds, UInt32.self),
            childFilters: try flat(.childFilters, UInt64.self), firstNodes: try flat(.firstNodes, UInt32.self))

        var files: [String] = []
        var fileReader = reader(.files)
        for _ in 0 ..< fileReader.count(minimumSize: 4) { files.append(fileReader.string()) }
        let entities = CompiledEntities(records: try flat(.entityRecords, UInt8.self), offsets: try flat(.entityOffsets, UInt64.self),
                                        idSlots: try flat(.idSlots, UInt32.self), files: files)
        if fileReader.failed { throw refuse("has a damaged file table") }
        if let problem = entities.problem() { throw refuse("is damaged: \(problem)") }
        let entityCount = entities.count

        var exact: [[String]] = []
        var exactReader = reader(.exactAliases)
        for _ in 0 ..< exactReader.count(minimumSize: 4) {
            exact.append((0 ..< exactReader.count(minimumSize: 4)).map { _ in exactReader.string() })
        }
        if exactReader.failed { throw refuse("has damaged case-sensitive aliases") }

        var payloadReader = reader(.payloads)
        var payloads: [Gazetteer.AliasTarget] = []
        payloads.reserveCapacity(ranges[.payloads]!.count / 12)
        while !payloadReader.isAtEnd {
            let entity = Int32(bitPattern: payloadReader.u32())
            let exactIndex = Int32(bitPattern: payloadReader.u32())
            let via = Int(payloadReader.u32())
            guard !payloadReader.failed, entity >= 0, Int(entity) < entityCount, exactIndex >= -1, Int(exactIndex) < exact.count,
                  via < MentionVia.allCases.count else { throw refuse("has a damaged alias table") }
            payloads.append(Gazetteer.AliasTarget(entity: entity, via: MentionVia.allCases[via], exact: exactIndex))
        }
        if let problem = check(tables, payloadCount: payloads.count) { throw refuse("is damaged: \(problem)") }

        var holders: [String: [Int]] = [:]
        var holderReader = reader(.holders)
        for _ in 0 ..< holderReader.count(minimumSize: 8) {
            let title = holderReader.string()
            holders[title] = (0 ..< holderReader.count(minimumSize: 4)).map { _ in Int(holderReader.u32()) }
        }
        var roleTitles: [String: Int] = [:]
        var titleReader = reader(.roleTitles)
        for _ in 0 ..< titleReader.count(minimumSize: 8) {
            let title = titleReader.string()
            roleTitles[title] = Int(titleReader.u32())
        }
        // Each title's holders strictly increasing: in load order, each once.
        let holdersInOrder = holders.values.allSatisfy { list in
            zip(list, list.dropFirst()).allSatisfy { $0 < $1 } && (list.last ?? 0) < entityCount
        }
        guard !holderReader.failed, !titleReader.failed, !meta.failed, holdersInOrder,
              roleTitles.values.allSatisfy({ $0 < entityCount }) else {
            throw refuse("has a damaged title table")
        }
        let gazetteer = Gazetteer(entities: EntityList(compiled: entities), aliases: PhraseSet(tables: tables, payloads: payloads),
                                  exactAliases: exact, holdersByTitle: holders, roleTitles: roleTitles)
        return (gazetteer, includesBundled)
    }

    /// Checks the matcher tables: every index in range and every hash table
    /// with an empty slot, so that lookups end.
    private static func check(_ tables: PhraseSet<Gazetteer.AliasTarget>.Tables, payloadCount: Int) -> String? {
        let forms = tables.forms
        guard isHashTable(forms.slots.count) else { return "its form table has a bad size" }
        var previous: UInt32 = 0
        for end in forms.ends {
            guard end >= previous else { return "its form ends go backwards" }
            previous = end
        }
        guard Int(previous) <= forms.bytes.count else { return "its forms run past their bytes" }
        var used = 0
        for slot in forms.slots where slot != 0 {
            let entry = UInt32(truncatingIfNeeded: slot)
            guard entry != 0, Int(entry) <= forms.count else { return "its form table points past the forms" }
            used += 1
        }
        guard used < forms.slots.count else { return "its form table is full" }
        // A forged filter can only hide forms (matches missed), never send a lookup out of bounds.
        guard isHashTable(forms.filter.count) else { return "its form filter has a bad size" }

        let nodeCount = tables.payloadEnds.count
        guard nodeCount >= 1 else { return "it has no root node" }
        previous = 0
        for end in tables.payloadEnds {
            guard end >= previous else { return "its payload ends go backwards" }
            previous = end
        }
        guard Int(previous) == payloadCount else { return "its payload ends do not match its payloads" }
        guard tables.edgeKeys.count == tables.edgeTargets.count, tables.edgeKeys.isEmpty || isHashTable(tables.edgeKeys.count) else {
            return "its edge table has a bad size"
        }
        used = 0
        for (key, target) in zip(tables.edgeKeys, tables.edgeTargets) where key != 0 {
            guard Int(target) < nodeCount, Int((key &- 1) >> 32) < nodeCount else { return "its edge table points past the nodes" }
            used += 1
        }
        guard tables.edgeKeys.isEmpty || used < tables.edgeKeys.count else { return "its edge table is full" }
        // A forged filter can only hide edges (matches missed); its bounds are checked, so a lookup stays inside it.
        guard tables.childFilterEnds.count == nodeCount else { return "its edge filters do not match its nodes" }
        previous = 0
        for end in tables.childFilterEnds {
            guard end >= previous else { return "its edge filter ends go backwards" }
            previous = end
        }
        guard Int(previous) == tables.childFilters.count else { return "its edge filter ends do not match its edge filters" }
        guard tables.firstNodes.count == forms.count, tables.firstNodes.allSatisfy({ Int($0) < nodeCount }) else {
            return "its first nodes do not match its forms"
        }
        return nil
    }

    private static func isHashTable(_ count: Int) -> Bool { count >= 1 && count & (count - 1) == 0 }
}
