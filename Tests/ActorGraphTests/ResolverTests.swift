import Testing
@testable import ActorGraph

@Suite struct ResolverTests {
    private func graph(_ text: String, date: String? = "2021-07-27") throws -> ArticleGraph {
        try extractor().extract(text, date: date)
    }

    private func mentions(of id: String, in graph: ArticleGraph) -> [String] {
        graph.actor(id)?.mentions.map(\.text) ?? []
    }

    @Test func partialNamesLinkBeforeAndAfterTheFullName() throws {
        let result = try graph("Gantz heading to Paris\nDefense Minister Benny Gantz will travel. Gantz said so.")
        #expect(mentions(of: "benny-gantz", in: result) == ["Gantz", "Benny Gantz", "Gantz"])
        #expect(result.actor("benny-gantz")?.mentions.map(\.via) == [.partial, .name, .partial])
    }

    @Test func chineseAndKoreanFamilyNamesComeFirst() throws {
        let result = try graph("Xi Jinping met Moon Jae-in. Xi said Moon agreed.", date: "2018-06-01")
        #expect(mentions(of: "xi-jinping", in: result) == ["Xi Jinping", "Xi"])
        #expect(mentions(of: "moon-jae-in", in: result) == ["Moon Jae-in", "Moon"])
    }

    @Test func familyNamesOfMixedOrderNames() throws {
        let result = try graph("Hong Kong leader John Lee Ka-chiu met Carrie Lam. Lee and Lam spoke.", date: "2023-01-01")
        #expect(mentions(of: "john-lee-ka-chiu", in: result) == ["John Lee Ka-chiu", "Lee"])
        #expect(mentions(of: "carrie-lam", in: result) == ["Carrie Lam", "Lam"])
    }

    @Test func surnamesInATitleCaseHeadlineStillLink() throws {
        let result = try graph("Putin Warns NATO Over Ukraine\n\nThe Kremlin spoke.", date: "2023-01-01")
        #expect(mentions(of: "vladimir-putin", in: result) == ["Putin"])
    }

    @Test func cityNameThatStartsAnUnknownNameIsNotTheCity() throws {
        let result = try graph("The envoy, Vladimir Medinsky, flew to Vladimir on Monday.", date: "2022-03-29")
        #expect(mentions(of: "vladimir", in: result) == ["Vladimir"])
    }

    @Test func countryBeforeATitleIsItsOffice() throws {
        let result = try graph("Vladimir Putin spoke. Later the U.S. president answered.", date: "2019-06-29")
        #expect(mentions(of: "donald-trump", in: result) == ["president"])
    }

    @Test func loneSurnameBesideAnUnknownNameIsSomeoneElse() throws {
        #expect(try graph("Scholz Tiefenbach, a farmer, spoke.", date: "2022-06-01").actors.isEmpty)
        #expect(try graph("The farmer Anna Scholz spoke.", date: "2022-06-01").actors.isEmpty)
        #expect(try graph("Chancellor Scholz spoke.", date: "2022-06-01").actors.map(\.id) == ["olaf-scholz"])
    }

    @Test func loneSurnameThatIsAWordNeedsTheFullName() throws {
        #expect(try graph("In May, officials met Putin.").actors.map(\.id) == ["vladimir-putin"])
        let named = try graph("Theresa May spoke. In Brussels, May said no.", date: "2018-01-01")
        #expect(mentions(of: "theresa-may", in: named) == ["Theresa May", "May"])
    }

    @Test(arguments: [
        ("2021-07-27", "emmanuel-macron"),
        ("2016-03-01", "francois-hollande"),
    ])
    func titlesResolveByDate(date: String, holder: String) throws {
        let result = try graph("Officials said France's president was informed.", date: date)
        let president = result.actors.first { $0.mentions.contains { $0.via == .title } }
        #expect(president?.id == holder)
        #expect(president?.mentions.map(\.text) == ["president"])
    }

