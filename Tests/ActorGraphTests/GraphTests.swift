import Foundation
import Testing
@testable import ActorGraph

@Suite struct GraphTests {
    static let corpusTexts: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)) ?? [])
        .filter { $0.hasSuffix(".txt") }.sorted()

    private func graph(_ name: String) throws -> (String, ArticleGraph) {
        let text = try String(contentsOf: corpusFolder.appendingPathComponent(name), encoding: .utf8)
        let gold = try GoldDocument.load(corpusFolder.appendingPathComponent(name.replacingOccurrences(of: ".txt", with: ".gold.json")))
        return (text, try extractor().extract(text, date: gold.date, id: name))
    }

    @Test(arguments: corpusTexts)
    func everySpanEqualsTheTextAtItsScalarOffsets(name: String) throws {
        let (text, graph) = try graph(name)
        expectSpansMatch(graph, text)
    }

    @Test(arguments: corpusTexts)
    func sameInputGivesTheSameBytes(name: String) throws {
        let (text, first) = try graph(name)
        let second = try extractor().extract(text, date: first.document.date, id: name)
        #expect(try first.jsonData() == second.jsonData())
    }

    @Test func oneExtractorSharedByConcurrentTasksGivesTheSameGraphs() async throws {
        let shared = try extractor()
        let texts = try Self.corpusTexts.map { try String(contentsOf: corpusFolder.appendingPathComponent($0), encoding: .utf8) }
        let sequential = try texts.map { try shared.extract($0, date: "2021-07-27").jsonData() }
        let concurrent = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for _ in 0 ..< Self.rounds(for: texts.count) {
                for (index, text) in texts.enumerated() {
                    group.addTask { (index, try shared.extract(text, date: "2021-07-27").jsonData()) }
                }
            }
            var results: [(Int, Data)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(concurrent.count >= 100)
        #expect(concurrent.count == texts.count * Self.rounds(for: texts.count))
        for (index, data) in concurrent { #expect(data == sequential[index]) }
    }

    /// Enough rounds over the corpus for at least 100 concurrent tasks.
    static func rounds(for count: Int) -> Int { max(1, (100 + count - 1) / max(count, 1)) }

    @Test func jsonFollowsTheSchema() throws {
        let (_, graph) = try graph("000-seed.txt")
        let object = try #require(try JSONSerialization.jsonObject(with: graph.jsonData()) as? [String: Any])
        #expect(object["schema"] as? String == "actorgraph/1")
        #expect(Set(object.keys) == ["schema", "document", "actors", "events", "relations"])
        let json = String(decoding: try graph.jsonData(), as: UTF8.self)
        #expect(!json.contains("null"))
        #expect(!json.contains("\"\""))
        let gantz = try #require(graph.actor("benny-gantz"))
        #expect(gantz.roles?.contains { $0.title == "Defense Minister" && $0.of == "israel" } == true)
        let event = try #require(graph.events.first)
        #expect(event.id == "e1")
    }

    @Test func emptyAndBlankDocumentsGiveEmptyGraphs() throws {
        for text in ["", "   \n\n\t"] {
            let graph = try extractor().extract(text, date: "2021-07-27", id: "blank")
            #expect(graph.actors.isEmpty && graph.events.isEmpty && graph.relations.isEmpty)
            #expect(graph.document.length == text.unicodeScalars.count)
        }
    }

    @Test func invalidDateIsRefusedWithAClearMessage() throws {
        let error = actorGraphError { _ = try extractor().extract("Gantz went to Paris.", date: "2021-02-30") }
        #expect(error?.description == "\"2021-02-30\" is not a day of the calendar; check the month and the day.")
    }

    @Test func seedMatchesItsGoldenFile() throws {
        let (_, graph) = try graph("000-seed.txt")
        let golden = packageRoot.appendingPathComponent("Tests/Golden/000-seed.json")
        let actual = try graph.jsonData()
        if ProcessInfo.processInfo.environment["ACTORGRAPH_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: golden)
        }
        let expected = try Data(contentsOf: golden)
        #expect(actual == expected, "the seed's graph changed; if on purpose, re-record with ACTORGRAPH_RECORD_GOLDEN=1 swift test")
    }
}
