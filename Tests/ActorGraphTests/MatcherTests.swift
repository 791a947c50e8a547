import Testing
@testable import ActorGraph

@Suite struct MatcherTests {
    let sample = """
        entity france country
          name France
          demonym French
        entity france-inter organization/media
          name France Inter
        entity united-states country
          name United States
          exact US
          exact U.S.
        entity nso-group organization/company
          name NSO Group
          exact NSO
        entity chad country
          name Chad
        entity defense-ministry-a organization
          name Ministry A
          alias Defense Ministry
        entity defense-ministry-b organization
          name Ministry B
          alias Defense Ministry
        entity al-thani person
          name Tamim Al Thani
          alias Tel Aviv-Yafo
        entity itu city
          name Itu
        entity telecommunication-union organization/igo
          name International Telecommunication Union
          exact ITU
        """

    private func mentions(_ text: String, policy: MatchPolicy = .leftmostLongest) throws -> [(String, [String], MentionVia)] {
        let matcher = EntityMatcher(gazetteer: try gazetteer(sample), policy: policy)
        let tokenized = try Tokenizer().tokenize(text)
        return matcher.matches(in: tokenized).map {
            (String(tokenized.string(ofTokens: $0.tokens)), $0.candidates.map(\.rawValue), $0.via)
        }
    }

    @Test func longestMatchWins() throws {
        let found = try mentions("He told France Inter that France agreed.")
        #expect(found.map(\.0) == ["France Inter", "France"])
        #expect(found.map(\.1) == [["france-inter"], ["france"]])
    }

    @Test func allPolicyKeepsOverlaps() throws {
        let found = try mentions("France Inter", policy: .all)
        #expect(found.map(\.0) == ["France", "France Inter"])
    }

    @Test func caseSensitiveAliasesKeepTheirCase() throws {
        #expect(try mentions("Tell us about the US and the U.S. role").map(\.0) == ["US", "U.S."])
        #expect(try mentions("NSO said; nso is not a name").map(\.1) == [["nso-group"]])
    }

    @Test func aliasMatchedWithItsCaseOutranksAFoldedOne() throws {
        #expect(try mentions("The ITU met in Itu.").map(\.1) == [["telecommunication-union"], ["itu"]])
    }

    @Test func aHyphenBetweenWordsIsOptional() throws {
        #expect(try mentions("Tamim Al-Thani in Tel Aviv Yafo").map(\.0) == ["Tamim Al-Thani", "Tel Aviv Yafo"])
        #expect(try mentions("Tamim Al - Thani").map(\.0) == ["Thani"])
        // A name followed by a hyphen and another word ends before the hyphen.
        #expect(try mentions("the France-Chad border", policy: .all).map(\.0) == ["France", "Chad"])
    }

    @Test func matchesOnTokenBoundariesOnly() throws {
        #expect(try mentions("Frenchmen and Francesca met in Chadwick").isEmpty)
    }

    @Test func possessiveStaysOutOfTheMention() throws {
        let found = try mentions("France's president and France’s army")
        #expect(found.map(\.0) == ["France", "France"])
    }

    @Test func demonymsAreMarked() throws {
        #expect(try mentions("the French minister").map(\.2) == [.demonym])
    }

    @Test func ambiguousAliasListsEveryCandidate() throws {
        #expect(try mentions("the Defense Ministry said").map(\.1) == [["defense-ministry-a", "defense-ministry-b"]])
    }

    @Test func matchesDoNotCrossSentences() throws {
        #expect(try mentions("Long live France\nInter alia, it works.").map(\.0) == ["France"])
    }

    @Test func leftmostLongestIsItsOwnStep() {
        let short = Mention(tokens: 0 ..< 1, sentence: 0, candidates: ["a"], via: .name, rule: "a")
        let long = Mention(tokens: 0 ..< 2, sentence: 0, candidates: ["b"], via: .name, rule: "b")
        let later = Mention(tokens: 1 ..< 3, sentence: 0, candidates: ["c"], via: .name, rule: "c")
        let after = Mention(tokens: 2 ..< 3, sentence: 0, candidates: ["d"], via: .name, rule: "d")
        #expect(EntityMatcher.leftmostLongest([short, later, long, after]).map(\.rule) == ["b", "d"])
    }
}
