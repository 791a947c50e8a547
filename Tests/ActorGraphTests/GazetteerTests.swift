import Foundation
import Testing
@testable import ActorGraph

@Suite struct GazetteerTests {
    @Test func parsesEveryField() throws {
        let loaded = try gazetteer("""
            # People
            entity benny-gantz person/politician
              name      Benny Gantz
              alias     בני גנץ   # Hebrew
              country   ISR
              wikidata  Q1352853
              role      Defense Minister | of=israel | from=2020-05-17 | to=2022-12-29
              relation  citizen-of israel

            entity israel country
              name      Israel
              exact     IL
              demonym   Israeli, Israelis
              country   ISR
            """)
        let gantz = try #require(loaded["benny-gantz"])
        #expect(gantz.type == .person && gantz.subtype == "politician")
        #expect(gantz.aliases.map(\.text) == ["Benny Gantz", "בני גנץ"])
        #expect(gantz.externalIDs == ["wikidata": "Q1352853"])
        #expect(gantz.roles == [Entity.Role(title: "Defense Minister", of: "israel",
                                            from: try Day(iso: "2020-05-17"), to: try Day(iso: "2022-12-29"))])
        #expect(gantz.relations == [Entity.Relation(type: "citizen-of", target: "israel")])
        let israel = try #require(loaded["israel"])
        #expect(israel.aliases.filter(\.caseSensitive).map(\.text) == ["IL"])
        #expect(israel.aliases.filter { $0.kind == .demonym }.map(\.text) == ["Israeli", "Israelis"])
    }

    @Test(arguments: [
        ("entity x person\n  name X\n  alais Y\n",
         "test.gaz:3:3: Unknown key \"alais\"; use one of: name, alias, exact, demonym, country, wikidata, geonames, id, role, relation."),
        ("entity x human\n  name X\n",
         "test.gaz:1:10: Unknown type \"human\"; use one of: person, organization, country, city, place, product, group."),
        ("entity X_1 person\n  name X\n",
         "test.gaz:1:8: The id \"X_1\" may use only lowercase letters, digits and hyphens."),
        ("entity x person\n  alias X\n",
         "test.gaz:1:1: Entity \"x\" has no name; add a line \"  name <canonical name>\"."),
        ("  name X\n",
         "test.gaz:1:3: The attribute \"name\" comes before any entity; start the block with \"entity <id> <type>\"."),
        ("entity x person\n  name X\n entity y person\n  name Y\n",
         "test.gaz:3:2: The entity line is indented; start it at the beginning of the line."),
        ("entity x person\n  name X\n  role President | from=2021-02-30\n",
         "test.gaz:3:20: \"2021-02-30\" is not a day of the calendar; check the month and the day."),
        ("entity x person\n  name X\n  role President | from=2022-01-01 | to=2021-01-01\n",
         "test.gaz:3:8: The role \"President\" ends (2021-01-01) before it starts (2022-01-01); check the dates."),
        ("entity x country\n  name X\n  country France\n",
         "test.gaz:3:11: The country \"France\" is not an ISO 3166-1 alpha-3 code; write three capital letters, e.g. FRA."),
        ("entity x person\n  name X\n  relation member-of nowhere\n",
         "test.gaz:3:22: No loaded gazetteer defines \"nowhere\"; add the entity or fix the id."),
        ("entity x person\n  name X\nentity x person\n  name Y\n",
         "test.gaz:3:8: The entity id \"x\" is already defined in test.gaz:1; give each entity its own id."),
        ("entity x person\n  name X\n  alias\n",
         "test.gaz:3:3: \"alias\" has no value; write one after the key or remove the line."),
        ("entity x person\n  name X\n  demonym A,,B\n",
         "test.gaz:3:11: Demonym 2 in \"A,,B\" is empty; remove the extra comma."),
        ("entity x person\n  name X\n  alias --\n",
         "test.gaz:3:9: The alias \"--\" has no letter or digit to match; remove it."),
        ("entity x country\n  name X\n  country FRA\n  country DEU\n",
         "test.gaz:4:3: Entity \"x\" has a second country \"DEU\"; keep one."),
        ("entity x person\n  name X\n  role President | from=2020-01-01 | from=2021-01-01\n",
         "test.gaz:3:38: The role field \"from=\" appears twice; keep one."),
        ("entity x person\n  name X\n  relation member-of x\n",
         "test.gaz:3:22: Entity \"x\" is related to itself; name another entity."),
        ("entity x person/Top_Brass\n  name X\n",
         "test.gaz:1:17: The subtype \"Top_Brass\" may use only lowercase letters, digits and hyphens, e.g. \"government-agency\"."),
        ("option a\u{2028}b\n",
         "test.gaz:1:8: Unknown option \"a\"; the only option is \"case-sensitive\"."),
        ("entity x person\n  name X\u{1}Y\n",
         "test.gaz:2:9: The line holds a control character (U+1); remove it."),
    ])
    func reportsMalformedEntriesWithTheirPlace(text: String, message: String) {
        let error = actorGraphError { _ = try gazetteer(text) }
        #expect(error?.code == .malformedGazetteer)
        #expect(error.map { $0.description.replacingOccurrences(of: $0.file ?? "", with: "test.gaz") } == message)
    }

    @Test func fileWideCaseSensitivity() throws {
        let loaded = try gazetteer("option case-sensitive\nentity who organization/igo\n  name WHO\n  alias World Health Organization\n")
        let matcher = EntityMatcher(gazetteer: loaded)
        let tokenized = try Tokenizer().tokenize("WHO said who knows; the World Health Organization agreed.")
        #expect(matcher.matches(in: tokenized).map { String(tokenized.string(ofTokens: $0.tokens)) } == ["WHO", "World Health Organization"])
        let misplaced = actorGraphError { _ = try gazetteer("entity a place\n  name A\noption case-sensitive\n") }
        #expect(misplaced?.message == "Put \"option\" lines before the first entity of the file.")
    }

    @Test func readsWindowsAndOldMacLineEnds() throws {
        for text in ["entity x place\r\n  name X Land\r\n  alias Xland\r\n", "entity x place\r  name X Land\r  alias Xland\r"] {
            #expect(try gazetteer(text)["x"]?.aliases.map(\.text) == ["X Land", "Xland"])
        }
    }

    @Test func refusesBytesThatAreNotUTF8WithTheirPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-utf8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.gaz")
        try Data("entity x place\n  name Ab".utf8 + [0xFF] + Data("c\n".utf8)).write(to: file)
        let error = actorGraphError { _ = try Gazetteer.load([file]) }
        #expect(error?.line == 2 && error?.column == 10)
        #expect(error?.message == "The file is not valid UTF-8 here; save it as UTF-8.")
    }

    @Test func builderRefusesDuplicateIDs() throws {
        var builder = Gazetteer.Builder()
        try builder.add(Entity(id: "a", type: .country, name: "A"))
        let error = actorGraphError { try builder.add(Entity(id: "a", type: .city, name: "B")) }
        #expect(error?.message == "The entity id \"a\" is used twice; give each entity its own id.")
    }

    @Test func bundledGazetteerLoadsAndCoversTheSeedActors() throws {
        let bundled = try Gazetteer.bundled()
        for id in ["benny-gantz", "emmanuel-macron", "nso-group", "pegasus", "morocco", "france", "israel", "paris",
                   "florence-parly", "israel-ministry-of-defense", "reporters-without-borders", "angela-merkel",
                   "germany", "knesset", "le-monde", "gabriel-attal", "france-inter", "lebanon", "iran"] {
            #expect(bundled[Entity.ID(rawValue: id)] != nil, "missing \(id)")
        }
    }
}

extension GazetteerTests {
    /// `gazetteer lint` names the line of the alias or role a finding is about;
    /// the parser keeps those places in the order of the entity's aliases,
    /// which puts the name first and drops an `exact` repeat of it.
    @Test func keepsTheLineAndColumnOfEachAliasAndRoleForLint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("places.gaz")
        try """
            entity x-land country
              alias Ex
              demonym Xian,  Xish
              name X Land
              exact X Land
              exact XL
              role King | from=2020-01-01
            """.write(to: file, atomically: true, encoding: .utf8)
        var problems: [ActorGraphError] = []
        var places: [EntityPlaces?] = []
        let loaded = try Gazetteer.load([file], problems: &problems, places: &places)
        #expect(problems.isEmpty)
        #expect(loaded.entities[0].aliases.map(\.text) == ["X Land", "Ex", "Xian", "Xish", "XL"])
        let place = try #require(places.first ?? nil)
        #expect(place.aliases.map { [$0.line, $0.column] } == [[4, 8], [2, 9], [3, 11], [3, 18], [6, 9]])
        #expect(place.roles.map { [$0.line, $0.column] } == [[7, 8]])
    }
}