    @Test func titleOutsideEveryTermResolvesToNobody() throws {
        let result = try graph("Officials said France's president was informed.", date: "1850-01-01")
        #expect(result.actors.map(\.id) == ["france"])
    }

    @Test func bareTitleResolvesToTheHolderNamedBefore() throws {
        let result = try graph("Emmanuel Macron met aides. \"The president is following this closely,\" a spokesman said.")
        #expect(mentions(of: "emmanuel-macron", in: result) == ["Emmanuel Macron", "president"])
    }

    @Test func counterpartResolvesThroughTheOfficeOfThePersonNamed() throws {
        let result = try graph("Benny Gantz will meet his French counterpart in Paris.")
        #expect(mentions(of: "florence-parly", in: result) == ["counterpart"])
    }

    @Test func titleBeforeANameIsPartOfTheName() throws {
        let result = try graph("French President Emmanuel Macron spoke.")
        #expect(mentions(of: "emmanuel-macron", in: result) == ["Emmanuel Macron"])
        #expect(mentions(of: "france", in: result) == ["French"])
    }

    @Test func nominalsReferBack() throws {
        let result = try graph("NSO rejected the claims. The software is sold to states, the company said.")
        #expect(mentions(of: "nso-group", in: result) == ["NSO", "company"])
        #expect(result.actor("nso-group")?.mentions.last?.via == .nominal)
    }

    @Test(arguments: [
        ("Emmanuel Macron met Angela Merkel. France said he would go.", "emmanuel-macron"),
        ("Angela Merkel arrived. She said the talks would go on.", "angela-merkel"),
        ("Angela Merkel spoke. NSO said Pegasus meets its rules.", "nso-group"),
        ("Pegasus was sold. Macron called a meeting to discuss the spyware after reports about its use.", "pegasus"),
    ])
    func pronounsFindTheirAntecedent(text: String, antecedent: String) throws {
        let result = try graph(text)
        #expect(result.actors.first { $0.mentions.contains { $0.via == .pronoun } }?.id == antecedent)
    }

    @Test func handMadeMentionsThatDoNotFitAreLeftOut() throws {
        let extractor = try extractor()
        let text = try Tokenizer().tokenize("Gantz met Parly.")
        let mentions = [
            Mention(tokens: 0 ..< 1, sentence: 9, candidates: ["benny-gantz"], via: .partial, rule: "x"),
            Mention(tokens: 2 ..< 3, sentence: 0, candidates: [], via: .name, rule: "x"),
            Mention(tokens: 5 ..< 9, sentence: 0, candidates: ["france"], via: .name, rule: "x"),
            Mention(tokens: 2 ..< 3, sentence: 0, candidates: ["no-such-entity"], via: .name, rule: "x"),
        ]
        let actors = extractor.resolver.resolve(text, mentions: mentions, date: nil)
        #expect(actors.map(\.id) == ["benny-gantz"])
        #expect(actors.first?.mentions.first?.sentence == 0)
        let found = extractor.events.extract(from: text, actors: actors + [Actor(id: "x", name: "X", type: .person, origin: .discovered,
            externalIDs: [:], roles: [], mentions: [Mention(tokens: 40 ..< 50, sentence: 0, candidates: ["x"], via: .name, rule: "x")])], date: nil)
        #expect(found.events.count <= 1)
    }

    @Test func matchedMentionsWithOtherCandidatesResolveToThem() throws {
        let extractor = try extractor()
        let text = try Tokenizer().tokenize("France and Germany met.")
        var mentions = extractor.matcher.matches(in: text)
        #expect(mentions.map(\.candidates) == [["france"], ["germany"]])
        mentions[0].candidates = ["germany"]
        let actors = extractor.resolver.resolve(text, mentions: mentions, date: nil)
        #expect(actors.map(\.id) == ["germany"])
        #expect(actors.first?.mentions.count == 2)
    }

