import Foundation
import Testing
@testable import ActorGraph

@Suite struct CorpusGraphTests {
    /// Three short articles on different days; Gantz visits Paris twice.
    func threeArticles() throws -> CorpusGraph {
        let extractor = try extractor()
        return try CorpusGraph(merging: [
            try extractor.extract("Benny Gantz visited Paris on Tuesday.", date: "2021-07-01", id: "a"),
            try extractor.extract("Israeli Defense Minister Benny Gantz met French President Emmanuel Macron in Paris.", date: "2021-07-03", id: "b"),
            try extractor.extract("Emmanuel Macron accused Russia of hacking. Gantz visited Paris again.", date: "2021-06-20", id: "c"),
        ])
    }

    @Test func unifiesActorsByIDAndCountsTheirMentions() throws {
        let corpus = try threeArticles()
        #expect(Set(corpus.actors.map(\.id)).count == corpus.actors.count)
        let gantz = try #require(corpus.actor("benny-gantz"))
        #expect(gantz.mentions == 3)
        #expect(gantz.documents == ["a", "b", "c"])
        #expect(gantz.firstDate == "2021-06-20" && gantz.lastDate == "2021-07-03")
        #expect(corpus.actor("emmanuel-macron")?.documents == ["b", "c"])
        #expect(corpus.documents.map(\.id) == ["a", "b", "c"])
    }

    @Test func keepsEventsWithTheirDocumentsAndDays() throws {
        let corpus = try threeArticles()
        #expect(corpus.events.map(\.id) == ["a#e1", "b#e1", "c#e1", "c#e2", "c#e3"])
        let first = try #require(corpus.events.first)
        // "on Tuesday" before 2021-07-01 is 2021-06-29: the event's own day wins over the document's.
        #expect(first.document == "a" && first.date == "2021-06-29" && first.time == "2021-06-29")
        #expect(corpus.events[1].date == "2021-07-03" && corpus.events[1].time == nil)
    }

    @Test func weighsEdgesByEventType() throws {
        let corpus = try threeArticles()
        let visits = corpus.edges.filter { $0.source == "benny-gantz" && $0.target == "paris" && $0.type == "visit" }
        #expect(visits.count == 1)
        #expect(visits.first?.weight == 2)
        #expect(visits.first?.events == ["a#e1", "c#e3"])
        #expect(visits.first?.firstDate == "2021-06-20" && visits.first?.lastDate == "2021-06-29")
        #expect(corpus.edges.contains { $0.source == "benny-gantz" && $0.target == "emmanuel-macron" && $0.type == "meet" && $0.weight == 1 })
    }

    @Test func ordersEachTimelineByDay() throws {
        let corpus = try threeArticles()
        let timeline = try #require(corpus.actor("benny-gantz")).timeline
        #expect(timeline.map(\.event) == ["c#e3", "a#e1", "b#e1"])
        #expect(timeline.map(\.date) == ["2021-06-20", "2021-06-29", "2021-07-03"])
        #expect(timeline.allSatisfy { $0.role == .source })
    }

    @Test func answersQueriesByActorPairAndDateRange() throws {
        let corpus = try threeArticles()
        #expect(corpus.events(of: "paris").map(\.id) == ["a#e1", "b#e1", "c#e3"])
        #expect(corpus.events(of: "benny-gantz", from: try Day(iso: "2021-06-25")).map(\.id) == ["a#e1", "b#e1"])
        #expect(corpus.events(of: "benny-gantz", to: try Day(iso: "2021-06-30")).map(\.id) == ["a#e1", "c#e3"])
        #expect(corpus.events(between: "emmanuel-macron", and: "benny-gantz").map(\.id) == ["b#e1"])
        #expect(corpus.events(between: "paris", and: "paris").isEmpty)
        #expect(corpus.events(from: try Day(iso: "2021-07-02"), to: try Day(iso: "2021-07-31")).map(\.id) == ["b#e1"])
        let linked = corpus.actors(linkedTo: "benny-gantz")
        #expect(linked.map(\.actor) == ["paris", "emmanuel-macron"])
        #expect(linked.first?.weight == 3 && linked.first?.types == ["visit": 2, "meet": 1])
        #expect(corpus.events(of: "nobody").isEmpty && corpus.actor("nobody") == nil)
    }

    @Test func mergesRelationsOncePerKindWithTheirDocuments() throws {
        let corpus = try threeArticles()
        let holds = corpus.relations.filter { $0.type == "holds-role" && $0.source == "benny-gantz" }
        #expect(holds.count == 2 && holds.allSatisfy { $0.documents == ["b"] })
        #expect(Set(corpus.relations.map { "\($0.type) \($0.source) \($0.target) \($0.title ?? "")" }).count == corpus.relations.count)
    }

    @Test func refusesTwoDocumentsWithOneID() throws {
        let graph = try extractor().extract("Benny Gantz visited Paris.", id: "same")
        let error = actorGraphError { _ = try CorpusGraph(merging: [graph, graph]) }
        #expect(error?.code == .duplicateDocument)
        #expect(error?.message.contains("\"same\"") == true)
        let unnamed = try extractor().extract("Benny Gantz visited Paris.")
        #expect(try CorpusGraph(merging: [unnamed, unnamed]).documents.map(\.id) == ["document-1", "document-2"])
    }

    @Test func mergesTheTestCorpusIntoOneNodePerEntity() throws {
        let files = try FileManager.default.contentsOfDirectory(at: corpusFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        let graphs = try files.map { try extractor().extract(String(contentsOf: $0, encoding: .utf8), date: "2021-07-27", id: $0.deletingPathExtension().lastPathComponent) }
        let corpus = try CorpusGraph(merging: graphs)
        #expect(corpus.actors.count == Set(graphs.flatMap { $0.actors.map(\.id) }).count)
        #expect(corpus.events.count == graphs.reduce(0) { $0 + $1.events.count })
        for actor in corpus.actors {
            let mentions = graphs.flatMap { $0.actors.filter { $0.id == actor.id } }.reduce(0) { $0 + $1.mentions.count }
            #expect(actor.mentions == mentions, "\(actor.id)")
        }
        #expect(corpus.edges.reduce(0) { $0 + $1.weight } == corpus.edges.flatMap(\.events).count)
        let decoded = try JSONDecoder().decode(CorpusGraph.self, from: corpus.jsonData())
        #expect(decoded == corpus)
        #expect(decoded.events(of: "israel").count == corpus.events(of: "israel").count)
        #expect(try decoded.jsonData() == corpus.jsonData())
    }
}
