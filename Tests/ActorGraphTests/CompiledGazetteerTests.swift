import Foundation
import Testing
@testable import ActorGraph

/// `actorgraph gazetteer compile` files: the same answers as the text they
/// came from, and a clear refusal of any damaged file, never a crash.
@Suite struct CompiledGazetteerTests {
    static let smallText = """
        entity ruritania country
          name Ruritania
          demonym Ruritanian
          country RUR
        entity rudolf-elphberg person
          name Rudolf Elphberg
          role President | of=ruritania | from=2020-01-01
        entity zenda city
          name Zenda
          exact ZND
          relation located-in ruritania

        """

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-compiled-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func compiledSmall() throws -> (source: Gazetteer, data: Data) {
        let source = try gazetteer(Self.smallText, name: "small.gaz")
        return (source, source.compiledData(includesBundled: false))
    }

    @Test func aCompiledFileGivesTheSameEntitiesAndMatches() throws {
        let (source, data) = try compiledSmall()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("small.agz")
        try data.write(to: file)
        let loaded = try Gazetteer.load([file])
        #expect(Array(loaded.entities) == Array(source.entities))
        #expect(loaded.location(of: "zenda")?.line == 8)
        #expect(loaded["rudolf-elphberg"]?.roles.first?.from == Day(year: 2020, month: 1, day: 1))
        #expect(loaded["nobody"] == nil)
        let text = try Tokenizer().tokenize("Rudolf Elphberg left ZND for Zenda; Elphberg and the Ruritanian army. Znd is not it.")
        #expect(EntityMatcher(gazetteer: loaded).matches(in: text) == EntityMatcher(gazetteer: source).matches(in: text))
        #expect(EntityMatcher(gazetteer: loaded).matches(in: text).count == 5)
        // Same input, same bytes (the file's place is recorded, so the same place).
        let sourceFile = folder.appendingPathComponent("small.gaz")
        try Self.smallText.write(to: sourceFile, atomically: true, encoding: .utf8)
        let once = try Gazetteer.load([sourceFile]).compiledData(includesBundled: false)
        #expect(try Gazetteer.load([sourceFile]).compiledData(includesBundled: false) == once)
    }

    @Test func theBundledGazetteerCompiledExtractsTheCorpusIdentically() throws {
        let text = try extractor()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bundled.agz")
        try text.gazetteer.compiledData(includesBundled: true).write(to: file)
        let compiled = try Extractor(gazetteers: [file])
        #expect(compiled.gazetteer.entities.count == text.gazetteer.entities.count)
        let articles = try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(articles.count >= 10)
        for name in articles {
            let article = try String(contentsOf: corpusFolder.appendingPathComponent(name), encoding: .utf8)
            let a = try text.extract(article, date: "2021-07-27", id: name).jsonData()
            let b = try compiled.extract(article, date: "2021-07-27", id: name).jsonData()
            #expect(a == b, "\(name)")
        }
    }

    @Test func aCompiledFileMixesWithTextGazetteers() throws {
        let (_, data) = try compiledSmall()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let compiled = folder.appendingPathComponent("a.agz")
        try data.write(to: compiled)
        let extra = folder.appendingPathComponent("b.gaz")
        try "entity strel-prize organization\n  name Strel Prize\n  relation located-in zenda\n".write(to: extra, atomically: true, encoding: .utf8)
        let both = try Gazetteer.load([compiled, extra])
        #expect(both.entities.map(\.id) == ["ruritania", "rudolf-elphberg", "zenda", "strel-prize"])
        #expect(both.location(of: "zenda")?.file.hasSuffix("small.gaz") == true)

        let twice = folder.appendingPathComponent("c.gaz")
        try "entity zenda city\n  name Zenda\n".write(to: twice, atomically: true, encoding: .utf8)
        let error = actorGraphError { _ = try Gazetteer.load([compiled, twice]) }
        #expect(error?.message.hasPrefix("The entity id \"zenda\" is already defined in \(compiled.path) (compiled from ") == true)
        #expect(error?.file?.hasSuffix("c.gaz") == true && error?.line == 1)
        // A repeat read from a compiled file is reported in it, with the place it was compiled from.
        let reversed = actorGraphError { _ = try Gazetteer.load([twice, compiled]) }
        #expect(reversed?.file == compiled.path && reversed?.line == nil)
        #expect(reversed?.message.hasPrefix("The entity id \"zenda\" (compiled from ") == true)
        #expect(reversed?.message.hasSuffix("small.gaz:8) is already defined in \(twice.path):1; give each entity its own id.") == true)
    }

