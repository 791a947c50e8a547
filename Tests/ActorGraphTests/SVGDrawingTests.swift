import Foundation
import Testing
@testable import ActorGraph

@Suite struct SVGDrawingTests {
    private func seedGraph() throws -> ArticleGraph {
        let text = try String(contentsOf: corpusFolder.appendingPathComponent("000-seed.txt"), encoding: .utf8)
        return try extractor().extract(text, date: "2021-07-27", id: "000-seed")
    }

    @Test func seedDrawingHasOneNodePerActorAndEventAndLinksBetweenThem() throws {
        let graph = try seedGraph()
        let drawing = SVGDrawing(NodeLinkGraph(graph))
        #expect(drawing.layout == .layered && drawing.omittedNodes == 0 && drawing.omittedLinks == 0)
        let svg = try XMLTree.parse(drawing.render())
        #expect(svg.name == "svg" && svg["xmlns"] == "http://www.w3.org/2000/svg" && svg["viewBox"] != nil)
        let nodes = svg.all("g", class: "node")
        #expect(nodes.compactMap { $0["data-node"] } == graph.actors.map(\.id) + graph.events.map(\.id))
        #expect(nodes.filter { $0.classes.contains("actor") }.allSatisfy { node in
            node.classes.contains("t-\(node["data-type"] ?? "")") && node.all("title").count == 1
        })
        let ids = Set(nodes.compactMap { $0["data-node"] })
        let links = svg.all("g", class: "link")
        #expect(links.count == SVGDrawing.merged(NodeLinkGraph(graph).links).count)
        for link in links {
            #expect(ids.contains(link["data-source"] ?? "") && ids.contains(link["data-target"] ?? ""))
            #expect(link.all("path").first?["marker-end"] == "url(#ag-arrow-\(link["data-kind"] ?? ""))")
        }
        // "Gantz heading to Paris": Gantz → e1 as source, e1 → Paris as destination, labeled.
        #expect(links.contains { $0["data-source"] == "benny-gantz" && $0["data-target"] == "e1" && $0.text.hasSuffix("source") })
        #expect(links.contains { $0["data-source"] == "e1" && $0["data-target"] == "paris" && $0.text.hasSuffix("destination") })
        // Gantz holds two roles of Israel: one curve, both titles.
        #expect(links.filter { $0["data-source"] == "benny-gantz" && $0["data-target"] == "israel" }.map { $0["data-label"] }
            == ["Defense Minister · Deputy Prime Minister"])
    }

    @Test func layeredDrawingPutsActingActorsLeftOfEventsAndNoBoxesOverlap() throws {
        let drawing = SVGDrawing(NodeLinkGraph(try seedGraph()))
        func center(_ id: String) throws -> Double { try #require(drawing.nodes.first { $0.node.id == id }).center.x }
        #expect(try center("benny-gantz") < center("e1") && center("e1") < center("paris"))
        let boxes = drawing.nodes.map(\.bounds)
        for first in boxes.indices {
            for second in boxes.indices where first < second {
                let a = boxes[first], b = boxes[second]
                let overlap = a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
                #expect(!overlap, "\(drawing.nodes[first].node.id) overlaps \(drawing.nodes[second].node.id)")
            }
        }
        #expect(boxes.allSatisfy { $0.minX >= 0 && $0.minY >= 0 && $0.maxX <= drawing.width && $0.maxY <= drawing.height })
    }

    @Test func sameGraphGivesTheSameBytes() throws {
        let first = SVGDrawing(NodeLinkGraph(try seedGraph())).render()
        #expect(SVGDrawing(NodeLinkGraph(try seedGraph())).render() == first)
        // Coordinates are plain decimals: no exponent, no NaN, no infinity.
        #expect(first.range(of: "[0-9][eE][-+]?[0-9]|\\b(nan|inf)\\b", options: .regularExpression) == nil)
    }

    @Test func corpusDrawingIsACircleWithLinksAsWideAsTheirWeight() throws {
        let extractor = try extractor()
        let corpus = try CorpusGraph(merging: [
            try extractor.extract("Benny Gantz visited Paris on Tuesday.", date: "2021-07-01", id: "a"),
            try extractor.extract("Benny Gantz visited Paris again and met Emmanuel Macron.", date: "2021-07-03", id: "b"),
        ])
        let drawing = SVGDrawing(NodeLinkGraph(corpus))
        #expect(drawing.layout == .circular)
        let svg = try XMLTree.parse(drawing.render())
        #expect(Set(svg.all("g", class: "node").compactMap { $0["data-node"] }) == Set(corpus.actors.map(\.id)))
        let visits = try #require(svg.all("g", class: "interaction").first { $0["data-source"] == "benny-gantz" && $0["data-target"] == "paris" })
        #expect(visits["data-label"] == "visit ×2" && visits["data-weight"] == "2" && visits.text.hasSuffix("visit ×2"))
        let single = try #require(svg.all("g", class: "interaction").first { $0["data-weight"] == "1" })
        let width = { (link: XMLTree.Element) in Double(link.all("path").first?["stroke-width"] ?? "") ?? 0 }
        #expect(width(visits) > width(single))
    }

    @Test func bigGraphsDrawTheMostLinkedNodesAndSaySo() throws {
        var graph = NodeLinkGraph(try CorpusGraph(merging: []))
        graph.nodes = (0 ..< 200).map { index in
            NodeLinkGraph.Node(id: "actor-\(index)", kind: .actor, label: "Actor \(index)", actorType: ActorType.allCases[index % 7], attributes: [])
        }
        // Actor i has i events with actor 0, so the heaviest are the last ones and actor 0.
        graph.links = (1 ..< 200).map { index in
            NodeLinkGraph.Link(source: "actor-\(index)", target: "actor-0", kind: .interaction, label: "meet", weight: index, attributes: [])
        }
        let drawing = SVGDrawing(graph, maximumNodes: 50)
        #expect(drawing.drawnNodes == ["actor-0"] + (151 ..< 200).map { "actor-\($0)" })
        #expect(drawing.omittedNodes == 150 && drawing.omittedLinks == 150)
        let svg = try XMLTree.parse(drawing.render())
        #expect(svg.all("g", class: "node").count == 50 && svg.all("g", class: "link").count == 49)
        #expect(svg.all("text", class: "caption").first?.text == "50 actors, 49 links; 150 less linked nodes not drawn; 150 links not drawn")
    }

    @Test func cappedArticleDrawingKeepsWholeEventsWithAllTheirActors() throws {
        let graph = try seedGraph()
        let drawing = SVGDrawing(NodeLinkGraph(graph), maximumNodes: 10)
        #expect(drawing.layout == .layered && drawing.drawnNodes.count == 10 && drawing.omittedNodes == 39)
        let drawn = Set(drawing.drawnNodes)
        let events = graph.events.filter { drawn.contains($0.id) }
        #expect(events.count >= 4)
        for event in events {
            #expect(event.roles.allSatisfy { drawn.contains($0.actor) }, "\(event.id) is drawn without all its actors")
        }
        // Pegasus and Macron take part in the most events, so theirs come first.
        #expect(drawn.contains("pegasus") && drawn.contains("emmanuel-macron"))
    }

    @Test func labelsAreEscapedAndControlCharactersReplaced() throws {
        var graph = NodeLinkGraph(try CorpusGraph(merging: []))
        let name = "<b>\"T\" & 'J'</b>\u{1}\u{FFFF} ש 👩🏽‍💻"
        graph.nodes = [
            NodeLinkGraph.Node(id: "a\"<&>", kind: .actor, label: name, actorType: .person, attributes: []),
            NodeLinkGraph.Node(id: "b", kind: .actor, label: "B", actorType: nil, attributes: []),
        ]
        graph.links = [NodeLinkGraph.Link(source: "a\"<&>", target: "b", kind: .relation, label: "</text><script>", weight: 1, attributes: [])]
        let svg = try XMLTree.parse(SVGDrawing(graph).render())
        #expect(svg.all("script").isEmpty && svg.all("b").isEmpty)
        let node = try #require(svg.all("g", class: "node").first)
        #expect(node["data-node"] == "a\"<&>")
        #expect(node.all("text").first?.text == "<b>\"T\" & 'J'</b>\u{FFFD}\u{FFFD} ש 👩🏽‍💻")
        #expect(svg.all("g", class: "link").first?["data-label"] == "</text><script>")
    }

    @Test(arguments: [(0.04, "0"), (-0.04, "0"), (1.25, "1.3"), (-1.25, "-1.3"), (12, "12"), (-3.5, "-3.5"), (.nan, "0"), (.infinity, "0")])
    func numbersHaveOneDecimalAndNoNegativeZero(value: Double, expected: String) {
        #expect(Markup.number(value) == expected)
    }
}