    @Test func mentionsOfAnotherGazetteerResolveByTheirIDs() throws {
        // The local gazetteer holds France at another position than the bundled one.
        let local = try gazetteer("""
            entity gondor country
              name Gondor
            entity france country
              name France
              country FRA
            """)
        let text = try Tokenizer().tokenize("Gondor and France met.")
        let mentions = EntityMatcher(gazetteer: local).matches(in: text)
        #expect(mentions.map(\.candidates) == [["gondor"], ["france"]])
        let actors = try extractor().resolver.resolve(text, mentions: mentions, date: nil)
        #expect(actors.map(\.id) == ["france"])
        #expect(actors.first?.country == "FRA")
    }

    @Test func aMatchedMentionEqualsTheSameMentionMadeByHand() throws {
        let text = try Tokenizer().tokenize("France met.")
        let matched = try extractor().matcher.matches(in: text)
        let made = Mention(tokens: 0 ..< 1, sentence: 0, candidates: ["france"], via: .name, rule: "france")
        #expect(matched == [made])
        #expect(Set(matched + [made]).count == 1)
    }

    @Test func aPronounIsNoDiscoveredName() throws {
        let result = try graph("Evan Gershkovich denied it. His newspaper said so. The daily agreed.")
        #expect(result.actors.allSatisfy { $0.origin == .gazetteer })
        #expect(mentions(of: "evan-gershkovich", in: result) == ["Evan Gershkovich", "His"])
    }

    @Test func discoversNamesFromCueWords() throws {
        let result = try graph("Spokeswoman Maria Lopez said the daily Gazeta Nowa was wrong. Lopez left.")
        let lopez = try #require(result.actor("maria-lopez"))
        #expect(lopez.type == .person && lopez.origin == .discovered)
        #expect(lopez.mentions.map(\.text) == ["Maria Lopez", "Lopez"])
        #expect(result.actor("gazeta-nowa")?.subtype == "newspaper")
    }

    /// A discovered id is the name lowercased, without diacritics, other characters as single hyphens;
    /// ASCII names take a shorter path that must agree with the Unicode one.
    @Test(arguments: [
        ("Maria O'Neil-Lopez", "maria-o-neil-lopez"),
        ("R2D2 Team", "r2d2-team"),
        ("...Acme..", "acme"),
        ("José Müller", "jose-muller"),
        ("Ærø Ćosić", "ærø-cosic"),
        ("ＡＢＣ Corp", "abc-corp"),
    ])
    func discoveredIDsAreSlugs(name: String, expected: String) {
        #expect(MentionResolver.slug(name) == expected)
    }

    @Test(arguments: [
        ("Paris and Lyon voted. In France, the Defense Ministry said the visit went well.", "fr-defense"),
        ("Israel's leaders met in Israel. The Defense Ministry said the visit went well.", "il-defense"),
        ("The French Defense Ministry met Israel's and Israel's envoys. The Defense Ministry said so.", "fr-defense"),
        ("Paris and Lyon voted in France. Israel's Defense Ministry said so.", "il-defense"),
        ("Paris and Lyon voted in France. The Israeli Defense Ministry said so.", "il-defense"),
    ])
    func ambiguousAliasFollowsTheDocument(text: String, expected: String) throws {
        let local = try gazetteer("""
            entity france country
              name France
              demonym French
              country FRA
            entity israel country
              name Israel
              demonym Israeli
              country ISR
            entity paris city
              name Paris
              country FRA
            entity lyon city
              name Lyon
              country FRA
            entity il-defense organization/government-agency
              name Israeli Ministry of Defense
              alias Defense Ministry
              country ISR
            entity fr-defense organization/government-agency
              name French Ministry of Defense
              alias French Defense Ministry
              alias Defense Ministry
              country FRA
            """)
        let result = try Extractor(gazetteer: local, rules: RuleSet.bundled()).extract(text, date: "2021-07-27")
        let ministries = result.actors.filter { $0.subtype == "government-agency" }.map(\.id)
        #expect(ministries == [expected])
    }
}
