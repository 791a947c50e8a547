import Foundation
import Testing
@testable import ActorGraph

@Suite struct HTMLReportTests {
    /// The seed article, its graph, and its report read as a tree.
    private func seed() throws -> (text: String, graph: ArticleGraph, html: String, page: XMLTree.Element) {
        let text = try String(contentsOf: corpusFolder.appendingPathComponent("000-seed.txt"), encoding: .utf8)
        let graph = try extractor().extract(text, date: "2021-07-27", id: "000-seed")
        let html = HTMLReport(graph: graph, source: try SourceText(text)).render()
        return (text, graph, html, try XMLTree.parse(html))
    }

    private struct Highlight: Hashable {
        var actor: String
        var start: Int
        var end: Int
        var text: String
    }

    /// The highlights of the article: one per mention, its text joined from all its pieces.
    private func highlights(_ page: XMLTree.Element) throws -> [Highlight] {
        let article = try #require(page.element(id: "text"))
        let marks = article.all("mark", class: "mention")
        let pieces = Dictionary(grouping: marks) { $0["data-mention"] ?? "" }
        return marks.filter { $0["id"] != nil }.map { mark in
            Highlight(actor: mark["data-actor"] ?? "", start: Int(mark["data-start"] ?? "") ?? -1, end: Int(mark["data-end"] ?? "") ?? -1,
                      text: (pieces[mark["data-mention"] ?? ""] ?? []).map(\.text).joined())
        }
    }

    @Test func seedReportHighlightsEveryMentionOnceWithItsActor() throws {
        let (_, graph, _, page) = try seed()
        let found = try highlights(page)
        let expected = graph.actors.flatMap { actor in actor.mentions.map { Highlight(actor: actor.id, start: $0.start, end: $0.end, text: $0.text) } }
        #expect(found.count == expected.count)
        #expect(found.count == 78)
        #expect(Set(found) == Set(expected))
        #expect(Set(found.map(\.actor)) == Set(graph.actors.map(\.id)))
        // Colored by type: every highlight of Benny Gantz is a person's.
        let gantz = try #require(page.element(id: "text")).all("mark", class: "mention").filter { $0["data-actor"] == "benny-gantz" }
        #expect(gantz.count == 9 && gantz.allSatisfy { $0.classes.contains("t-person") && $0["data-via"] != nil && $0["data-rule"] != nil })
    }

    @Test func articleTextWithoutTagsIsTheInputExactly() throws {
        let (text, _, html, page) = try seed()
        let open = try #require(html.range(of: "<div id=\"text\" class=\"text\">"))
        let close = try #require(html.range(of: "</div>", range: open.upperBound ..< html.endIndex))
        let inner = String(html[open.upperBound ..< close.lowerBound])
        #expect(Self.unescaped(inner.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)) == text)
        #expect(page.element(id: "text")?.text == text)
    }

    @Test func everySentenceHasAnIdAndEveryEventLinksToIt() throws {
        let (text, graph, _, page) = try seed()
        let source = try SourceText(text)
        for index in source.sentences.indices {
            let pieces = page.descendants.filter { $0.classes.contains("sentence") && $0["data-sentence"] == String(index) }
            #expect(pieces.first?["id"] == "s-\(index)")
            #expect(pieces.map(\.text).joined() == source.sentence(index))
        }
        let rows = page.all("tr").filter { $0["data-event"] != nil }
        #expect(rows.map { $0["data-event"] } == graph.events.map(\.id))
        for (row, event) in zip(rows, graph.events) {
            let link = try #require(row.all("a", class: "sentence-link").first)
            #expect(link["href"] == "#s-\(event.trigger.sentence)" && link["data-event"] == event.id)
        }
    }

