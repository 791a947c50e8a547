import Foundation
import Testing
@testable import ActorGraph

/// Gold files of `eval` (`NNN-slug.gold.json`, `NNN-slug.actors.json`): every
/// mistake is an error naming the file, the line and column, and the field.
@Suite struct GoldDocumentTests {
    private static let event = #"{"type": "visit", "trigger": "trip", "roles": {"source": "a"}}"#
    private static let actor = #"{"id": "a", "type": "person", "mentions": ["A"]}"#

    /// Writes `json` to a fresh gold file and returns its error, as shown.
    private func loadError(_ json: String, name: String = "x.gold.json",
                           _ load: (URL) throws -> Void = { _ = try GoldDocument.load($0, eventTypes: ["visit", "meet"]) }) throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(json.utf8).write(to: file)
        guard let error = actorGraphError({ try load(file) }) else { return nil }
        #expect(error.file == SourceFiles.displayName(file))
        return error.description.replacingOccurrences(of: SourceFiles.displayName(file), with: name)
    }

    @Test func aWellFormedGoldFileLoads() throws {
        #expect(try loadError(#"{"date": "2021-07-27", "actors": [\#(Self.actor)], "events": [\#(Self.event)]}"#) == nil)
    }

    /// Editors on Windows may start a UTF-8 file with a byte-order mark; gold files are read with it, as all other input.
    @Test func aGoldFileMayStartWithAByteOrderMark() throws {
        #expect(try loadError("\u{FEFF}" + #"{"date": "2021-07-27", "actors": [\#(Self.actor)], "events": [\#(Self.event)]}"#) == nil)
        #expect(try loadError("\u{FEFF}" + #"{"date": "2021-07-27", "mentions": [{"text": "A", "type": "person", "name": "A"}]}"#,
                              name: "x.actors.json") { _ = try Coverage.Gold.load($0) } == nil)
    }

    private static let goldMistakes: [(String, String)] = [
        // An impossible date names the file and the field's line and column.
        ("{\n  \"date\": \"2021-13-01\",\n  \"actors\": [], \"events\": []\n}",
         #"x.gold.json:2:11: "date": "2021-13-01" is not a day of the calendar; check the month and the day."#),
        // Invalid JSON: the first bad byte.
        ("{\"date\": \"2021-07-27\"\n \"actors\": [], \"events\": []}",
         #"x.gold.json:2:2: Malformed JSON: expected "," or "}", found the start of a string; fix the JSON here."#),
        (#"{"actors": [], "events": [],}"#, #"x.gold.json:1:28: Malformed JSON: a comma before "}"; remove the trailing comma."#),
        ("", "x.gold.json:1:1: Malformed JSON: expected a value, found the end of the file; fix the JSON here."),
        (#"{"actors": [], "events": []} ]"#, #"x.gold.json:1:30: Malformed JSON: "]" after the end of the top-level value; remove it."#),
        (#"{"actors": [], "actors": [], "events": []}"#, #"x.gold.json:1:16: The key "actors" is given twice in its object; keep one."#),
        // Strings: what is wrong with each.
        ("{\"actors\": [], \"events\": [], \"date\": \"2021-07-27\t\"}",
         #"x.gold.json:1:49: Malformed JSON: the control character U+0009 inside a string; write it as \t."#),
        (#"{"actors": [], "events": [], "date": "\udc00"}"#,
         #"x.gold.json:1:39: Malformed JSON: \udc00 is half of a surrogate pair, which is no character alone; write the character itself, or both halves (\ud83d\ude00 for U+1F600)."#),
        // A byte-order mark is not counted in columns: the first visible character is column 1.
        ("\u{FEFF}{\"actors\": [], \"events\": [],}", #"x.gold.json:1:28: Malformed JSON: a comma before "}"; remove the trailing comma."#),
        ("\u{FEFF}{\"actors\": 3, \"events\": []}", #"x.gold.json:1:12: "actors": expected a list, found a number; write a list there."#),
        // A value of the wrong kind, a missing key.
        (#"{"actors": 3, "events": []}"#, #"x.gold.json:1:12: "actors": expected a list, found a number; write a list there."#),
        ("{\"actors\": [],\n \"events\": [\(event), {\"type\": 7, \"trigger\": \"x\"}]}",
         #"x.gold.json:2:86: "events[1].type": expected a string, found a number; write a string there."#),
        (#"{"actors": [{"id": "a", "type": "person"}], "events": []}"#, #"x.gold.json:1:13: "actors[0]": the key "mentions" is missing; add it."#),
        (#"[]"#, "x.gold.json:1:1: The top level: expected an object, found a list; write an object there."),
        // Mistakes JSON allows but the gold format does not.
        ("{\"actors\": [\(actor)], \"events\": [{\"type\": \"visit\", \"trigger\": \"trip\", \"rolez\": {\"source\": \"a\"}}]}",
         #"x.gold.json:1:112: "events[0].rolez": unknown key; use one of: type, trigger, roles."#),
        ("{\"actors\": [\(actor)], \"events\": [{\"type\": \"teleport\", \"trigger\": \"trip\"}]}",
         #"x.gold.json:1:84: "events[0].type": "teleport" is not an event type of the rules; use one of: meet, visit."#),
        ("{\"actors\": [\(actor)], \"events\": [{\"type\": \"visit\", \"trigger\": \"trip\", \"roles\": {\"target\": [\"a\", \"b\"]}}]}",
         #"x.gold.json:1:132: "events[0].roles.target": "b" is not an actor of this file; add it to "actors" or fix the id."#),
        ("{\"actors\": [\(actor)], \"events\": [{\"type\": \"visit\", \"trigger\": \"trip\", \"roles\": {\"sorce\": \"a\"}}]}",
         #"x.gold.json:1:122: "events[0].roles.sorce": unknown role; use one of: source, target, place, destination, instrument, beneficiary, topic."#),
        ("{\"actors\": [\(actor), \(actor)], \"events\": []}",
         #"x.gold.json:1:70: "actors[1].id": "a" is listed already at actors[0]; merge the two entries."#),
        (#"{"actors": [{"id": "a", "type": "persn", "mentions": []}], "events": []}"#,
         #"x.gold.json:1:33: "actors[0].type": "persn" is not an actor type; use one of: person, organization, country, city, place, product, group."#),
    ]

    @Test(arguments: goldMistakes)
    func goldMistakesNameTheFileTheLineAndTheField(json: String, message: String) throws {
        #expect(try loadError(json) == message)
    }

    @Test func invalidUTF8IsReportedWhereItStarts() throws {
        let json = "{\"actors\": [],\n \"events\": [], \"date\": \"2021-07-2\u{FFFF}\"}"
        let bytes = Data(json.utf8).map { $0 == 0xEF ? 0xFF : $0 }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.gold.json")
        try Data(bytes).write(to: file)
        let error = actorGraphError { _ = try GoldDocument.load(file) }
        #expect(error?.line == 2 && error?.column == 34 && error?.message == "The file is not valid UTF-8 here; save it as UTF-8.")
    }

    private static let coverageMistakes: [(String, String)] = [
        (#"{"date": "2021-02-29", "mentions": []}"#,
         #"x.actors.json:1:10: "date": "2021-02-29" is not a day of the calendar; check the month and the day."#),
        (#"{"date": "2021-07-27", "mentions": [{"text": "A", "type": "person", "nam": "A"}]}"#,
         #"x.actors.json:1:69: "mentions[0].nam": unknown key; use one of: text, type, name, via."#),
        (#"{"mentions": [{"text": "A", "type": "person", "name": "A", "via": "titel"}]}"#,
         #"x.actors.json:1:67: "mentions[0].via": "titel" is not known; write "title" for a title standing for its holder, or leave the key out."#),
        (#"{"mentions": [{"text": "A", "type": "person", "name": "A"}"#,
         #"x.actors.json:1:59: Malformed JSON: expected "," or "]", found the end of the file; fix the JSON here."#),
        (#"{"mentions": [{"text": "A", "type": "people", "name": "A"}]}"#,
         #"x.actors.json:1:37: "mentions[0].type": "people" is not an actor type; use one of: person, organization, country, city, place, product, group."#),
    ]

    @Test(arguments: coverageMistakes)
    func coverageGoldMistakesNameTheFileTheLineAndTheField(json: String, message: String) throws {
        #expect(try loadError(json, name: "x.actors.json") { _ = try Coverage.Gold.load($0) } == message)
    }

    /// Every gold file of the repository loads with the bundled rules.
    @Test func theRepositorysGoldFilesLoad() throws {
        let types = Set(try extractor().rules.eventTypes.keys)
        for folder in ["Tests/Corpus", "Tests/Coverage"] {
            let url = packageRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                if name.hasSuffix(".gold.json") { _ = try GoldDocument.load(url.appendingPathComponent(name), eventTypes: types) }
                if name.hasSuffix(".actors.json") { _ = try Coverage.Gold.load(url.appendingPathComponent(name)) }
            }
        }
    }

    @Test func aGoldFileWithoutItsArticleOrAnArticleNotInUTF8IsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let gold = #"{"date": "2021-07-27", "actors": [\#(Self.actor)], "events": []}"#
        try Data("A visited Paris.".utf8).write(to: folder.appendingPathComponent("001-a.txt"))
        try Data(gold.utf8).write(to: folder.appendingPathComponent("001-a.gold.json"))
        try Data(gold.utf8).write(to: folder.appendingPathComponent("002-b.gold.json"))
        let orphan = actorGraphError { _ = try Evaluation.evaluate(try extractor(), corpus: folder) }
        #expect(orphan?.message == "The gold file has no article beside it; write 002-b.txt, or remove the gold file.")
        #expect(orphan?.file?.hasSuffix("002-b.gold.json") == true)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("002-b.gold.json"))
        try Data([0x41, 0x0A, 0x42, 0xFF, 0x43]).write(to: folder.appendingPathComponent("001-a.txt"))
        let bytes = actorGraphError { _ = try Evaluation.evaluate(try extractor(), corpus: folder) }
        #expect(bytes?.line == 2 && bytes?.column == 2)
        #expect(bytes?.message == "The file is not valid UTF-8 here; save it as UTF-8.")
        let coverage = #"{"date": "2021-07-27", "mentions": []}"#
        try Data(coverage.utf8).write(to: folder.appendingPathComponent("003-c.actors.json"))
        let orphanCoverage = actorGraphError { _ = try Coverage.evaluate(try extractor(), corpus: folder) }
        #expect(orphanCoverage?.message == "The gold file has no article beside it; write 003-c.txt, or remove the gold file.")
    }
}
