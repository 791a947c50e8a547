import Foundation
import Testing
@testable import ActorGraph

/// What the bundled gazetteer knows out of the box: titles resolve to the
/// office holder of the document's date, places and organizations have ids
/// and types.
@Suite struct BundledKnowledgeTests {
    private func holder(_ sentence: String, on date: String) throws -> String? {
        let graph = try extractor().extract(sentence, date: date)
        return graph.actors.first { $0.mentions.contains { $0.via == .title } }?.id
    }

    @Test(arguments: [
        ("Officials said the German chancellor would attend.", "2019-03-01", "angela-merkel"),
        ("Officials said the German chancellor would attend.", "2023-03-01", "olaf-scholz"),
        ("Officials said the German chancellor would attend.", "2025-09-01", "friedrich-merz"),
        ("Officials said Britain's prime minister would attend.", "2018-03-01", "theresa-may"),
        ("Officials said Britain's prime minister would attend.", "2025-03-01", "keir-starmer"),
        ("Officials said the French president would attend.", "2016-03-01", "francois-hollande"),
        ("Officials said the French president would attend.", "2021-07-27", "emmanuel-macron"),
        ("Officials said Israel's defense minister would attend.", "2021-07-27", "benny-gantz"),
        ("Officials said the Moroccan king would attend.", "2021-07-27", "mohammed-vi"),
        ("Officials said Italy's prime minister would attend.", "2023-03-01", "giorgia-meloni"),
        ("Officials said the Saudi crown prince would attend.", "2019-03-01", "mohammed-bin-salman"),
        ("Officials said Japan's prime minister would attend.", "2022-03-01", "fumio-kishida"),
        ("Officials said the Indian prime minister would attend.", "2020-03-01", "narendra-modi"),
        ("Officials said the Polish prime minister would attend.", "2020-03-01", "mateusz-morawiecki"),
        ("Officials said the Polish prime minister would attend.", "2024-03-01", "donald-tusk"),
        ("Officials said the Turkish president would attend.", "2020-03-01", "recep-tayyip-erdogan"),
    ])
    func titlesResolveToTheHolderOfTheDate(sentence: String, date: String, expected: String) throws {
        #expect(try holder(sentence, on: date) == expected)
    }

    @Test(arguments: ["1850-01-01", "1900-06-30"])
    func titlesOutsideEveryKnownTermResolveToNobody(date: String) throws {
        #expect(try holder("Officials said the German chancellor would attend.", on: date) == nil)
    }

    @Test func actorsHaveSectors() throws {
        let graph = try extractor().extract("Benny Gantz told the Knesset and Reuters that NSO Group and the IDF met Amnesty International.", date: "2021-07-27")
        let sectors = Dictionary(uniqueKeysWithValues: graph.actors.map { ($0.id, $0.sector ?? "-") })
        #expect(sectors == ["benny-gantz": "government", "knesset": "legislature", "reuters": "media", "nso-group": "business",
                            "israel-defense-forces": "military", "amnesty-international": "ngo"])
        let later = try extractor().extract("Benny Gantz spoke.", date: "2024-01-01")
        #expect(later.actors.first?.sector == nil)
    }

    @Test func placesComeWithCountriesAndCodes() throws {
        let graph = try extractor().extract("Talks in Lyon and Côte d'Ivoire drew Emirati and Dutch envoys to the UAE.", date: "2022-01-01")
        #expect(graph.actor("lyon")?.type == .city)
        #expect(graph.actor("lyon")?.country == "FRA")
        #expect(graph.actor("ivory-coast")?.type == .country)
        #expect(graph.actor("united-arab-emirates")?.mentions.map(\.text) == ["Emirati", "UAE"])
        #expect(graph.actor("netherlands")?.mentions.map(\.text) == ["Dutch"])
    }

    @Test func coverageScoresMentionsByTypeAndName() throws {
        let text = "Olaf Scholz met Zorbo Quint in Paris. The chancellor left."
        let gold = Coverage.Gold(date: "2022-05-01", mentions: [
            .init(text: "Olaf Scholz", type: .person, name: "Olaf Scholz"),
            .init(text: "Zorbo Quint", type: .person, name: "Zorbo Quint"),
            .init(text: "Paris", type: .city, name: "Paris"),
            .init(text: "chancellor", type: .person, name: "Olaf Scholz", via: "title"),
        ])
        let graph = try extractor().extract(text, date: gold.date)
        let score = Coverage.score(graph, text: text, gold: gold, gazetteer: try extractor().gazetteer)
        #expect(score.names == 3 && score.covered == 2 && score.correct == 2)
        #expect(score.titles == 1 && score.titlesResolved == 1)
        #expect(score.misses.count == 1 && score.misses[0].hasPrefix("\"Zorbo Quint\""))
    }
}