    @Test func everyLinkPointsAtAnIdThatExistsAndIdsAreUnique() throws {
        let (_, _, _, page) = try seed()
        let ids = page.descendants.compactMap { $0["id"] }
        #expect(Set(ids).count == ids.count)
        let targets = page.descendants.compactMap { $0["href"] }
        #expect(targets.count > 100)
        for target in targets {
            #expect(target.hasPrefix("#"), "a report links nowhere outside itself: \(target)")
            #expect(page.element(id: String(target.dropFirst())) != nil, "no element with id \(target)")
        }
        for marker in page.descendants.compactMap({ $0["marker-end"] }) {
            let id = marker.replacingOccurrences(of: "url(#", with: "").replacingOccurrences(of: ")", with: "")
            #expect(page.element(id: id) != nil, "no marker \(id)")
        }
    }

    @Test func pageIsSelfContained() throws {
        let (_, _, html, page) = try seed()
        // The one URL is the SVG namespace, which names and loads nothing.
        #expect(html.components(separatedBy: "http").count == 2 && html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(page.descendants.allSatisfy { $0["src"] == nil })
        #expect(page.all("link").isEmpty)
        #expect(page.all("style").count == 1 && page.all("script").count == 2)
    }

    @Test func graphHasOneNodePerActorAndEvent() throws {
        let (_, graph, _, page) = try seed()
        let svg = try #require(page.element(id: "graph")?.all("svg").first)
        let nodes = svg.all("g", class: "node").compactMap { $0["data-node"] }
        #expect(nodes.count == graph.actors.count + graph.events.count)
        #expect(Set(nodes) == Set(graph.actors.map(\.id) + graph.events.map(\.id)))
    }

    @Test func sameGraphGivesTheSameBytes() throws {
        let (text, _, html, _) = try seed()
        let again = try extractor().extract(text, date: "2021-07-27", id: "000-seed")
        #expect(HTMLReport(graph: again, source: try SourceText(text)).render() == html)
    }

