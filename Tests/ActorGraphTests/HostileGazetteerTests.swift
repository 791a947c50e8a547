import Foundation
import Testing
@testable import ActorGraph

/// Gazetteers edited by hand: every mistake is a clear error with its place,
/// or follows a documented rule; nothing is dropped silently.
@Suite struct HostileGazetteerTests {
    @Test(arguments: [
        ("entity x person\n  name X\n  alias\n", "3:3: \"alias\" has no value; write one after the key or remove the line."),
        ("entity x person\n  name X\n  alias   —\n", "3:11:"),
        ("entity x person\n  name X\n  role President | from=2021-02-30\n", "3:20: \"2021-02-30\" is not a day of the calendar;"),
        ("entity x person\n  name X\nentity x person\n  name Y\n", "3:8: The entity id \"x\" is already defined in "),
        ("entity x person\n  name X\n  relation part-of nowhere\n", "3:20: No loaded gazetteer defines \"nowhere\";"),
    ])
    func mistakesAreErrorsWithTheirPlace(text: String, message: String) {
        let error = actorGraphError { _ = try gazetteer(text) }
        let place = error.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }
        #expect(error?.file?.hasSuffix("test.gaz") == true)
        #expect(place?.hasPrefix(message) == true, "\(place ?? "no error")")
    }

    @Test func aTenThousandCharacterAliasLoadsAndMatches() throws {
        let long = (0 ..< 1_250).map { "Word\($0)" }.joined(separator: " ")     // about 10,000 characters, 1,250 words
        #expect(long.count > 9_000)
        let loaded = try gazetteer("entity long-name organization\n  name \(long)\n")
        let text = "Yesterday " + long + " said so."
        let mentions = EntityMatcher(gazetteer: loaded).matches(in: try Tokenizer().tokenize(text))
        #expect(mentions.map(\.candidates) == [["long-name"]])
        #expect(mentions.first?.tokens.count == 1_250)
    }

    @Test func containmentCyclesAreReportedByLint() throws {
        let loaded = try gazetteer("""
            entity aa place
              name Aaland
              relation part-of bb
            entity bb place
              name Bbland
              relation located-in aa
            entity cc place
              name Ccland
              relation part-of cc-parent
            entity cc-parent place
              name Ccparent
            """)
        let findings = try GazetteerLint(gazetteer: loaded, rules: RuleSet.bundled()).findings()
        let cycles = findings.filter { $0.message.contains("go round in a circle") }
        #expect(cycles.map(\.message) == ["The relations aa → bb → aa go round in a circle; one of them is probably the wrong way round."])
        #expect(cycles.first?.severity == .warning)
    }
}
