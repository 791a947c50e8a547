import Foundation
import Testing
@testable import ActorGraph

@Suite struct CorpusReportTests {
    /// Three short articles on different days; Gantz visits Paris twice.
    private func corpus() throws -> CorpusGraph {
        let extractor = try extractor()
        return try CorpusGraph(merging: [
            try extractor.extract("Benny Gantz visited Paris on Tuesday.", date: "2021-07-01", id: "a"),
            try extractor.extract("Israeli Defense Minister Benny Gantz met French President Emmanuel Macron in Paris.", date: "2021-07-03", id: "b"),
            try extractor.extract("Emmanuel Macron accused Russia of hacking. Gantz visited Paris again.", date: "2021-06-20", id: "c"),
        ])
    }

    @Test func listsDocumentsActorsEdgesAndTimelines() throws {
        let corpus = try corpus()
        let page = try XMLTree.parse(CorpusReport(corpus: corpus).render())
        let documents = try #require(page.element(id: "documents")).all("tr").dropFirst()
        #expect(documents.map { $0.all("code").first?.text } == ["a", "b", "c"])

        let actors = page.all("tr", class: "actor-row")
        #expect(actors.map { $0["data-actor"] } == corpus.actors.map(\.id))
        let gantz = try #require(actors.first { $0["data-actor"] == "benny-gantz" })
        let cells = gantz.all("td").map(\.text)
        #expect(cells[3] == "3" && cells[4] == "3", "mentions and documents")
        #expect(cells[6] == "2021-06-20" && cells[7] == "2021-07-03", "first and last date")
        #expect(cells[8].hasPrefix("Paris ×"), "the strongest link comes first")

        let edges = try #require(page.element(id: "edges")).all("tr").dropFirst()
        let weights = edges.map { Int($0.all("td")[3].text) ?? 0 }
        #expect(weights.count == corpus.edges.count && weights == weights.sorted(by: >))
        #expect(edges.first?["data-source"] == "benny-gantz" && edges.first?["data-target"] == "paris" && weights.first == 2)

        let timelines = page.all("details", class: "timeline")
        #expect(timelines.count == corpus.actors.filter { !$0.timeline.isEmpty }.count)
        let gantzTimeline = try #require(timelines.first { $0["data-actor"] == "benny-gantz" })
        let dates = gantzTimeline.all("tr").dropFirst().map { $0.all("td").first?.text ?? "" }
        #expect(dates == corpus.actor("benny-gantz")?.timeline.map { $0.date ?? "" })

        let svg = try #require(page.element(id: "graph")?.all("svg").first)
        #expect(Set(svg.all("g", class: "node").compactMap { $0["data-node"] }) == Set(corpus.actors.map(\.id)))
        for target in page.descendants.compactMap({ $0["href"] }) {
            #expect(page.element(id: String(target.dropFirst())) != nil, "no element with id \(target)")
        }
    }

    @Test func sameCorpusGivesTheSameBytes() throws {
        #expect(CorpusReport(corpus: try corpus()).render() == CorpusReport(corpus: try corpus()).render())
    }

    @Test func drawingKeepsTheMostLinkedActorsAndTheTablesKeepAll() throws {
        let corpus = try corpus()
        let page = try XMLTree.parse(CorpusReport(corpus: corpus, maximumDrawnActors: 2).render())
        let nodes = try #require(page.element(id: "graph")?.all("svg").first).all("g", class: "node").compactMap { $0["data-node"] }
        #expect(nodes == ["benny-gantz", "paris"])
        #expect(page.element(id: "graph")?.text.contains("The 2 most linked nodes are drawn") == true)
        #expect(page.all("tr", class: "actor-row").count == corpus.actors.count)
    }

    /// Tests/Browser/run.sh sets the folder: the corpus report of Tests/Corpus and its JSON, for the check in Chromium.
    @Test func emptyCorpusGivesAPageThatSaysSo() throws {
        let page = try XMLTree.parse(CorpusReport(corpus: try CorpusGraph(merging: [])).render())
        #expect(page.element(id: "documents")?.text.contains("The corpus has no documents.") == true)
        #expect(page.element(id: "graph")?.all("svg").count == 1)
    }
}
