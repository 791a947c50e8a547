import Foundation
import Testing
@testable import ActorGraph

/// Graphs and PLOVER records write their own JSON; its bytes must stay those `JSONEncoder` writes.
@Suite struct JSONBytesTests {
    private static let folders = ["Tests/Corpus", "Tests/Coverage"]

    private func encoded<Value: Encodable>(_ value: Value, pretty: Bool) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    private func expectEncoderBytes(_ graph: ArticleGraph, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for pretty in [true, false] {
            let written = try graph.jsonData(pretty: pretty), expected = try encoded(graph, pretty: pretty)
            #expect(written == expected, "\(graph.document.id ?? "graph"), pretty: \(pretty): \(firstDifference(written, expected))",
                    sourceLocation: sourceLocation)
        }
    }

    private func expectEncoderBytes(_ record: PLOVERRecord, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let written = try record.jsonData(), expected = try encoded(record, pretty: false)
        #expect(written == expected, "\(record.id): \(firstDifference(written, expected))", sourceLocation: sourceLocation)
        #expect(try PLOVERRecord.jsonLines([record, record]) == expected + Data("\n".utf8) + expected + Data("\n".utf8),
                sourceLocation: sourceLocation)
    }

    /// Where two encodings part, with a little of each around it.
    private func firstDifference(_ written: Data, _ expected: Data) -> String {
        let written = [UInt8](written), expected = [UInt8](expected)
        let at = written.indices.first { $0 >= expected.count || written[$0] != expected[$0] } ?? written.count
        func around(_ data: [UInt8]) -> String { String(decoding: data[max(0, at - 40) ..< min(data.count, at + 40)], as: UTF8.self) }
        return "byte \(at): written …\(around(written))… expected …\(around(expected))…"
    }

    @Test(arguments: folders)
    func corpusGraphsAreTheEncodersBytes(folder: String) throws {
        let url = packageRoot.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 10)
        var graphs: [ArticleGraph] = [], records = 0
        for name in names {
            let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            let graph = try extractor().extract(text, date: "2021-07-27", id: name)
            try expectEncoderBytes(graph)
            for record in try PLOVERRecord.records(of: graph, source: SourceText(text)) {
                try expectEncoderBytes(record)
                records += 1
            }
            graphs.append(graph)
        }
        #expect(records >= 20)
        let corpus = try CorpusGraph(merging: graphs)
        #expect(!corpus.edges.isEmpty && corpus.actors.contains { $0.roles != nil && $0.ids != nil })
        for pretty in [true, false] {
            #expect(try ArticleGraph.jsonData(of: graphs, pretty: pretty) == encoded(graphs, pretty: pretty))
            let written = try corpus.jsonData(pretty: pretty), expected = try encoded(corpus, pretty: pretty)
            #expect(written == expected, "corpus, pretty: \(pretty): \(firstDifference(written, expected))")
        }
    }

    /// Every optional member set, and strings that need every kind of escape.
    @Test func everyMemberAndEveryEscapeAreTheEncodersBytes() throws {
        let hostile = "quote \" backslash \\ slash / controls \u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F} delete \u{7F} é \u{2028} 😀"
        let span = ArticleGraph.Span(start: 3, end: 9, text: hostile, sentence: 0)
        let actor = ArticleGraph.ActorNode(
            id: "person/\(hostile)", name: hostile, type: .person, subtype: "politician", country: "FR", origin: .gazetteer,
            ids: ["wikidata": "Q3052772", "B": "2", "a10": "x", "a9": "y", "_": "u", "é": "v", "Z": "w", "": "empty", hostile: hostile],
            roles: [.init(title: "president", of: "country/fr", from: "2017-05-14", to: nil), .init(title: hostile, of: nil, from: nil, to: "2020")],
            mentions: [.init(start: 0, end: 15, text: hostile, sentence: 2, via: .alias, rule: "gazetteer:macron")],
            sector: "government")
        let events = [0.0, 1.0, 0.85, 0.3 + 0.6, 1e-7, 123_456_789.5].enumerated().map { index, confidence in
            ArticleGraph.EventNode(
                id: "e\(index)", type: "MEET", plover: "CONSULT", cameo: "036", trigger: span,
                roles: [.init(role: .source, actor: actor.id, start: 0, end: 15, sector: "military"), .init(role: .target, actor: "x", start: 1, end: 2)],
                factuality: .asserted, time: .init(text: "on Monday", start: 20, end: 29, value: "2021-07-26"),
                attributedTo: actor.id, retellings: [span, span], rule: hostile, confidence: confidence)
        }
        let relations: [ArticleGraph.RelationNode] = [
            .init(type: "holds-role", source: actor.id, target: "country/fr", origin: .gazetteer, title: "president"),
            .init(type: "member-of", source: actor.id, target: hostile, origin: .text, sentence: 4, start: -1, end: 12, text: hostile, rule: "r"),
        ]
        let full = ArticleGraph(schema: ArticleGraph.schemaVersion, document: .init(id: hostile, date: "2021-07-27", length: 1 << 40),
                                actors: [actor, actor], events: events, relations: relations)
        try expectEncoderBytes(full)
        var bare = ArticleGraph(schema: "", document: .init(id: nil, date: nil, length: 0), actors: [], events: [], relations: [])
        try expectEncoderBytes(bare)
        bare.actors = [ArticleGraph.ActorNode(id: "a", name: "A", type: .group, origin: .discovered, ids: [:], roles: [], mentions: [])]
        try expectEncoderBytes(bare)
        for pretty in [true, false] {
            #expect(try ArticleGraph.jsonData(of: [], pretty: pretty) == encoded([ArticleGraph](), pretty: pretty))
            #expect(try ArticleGraph.jsonData(of: [full, bare], pretty: pretty) == encoded([full, bare], pretty: pretty))
        }
    }

    /// A PLOVER record with every member set, and one with none that may be left out.
    @Test func everyPLOVERMemberIsTheEncodersBytes() throws {
        let hostile = "quote \" backslash \\ slash / controls \u{0}\u{9}\u{A}\u{1F} delete \u{7F} é \u{2028} 😀"
        let actor = PLOVERRecord.ActorObject(code: "FRA", sector: "GOV", actorText: hostile, identifierID: "emmanuel-macron",
                                             identifierText: hostile, wikidata: "Q3052772", actorType: .person, start: 0, end: 15)
        let span = PLOVERRecord.TextSpan(text: hostile, start: 3, end: 9, value: "2021-07-26")
        let full = PLOVERRecord(
            id: "doc-e1", storyID: hostile, eventID: "e1", date: "2021-07-26", dateBasis: .event, publicationDate: "2021-07-27",
            event: ["CONSULT", hostile], eventType: "visit", cameo: "042", quadCode: 1, mode: ["visit"], context: ["future"],
            factuality: .planned, source: [actor, actor], recipient: [actor], eventText: hostile,
            textInfo: .init(sequence: 2, start: 0, end: 40), trigger: span, timeExpression: span, attributedTo: actor,
            confidence: 0.85, rule: hostile, coder: "ActorGraph")
        try expectEncoderBytes(full)
        let bareActor = PLOVERRecord.ActorObject(identifierID: "x", identifierText: "X", actorType: .group)
        let bare = PLOVERRecord(
            id: "e2", eventID: "e2", event: [], eventType: "meet", factuality: .asserted, source: [], recipient: [bareActor],
            eventText: "", textInfo: .init(sequence: 0, start: 0, end: 0), trigger: .init(text: "", start: 0, end: 0),
            confidence: 1, rule: "r", coder: "ActorGraph")
        try expectEncoderBytes(bare)
        #expect(try PLOVERRecord.jsonLines([]).isEmpty)
    }

    /// A corpus graph with every optional member set, and one with none.
    @Test func everyCorpusMemberIsTheEncodersBytes() throws {
        let hostile = "quote \" backslash \\ slash / controls \u{0}\u{9}\u{A}\u{1F} delete \u{7F} é \u{2028} 😀"
        let actor = CorpusGraph.ActorNode(
            id: "emmanuel-macron", name: hostile, type: .person, subtype: "politician", country: "FR", origin: .gazetteer,
            ids: ["wikidata": "Q3052772", "B": "2", "_": "u", "é": "v"], sector: "government",
            roles: [.init(title: "president", of: "france", from: "2017-05-14", to: nil)], mentions: 3, documents: ["a", hostile],
            firstDate: "2021-07-26", lastDate: "2021-07-27",
            timeline: [.init(date: "2021-07-26", document: "a", event: "a#e1", type: "visit", role: .source),
                       .init(date: nil, document: hostile, event: "b#e1", type: "meet", role: .target)])
        let events = [CorpusGraph.EventNode(
            id: "a#e1", document: "a", date: "2021-07-26", time: "2021-W30", type: "visit", plover: "CONSULT", cameo: "042",
            factuality: .reported, trigger: hostile, sentence: 2, roles: [.init(role: .source, actor: actor.id)],
            attributedTo: "le-monde", rule: hostile, confidence: 0.85)]
        let full = CorpusGraph(
            documents: [.init(id: hostile, date: "2021-07-27", length: 300, actors: 2, events: 1), .init(id: "b", date: nil, length: 0, actors: 0, events: 0)],
            actors: [actor], events: events,
            edges: [.init(source: actor.id, target: "germany", type: "visit", weight: 2, firstDate: "2021-07-26", lastDate: nil, events: ["a#e1"])],
            relations: [.init(type: "holds-role", source: actor.id, target: "france", origin: .gazetteer, title: "president", documents: ["a"]),
                        .init(type: "member-of", source: actor.id, target: hostile, origin: .text, documents: [])])
        let bare = CorpusGraph(documents: [], actors: [], events: [], edges: [], relations: [])
        for corpus in [full, bare] {
            for pretty in [true, false] {
                let written = try corpus.jsonData(pretty: pretty), expected = try encoded(corpus, pretty: pretty)
                #expect(written == expected, "pretty: \(pretty): \(firstDifference(written, expected))")
            }
        }
    }

    @Test func aConfidenceThatIsNotANumberIsRefusedAsTheEncoderRefusesIt() throws {
        let span = ArticleGraph.Span(start: 0, end: 1, text: "x", sentence: 0)
        for confidence in [Double.nan, .infinity, -.infinity] {
            let event = ArticleGraph.EventNode(id: "e1", type: "MEET", trigger: span, roles: [], factuality: .asserted, rule: "r", confidence: confidence)
            let graph = ArticleGraph(schema: ArticleGraph.schemaVersion, document: .init(length: 1), actors: [], events: [event], relations: [])
            #expect(throws: EncodingError.self) { try graph.jsonData() }
            #expect(throws: EncodingError.self) { try encoded(graph, pretty: true) }
        }
    }
}