    /// A compiled file given with the file it was compiled from, or with
    /// another compiled from the same file: every entity comes twice, and
    /// one error names both files and the way out, rather than the same
    /// place twice ("good.gaz:1 … already defined in good.gaz:1").
    @Test func aCompiledFileGivenWithItsSourceSaysSo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("small.gaz")
        try Self.smallText.write(to: source, atomically: true, encoding: .utf8)
        let a = folder.appendingPathComponent("a.agz"), b = folder.appendingPathComponent("b.agz")
        try Gazetteer.load([source]).compiledData(includesBundled: false).write(to: a)
        try Gazetteer.load([source]).compiledData(includesBundled: false).write(to: b)
        for files in [[a, source], [source, a]] {
            var problems: [ActorGraphError] = []
            _ = try Gazetteer.load(files, problems: &problems)
            #expect(problems.map(\.description) == ["""
                \(a.path): The entity id "ruritania" and 2 more come twice: \(a.path) was compiled from \(source.path), which is read as well; \
                leave out one of the two (and compile \(a.path) again after editing \(source.path)).
                """])
        }
        let both = actorGraphError { _ = try Gazetteer.load([a, b]) }
        #expect(both?.description == """
            \(b.path): The entity id "ruritania" and 2 more come twice: \(a.path) and \(b.path) were both compiled from \(source.path); give only one of them.
            """)
    }

    @Test func everyTruncationIsRefusedWithAClearError() throws {
        let (_, data) = try compiledSmall()
        for length in 0 ..< data.count {
            let error = actorGraphError { _ = try data.prefix(length).withUnsafeBytes { try Gazetteer.compiled(bytes: $0, verifyChecksum: true) } }
            #expect(error?.code == .malformedGazetteer, "length \(length)")
            #expect(error?.message.contains("compile it again") == true, "length \(length)")
        }
    }

    @Test func everyChangedByteIsRefused() throws {
        let (_, data) = try compiledSmall()
        for offset in 0 ..< data.count {
            var damaged = data
            damaged[offset] ^= 0x5A
            let error = actorGraphError { _ = try damaged.withUnsafeBytes { try Gazetteer.compiled(bytes: $0, verifyChecksum: true) } }
            #expect(error?.code == .malformedGazetteer, "offset \(offset)")
        }
    }

    /// Behind the checksum, the structural checks alone must keep a damaged
    /// file from trapping: each changed byte is refused or gives a gazetteer
    /// that matches and decodes without fault.
    @Test func theStructuralChecksKeepDamageFromTrapping() throws {
        let (_, data) = try compiledSmall()
        let text = try Tokenizer().tokenize("Rudolf Elphberg left ZND for Zenda with the Ruritanian army.")
        for offset in 0 ..< data.count {
            for value: UInt8 in [0x00, 0xFF, 0x07] {
                var damaged = data
                damaged[offset] = value
                guard let loaded = try? damaged.withUnsafeBytes({ try Gazetteer.compiled(bytes: $0, verifyChecksum: false) }) else { continue }
                _ = EntityMatcher(gazetteer: loaded).matches(in: text)
                for entity in loaded.entities { _ = loaded[entity.id] }
            }
        }
    }

    @Test func anotherFormatVersionIsRefusedByName() throws {
        var (_, data) = try compiledSmall()
        // Version 4 had one filter over all edges where version 5 has one per node.
        data[8] = 4
        let error = actorGraphError { _ = try data.withUnsafeBytes { try Gazetteer.compiled(bytes: $0, verifyChecksum: true) } }
        #expect(error?.message.hasPrefix("The compiled gazetteer has format version 4, and this ActorGraph reads version 5;") == true)
    }
}
