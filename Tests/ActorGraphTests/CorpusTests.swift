import Foundation
import Testing
@testable import ActorGraph

/// The scored test corpus (`Tests/Corpus`): the extractor must stay above
/// these micro-averaged F1 scores over all ten articles. They sit a little
/// below what it reaches today (actors 0.99, mentions 0.94, events 0.80,
/// roles 0.62), so a change that loses quality fails here.
@Suite struct CorpusTests {

    @Test func corpusScoresStayAboveThresholds() throws {
        let (documents, total) = try Evaluation.evaluate(try extractor(), corpus: corpusFolder)
        #expect(documents.count >= 10)
        let thresholds: [(String, Evaluation.Score, Double)] = [
            ("actors", total.actors, 0.95),
            ("mentions", total.mentions, 0.91),
            ("events", total.events, 0.77),
            ("roles", total.roles, 0.58),
        ]
        for (name, score, minimum) in thresholds {
            #expect(score.f1 >= minimum, "\(name) F1 \(score.f1) fell below \(minimum)")
        }
    }

    @Test func seedNamesAndTypesItsActors() throws {
        let text = try String(contentsOf: corpusFolder.appendingPathComponent("000-seed.txt"), encoding: .utf8)
        let graph = try extractor().extract(text, date: "2021-07-27", id: "seed")
        let expected: [(String, ActorType)] = [
            ("benny-gantz", .person), ("emmanuel-macron", .person), ("nso-group", .organization), ("pegasus", .product),
            ("morocco", .country), ("france", .country), ("israel", .country), ("paris", .city), ("florence-parly", .person),
            ("israel-ministry-of-defense", .organization), ("reporters-without-borders", .organization),
            ("angela-merkel", .person), ("germany", .country), ("knesset", .organization), ("le-monde", .organization),
            ("gabriel-attal", .person), ("france-inter", .organization), ("lebanon", .country), ("iran", .country),
        ]
        for (id, type) in expected {
            #expect(graph.actor(id)?.type == type, "\(id)")
        }
        #expect(graph.actor("emmanuel-macron")?.mentions.contains { $0.text == "president" && $0.via == .title } == true)
        #expect(graph.actor("france")?.mentions.contains { $0.text == "French" && $0.via == .demonym } == true)
        #expect(graph.actor("benny-gantz")?.mentions.first?.via == .partial)
    }

    @Test func seedHasItsEventsWithTheirRoles() throws {
        let text = try String(contentsOf: corpusFolder.appendingPathComponent("000-seed.txt"), encoding: .utf8)
        let graph = try extractor().extract(text, date: "2021-07-27", id: "seed")
        func has(_ type: String, _ roles: [EventRole: String], attributedTo: String? = nil) -> Bool {
            graph.events.contains { event in
                event.type == type && roles.allSatisfy { role, actor in event.roles.contains { $0.role == role && $0.actor == actor } }
                    && (attributedTo == nil || event.attributedTo == attributedTo)
            }
        }
        #expect(has("visit", [.source: "benny-gantz", .destination: "paris"]))
        #expect(has("meet", [.source: "benny-gantz", .target: "florence-parly"]))
        #expect(has("surveil", [.target: "emmanuel-macron", .beneficiary: "morocco", .instrument: "pegasus"], attributedTo: "le-monde"))
        #expect(has("demand", [.source: "reporters-without-borders"]))
        #expect(has("demand", [.source: "angela-merkel"]))
        #expect(has("investigate", [.source: "knesset"]))
        #expect(has("deny", [.source: "nso-group"]))
        #expect(has("statement", [.source: "gabriel-attal", .target: "france-inter"]))
        #expect(graph.relations.contains { $0.type == "denies" })
        #expect(graph.events.count <= 30)
    }
}