    @Test func givenSVGIsInlinedWithoutItsProlog() throws {
        let (text, graph, _, _) = try seed()
        let graphviz = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
             "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- Generated by graphviz -->
            <svg width="80pt" height="40pt" viewBox="0 0 80 40" xmlns="http://www.w3.org/2000/svg">
            <g id="node1" class="node"><title>benny&#45;gantz</title><ellipse cx="40" cy="20" rx="30" ry="12"/></g>
            </svg>
            """
        let html = HTMLReport(graph: graph, source: try SourceText(text), graphSVG: graphviz).render()
        #expect(!html.contains("<?xml") && !html.contains("<!DOCTYPE svg") && !html.contains("Generated by graphviz"))
        let page = try XMLTree.parse(html)
        let svg = try #require(page.element(id: "graph")?.all("svg").first)
        #expect(svg.all("g", class: "node").first?.text == "benny-gantz")
        #expect(page.element(id: "graph")?.text.contains("Drawn by Graphviz") == true)

        let unusable = try XMLTree.parse(HTMLReport(graph: graph, source: try SourceText(text), graphSVG: "dot: syntax error in line 3").render())
        #expect(unusable.element(id: "graph")?.text.contains("The SVG given for the graph has no <svg> element, so it is not shown.") == true)
        #expect(unusable.element(id: "graph")?.all("g", class: "node").count == graph.actors.count + graph.events.count)
    }

    // MARK: - Hostile text

    /// Scalar range of the first `needle` in `text`.
    private func range(of needle: String, in text: String) throws -> Range<Int> {
        let scalars = Array(text.unicodeScalars), wanted = Array(needle.unicodeScalars)
        let start = try #require((0 ... scalars.count - wanted.count).first { Array(scalars[$0 ..< $0 + wanted.count]) == wanted })
        return start ..< start + wanted.count
    }

    private func mention(_ range: Range<Int>, in source: SourceText, sentence: Int = 0, via: MentionVia = .name) -> ArticleGraph.MentionNode {
        ArticleGraph.MentionNode(start: range.lowerBound, end: range.upperBound, text: source.slice(range), sentence: sentence, via: via, rule: "test.rule")
    }

    private func actor(_ id: String, _ name: String, _ type: ActorType, _ mentions: [ArticleGraph.MentionNode]) -> ArticleGraph.ActorNode {
        ArticleGraph.ActorNode(id: id, name: name, type: type, subtype: nil, country: nil, origin: .gazetteer, ids: nil, roles: nil,
                               mentions: mentions, sector: nil)
    }

    private func graph(_ source: SourceText, actors: [ArticleGraph.ActorNode], events: [ArticleGraph.EventNode] = []) -> ArticleGraph {
        ArticleGraph(schema: ArticleGraph.schemaVersion, document: .init(id: "hostile \"<doc>\"", date: "2021-07-27", length: source.length),
                     actors: actors, events: events, relations: [])
    }

    @Test func hostileTextAndNamesAreEscaped() throws {
        let text = "Dr. <b>Zoë</b> & \"Co\" met Emmanuel\nMacron in Paris.\r\n<script>alert('x')</script> שלום 🇫🇷 it's done &amp; over."
        let source = try SourceText(text)
        let hostileID = "zoe\"><script>alert(1)</script>"
        let macron = try range(of: "Emmanuel\nMacron", in: text)
        let actors = [
            actor(hostileID, "<script>alert(\"name\")</script> & Co", .person, [mention(try range(of: "<b>Zoë</b>", in: text), in: source)]),
            actor("emmanuel-macron", "Emmanuel Macron", .person, [mention(macron, in: source)]),
            actor("paris", "Paris", .city, [mention(try range(of: "Paris", in: text), in: source, sentence: 1)]),
            actor("shalom", "שלום", .place, [mention(try range(of: "שלום", in: text), in: source, sentence: 2)]),
            actor("france", "France 🇫🇷", .country, [mention(try range(of: "🇫🇷", in: text), in: source, sentence: 2, via: .alias)]),
        ]
        let met = try range(of: "met", in: text)
        let event = ArticleGraph.EventNode(
            id: "e1", type: "meet", plover: "CONSULT", cameo: nil,
            trigger: .init(start: met.lowerBound, end: met.upperBound, text: "met", sentence: 0),
            roles: [.init(role: .source, actor: hostileID, start: 4, end: 14, sector: nil),
                    .init(role: .target, actor: "emmanuel-macron", start: macron.lowerBound, end: macron.upperBound, sector: nil)],
            factuality: .asserted, time: nil, attributedTo: nil, retellings: nil, rule: "meet.<verb>", confidence: 0.9)
        let hostile = graph(source, actors: actors, events: [event])
        let html = HTMLReport(graph: hostile, source: source).render()

        let page = try XMLTree.parse(html)
        let article = try #require(page.element(id: "text"))
        #expect(article.text == text)
        #expect(article.all("script").isEmpty && article.all("b").isEmpty)
        #expect(page.all("script").count == 2)
        #expect(html.components(separatedBy: "</script>").count == 3)
        #expect(!html.contains("<script>alert") && !html.contains("<b>Zoë"))
        #expect(html.contains("&#13;"), "a carriage return is kept as a reference, which browsers do not fold away")

        let marks = article.all("mark", class: "mention")
        #expect(marks.count == actors.count)
        #expect(marks.first?["data-actor"] == hostileID && marks.first?.text == "<b>Zoë</b>")
        let spanning = try #require(marks.first { $0["data-actor"] == "emmanuel-macron" })
        #expect(spanning.text == "Emmanuel\nMacron" && spanning["id"] != nil, "a mention across a line break stays one highlight")
        #expect(source.sentences.count >= 2 && source.sentences[0].upperBound < macron.upperBound, "the line break ends a sentence inside the mention")

        let data = try #require(page.all("script").first { $0["type"] == "application/json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(data.text.utf8)) as? [String: Any])
        let names = (json["actors"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names?.first == "<script>alert(\"name\")</script> & Co")

        let svg = try #require(page.element(id: "graph")?.all("svg").first)
        let node = try #require(svg.all("g", class: "node").first { $0["data-node"] == hostileID })
        #expect(node.text.contains("<script>alert(\"name\")</script> & Co"))
        #expect(svg.all("script").isEmpty)
        #expect(page.element(id: "events")?.text.contains("meet.<verb>") == true)
    }

    // MARK: - Overlapping spans

    /// Mentions that cross, nest and coincide, a mention across a sentence end, a
    /// trigger across mentions, and a mention past the end of the text.
    @Test func overlappingSpansNestAndMentionsStayWholeByRule() throws {
        let text = "Alpha Beta Gamma. Delta Epsilon."
        let source = try SourceText(text)
        #expect(source.sentences == [0 ..< 17, 18 ..< 32])
        let actors = [
            actor("a", "A", .person, [mention(0 ..< 10, in: source)]),       // "Alpha Beta"
            actor("b", "B", .organization, [mention(6 ..< 16, in: source)]), // "Beta Gamma": crosses a
            actor("c", "C", .country, [mention(0 ..< 5, in: source)]),       // "Alpha": inside a
            actor("d", "D", .city, [mention(0 ..< 10, in: source)]),         // "Alpha Beta": the same span as a
            actor("e", "E", .place, [mention(11 ..< 23, in: source)]),       // "Gamma. Delta": crosses b and the sentence end
            actor("z", "Z", .group, [ArticleGraph.MentionNode(start: 30, end: 99, text: "n.", sentence: 1, via: .name, rule: "x")]),
        ]
        let event = ArticleGraph.EventNode(id: "e1", type: "meet", plover: nil, cameo: nil,
                                           trigger: .init(start: 8, end: 14, text: "ta Gam", sentence: 0), roles: [],
                                           factuality: .asserted, time: nil, attributedTo: nil, retellings: nil, rule: "r", confidence: 0.5)
        let html = HTMLReport(graph: graph(source, actors: actors, events: [event]), source: source).render()
        let page = try XMLTree.parse(html)
        let article = try #require(page.element(id: "text"))
        #expect(article.text == text)

        let marks = article.all("mark", class: "mention")
        func pieces(_ actor: String) -> [XMLTree.Element] { marks.filter { $0["data-actor"] == actor } }
        let expectedPieces = ["a": 1, "c": 1, "d": 1, "b": 2, "e": 2, "z": 1]
        for (actor, count) in expectedPieces {
            let parts = pieces(actor)
            #expect(parts.count == count, "\(actor) is drawn in \(parts.count) pieces")
            #expect(parts.filter { $0["id"] != nil }.count == 1 && parts.first?["id"] != nil, "\(actor): the first piece alone has the id")
            #expect(parts.dropFirst().allSatisfy { $0.classes.contains("cont") })
        }
        for node in actors.prefix(5) {
            #expect(pieces(node.id).map(\.text).joined() == node.mentions[0].text)
        }
        #expect(pieces("z").first?.text == "n.", "a span past the end is clamped to the text")
        // The sentence is cut around the mention that crosses its end, and its pieces still hold it all.
        let firstSentence = article.descendants.filter { $0.classes.contains("sentence") && $0["data-sentence"] == "0" }
        #expect(firstSentence.count == 2 && firstSentence.map(\.text).joined() == "Alpha Beta Gamma.")
        let trigger = article.descendants.filter { $0.classes.contains("trigger") }
        #expect(trigger.count > 1 && trigger.map(\.text).joined() == "ta Gam")
    }

    @Test(arguments: ["", "Gantz", "\n\n", "Gantz\r\nmet Macron in Paris.\r\n"])
    func shortAndEmptyTextsGiveWellFormedPages(text: String) throws {
        let graph = try extractor().extract(text, date: "2021-07-27", id: "short")
        let page = try XMLTree.parse(HTMLReport(graph: graph, source: try SourceText(text)).render())
        #expect(page.element(id: "text")?.text == text)
        #expect(try highlights(page).count == graph.actors.reduce(0) { $0 + $1.mentions.count })
        #expect(page.element(id: "graph")?.all("svg").count == 1)
    }

    /// The text of markup with its references resolved: the named five, decimal and hex.
    static func unescaped(_ markup: String) -> String {
        var out = ""
        var rest = Substring(markup)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let name = rest[rest.index(after: amp) ..< semicolon]
            switch name {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let number = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16) : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) { out.unicodeScalars.append(scalar) } else { out += "&\(name);" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}
