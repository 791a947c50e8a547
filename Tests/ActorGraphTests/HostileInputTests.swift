import Foundation
import Testing
@testable import ActorGraph

/// Text as it arrives from scrapers and feeds: every input gives a graph
/// whose spans are exact against the text, the same bytes twice, and JSON
/// that parses.
@Suite struct HostileInputTests {
    /// Checks the invariants of one document's graph and returns it.
    @discardableResult
    private func checked(_ text: String, date: String? = "2022-03-01") throws -> ArticleGraph {
        let graph = try extractor().extract(text, date: date)
        expectSpansMatch(graph, text)
        let data = try graph.jsonData()
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil)
        #expect(try extractor().extract(text, date: date).jsonData() == data)
        return graph
    }

    @Test(arguments: [
        ("empty", ""),
        ("whitespace only", " \t\n\r\n  \u{00A0}\u{3000}\n"),
        ("byte order mark", "\u{FEFF}Emmanuel Macron met Olaf Scholz in Berlin."),
        ("CRLF line ends", "Emmanuel Macron met Olaf Scholz.\r\nThey spoke in Berlin.\r\n"),
        ("lone CR line ends", "Emmanuel Macron met Olaf Scholz.\rThey spoke in Berlin.\r"),
        ("bidi controls", "\u{202B}Benny Gantz\u{202C} met \u{2067}Emmanuel Macron\u{2069} in Paris."),
        ("zero-width joiners", "Benny\u{200D} Gantz met Emm\u{200B}anuel Macron in Pa\u{200C}ris."),
        ("combining marks", "Co\u{0302}te d\u{2019}Ivoire and Franc\u{0327}ois Hollande met in Paris. \u{0301}\u{0301}"),
        ("emoji", "🇫🇷 Emmanuel Macron 🤝 Olaf Scholz in Berlin 👩‍👩‍👧‍👦 today."),
        ("scripts inside English", "Benny Gantz (בני גנץ) met officials in Beirut (بيروت), Moscow (Москва) and Beijing (北京市) on Monday."),
        ("NUL and controls", "Benny Gantz\u{0000} met\u{0007} Emmanuel\u{001B} Macron\u{0000}."),
        ("replacement characters", "Benny Gantz \u{FFFD}\u{FFFD} met Emmanuel Macron in \u{FFFD}Paris."),
        ("only punctuation", String(repeating: ".!?;,-—«»", count: 500)),
        ("lone surrogate-free astral text", String(repeating: "𝔸𝔹ℂ 𓀀 ", count: 200)),
    ])
    func oddTextKeepsTheInvariants(name: String, text: String) throws {
        try checked(text)
    }

    @Test func bidiAndFormatCharactersDoNotHideNames() throws {
        let graph = try checked("\u{202B}Benny Gantz\u{202C} met \u{2067}Emmanuel Macron\u{2069} in Paris.")
        #expect(Set(graph.actors.map(\.id)).isSuperset(of: ["benny-gantz", "emmanuel-macron", "paris"]))
    }

    @Test func invalidUTF8IsReadWithReplacementCharactersAndOffsetsStayExact() throws {
        var bytes = Array("Benny Gantz met ".utf8)
        bytes += [0xFF, 0xC3, 0x28, 0x00, 0xE2, 0x82]
        bytes += Array(" Emmanuel Macron in Paris.".utf8)
        let text = String(decoding: bytes, as: UTF8.self)      // what the library reads: U+FFFD per bad sequence
        #expect(text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 3)
        let graph = try checked(text)
        #expect(Set(graph.actors.map(\.id)).isSuperset(of: ["benny-gantz", "emmanuel-macron", "paris"]))
    }

    @Test func aSentenceOfManyThousandWordsHasNoSentenceBreakAndStillWorks() throws {
        let filler = String(repeating: "and the talks went on ", count: 20_000)      // 100,000 tokens, no full stop
        let graph = try checked("Emmanuel Macron met Olaf Scholz " + filler + "in Berlin")
        #expect(graph.actor("emmanuel-macron") != nil && graph.actor("berlin") != nil)
    }

    @Test func theSameNameRepeatedManyTimesIsOneActorWithEveryMention() throws {
        let text = String(repeating: "Emmanuel Macron. ", count: 20_000)
        let graph = try checked(text)
        #expect(graph.actors.count == 1)
        #expect(graph.actor("emmanuel-macron")?.mentions.count == 20_000)
    }
}
