import Testing
@testable import ActorGraph

/// One sentence, the event expected in it.
struct EventCase: CustomTestStringConvertible, Sendable {
    var text: String
    var type: String
    var source: String?
    var target: String?
    var factuality: Factuality = .asserted
    var testDescription: String { text }
}

@Suite struct EventTests {
    static let cases: [EventCase] = [
        EventCase(text: "Benny Gantz will travel to Paris this week.", type: "visit", source: "benny-gantz", factuality: .planned),
        EventCase(text: "Gantz will meet with Florence Parly on Friday.", type: "meet", source: "benny-gantz", target: "florence-parly", factuality: .planned),
        EventCase(text: "Angela Merkel met Joe Biden at the White House.", type: "meet", source: "angela-merkel", target: "joe-biden"),
        EventCase(text: "Reporters Without Borders called for a moratorium on spyware sales.", type: "demand", source: "reporters-without-borders", factuality: .demanded),
        EventCase(text: "The Knesset will investigate the claims.", type: "investigate", source: "knesset", factuality: .planned),
        EventCase(text: "NSO rejected the allegations of misuse.", type: "deny", source: "nso-group"),
        EventCase(text: "Pegasus was used to spy on Emmanuel Macron.", type: "surveil", target: "emmanuel-macron"),
        EventCase(text: "Macron was targeted by Morocco using Pegasus spyware.", type: "surveil", source: "morocco", target: "emmanuel-macron"),
        EventCase(text: "Britain imposed sanctions on Russia.", type: "sanction", source: "united-kingdom", target: "russia"),
        EventCase(text: "Russia did not attack Ukraine that day.", type: "attack", source: "russia", target: "ukraine", factuality: .negated),
        EventCase(text: "Russia accused Ukraine of shelling Donetsk.", type: "accuse", source: "russia", target: "ukraine"),
        EventCase(text: "Le Monde reported the leak.", type: "report", source: "le-monde"),
        EventCase(text: "In Paris, Emmanuel Macron condemned Russia.", type: "criticize", source: "emmanuel-macron", target: "russia"),
        EventCase(text: "A day after Vladimir Putin recognised the regions of Donetsk and Luhansk in eastern Ukraine and ordered the deployment of troops.",
                  type: "mobilize", source: "vladimir-putin"),
        EventCase(text: "Russia's decision was condemned by the United States.", type: "criticize", source: "united-states", target: "russia"),
        EventCase(text: "Separatists have been Russian-backed since 2014.", type: "support", source: "russia"),
        EventCase(text: "Benjamin Netanyahu, who flew to Washington on Sunday, spoke.", type: "visit", source: "benjamin-netanyahu"),
        EventCase(text: "US Secretary of State Antony Blinken said the talks failed.", type: "statement", source: "antony-blinken"),
        EventCase(text: "Benjamin Netanyahu signed at a ceremony hosted by Donald Trump.", type: "host", source: "donald-trump"),
        EventCase(text: "Amnesty International, which has declared Alexei Navalny a prisoner of conscience, also demanded his release.",
                  type: "demand", source: "amnesty-international", factuality: .demanded),
        EventCase(text: "Antony Blinken condemned the crackdown and called on Russia to release everyone detained.", type: "demand",
                  source: "antony-blinken", target: "russia", factuality: .demanded),
    ]

    @Test(arguments: cases)
    func findsTheEvent(_ expected: EventCase) throws {
        let graph = try extractor().extract(expected.text, date: "2021-07-27")
        let event = graph.events.first { $0.type == expected.type }
        #expect(event != nil, "no \(expected.type) event in \(graph.events.map(\.type))")
        guard let event else { return }
        #expect(event.roles.first { $0.role == .source }?.actor == expected.source)
        if let target = expected.target { #expect(event.roles.first { $0.role == .target }?.actor == target) }
        #expect(event.factuality == expected.factuality)
    }

    @Test(arguments: [
        "The meeting room was on the third floor of the Knesset.",
        "Astronomers photographed the Pegasus constellation from Paris.",
        "The weather in Paris was warm.",
    ])
    func findsNoEventWhereThereIsNone(text: String) throws {
        let graph = try extractor().extract(text, date: "2021-07-27")
        #expect(graph.events.map(\.type) == [])
    }

    @Test(arguments: [
        ("Jordan and Britain agreed to expand trade.", "agree", [["jordan"], ["united-kingdom"]], [String?](repeating: nil, count: 2)),
        ("The United States, Japan and South Korea agreed to hold talks every year.", "agree",
         [["united-states"], ["japan"], ["south-korea"]], [String?](repeating: nil, count: 3)),
        ("Russia attacked Kharkiv and Odesa on Monday.", "attack", [["russia"], ["russia"]], ["kharkiv", "odesa"]),
    ])
    func compoundActorsGiveOneEventPerConjunct(text: String, type: String, sources: [[String]], targets: [String?]) throws {
        let graph = try extractor().extract(text, date: "2023-08-18")
        let events = graph.events.filter { $0.type == type }
        #expect(events.map { $0.roles.filter { $0.role == .source }.map(\.actor) } == sources)
        #expect(events.map { $0.roles.first { $0.role == .target }?.actor } == targets)
        #expect(Set(events.map(\.trigger)).count == 1, "one trigger, told once per conjunct")
    }

    @Test func reportedSpeechAttributesTheInnerEventAndKeepsTheSaying() throws {
        let graph = try extractor().extract("Volodymyr Zelensky said Russia would attack Kyiv again. Russia shelled Kharkiv, according to Reuters.",
                                            date: "2023-01-10")
        let attacks = graph.events.filter { $0.type == "attack" }
        #expect(attacks.map(\.attributedTo) == ["volodymyr-zelensky", "reuters"])
        #expect(attacks.map(\.factuality) == [.planned, .reported])
        #expect(attacks.map { $0.roles.first { $0.role == .source }?.actor } == ["russia", "russia"])
        #expect(graph.events.filter { $0.type == "statement" }.map { $0.roles.first?.actor } == ["volodymyr-zelensky"])
        #expect(graph.events.filter { $0.type == "report" }.map { $0.roles.first?.actor } == ["reuters"])
    }

    @Test func agentNounsGiveTheSectorThatActs() throws {
        let graph = try extractor().extract("Israeli troops raided Jenin. Hungarian officials criticized the European Commission.", date: "2023-07-03")
        let sources = graph.events.compactMap { event in event.roles.first { $0.role == .source } }
        #expect(sources.map(\.actor) == ["israel", "hungary"])
        #expect(sources.map(\.sector) == ["military", "government"])
        #expect(graph.events.flatMap(\.roles).filter { $0.role == .target }.allSatisfy { $0.sector == nil })
    }

    @Test func theEventAnsweredIsNotTheResponder() throws {
        let graph = try extractor().extract("Israel bombed Hamas positions in retaliation for the attack on Sderot.", date: "2023-10-20")
        #expect(graph.events.filter { $0.type == "attack" }.compactMap { $0.roles.first { $0.role == .source }?.actor } == ["israel"])
    }

    @Test func noConjunctActsOnItself() throws {
        let graph = try extractor().extract("Israel, Egypt and Qatar met with Hamas and Egypt in Cairo.", date: "2023-10-20")
        for event in graph.events {
            let source = event.roles.first { $0.role == .source }?.actor
            #expect(source == nil || source != event.roles.first { $0.role == .target }?.actor)
        }
    }

    @Test func anAppositionIsNotAList() throws {
        let graph = try extractor().extract("Benny Gantz, Israel's defense minister, met Florence Parly in Paris.", date: "2021-07-27")
        let meets = graph.events.filter { $0.type == "meet" }
        #expect(meets.count == 1)
        #expect(meets.first?.roles.first { $0.role == .source }?.actor == "benny-gantz")
    }

    @Test func attributesEventsToTheSpeaker() throws {
        let graph = try extractor().extract("Gantz will meet with his French counterpart, the Defense Ministry said in a statement Tuesday.", date: "2021-07-27")
        let meet = try #require(graph.events.first { $0.type == "meet" })
        #expect(meet.attributedTo == "israel-ministry-of-defense")
        #expect(meet.roles.map(\.actor) == ["benny-gantz", "florence-parly"])
        let statement = try #require(graph.events.first { $0.type == "statement" })
        #expect(statement.time?.value == "2021-07-27")
        #expect(graph.events.filter { $0.type == "statement" }.count == 1)
    }

    @Test func plannedEventsLookForwardToTheirWeekday() throws {
        let graph = try extractor().extract("Annalena Baerbock will fly to Moscow on Tuesday.", date: "2022-01-17")
        #expect(graph.events.first { $0.type == "visit" }?.time?.value == "2022-01-18")
    }

    @Test func linksADenialToTheClaim() throws {
        let graph = try extractor().extract("The Knesset set up a commission to investigate allegations that Pegasus was misused. NSO rejected the claims.", date: "2021-07-27")
        let accuse = try #require(graph.events.first { $0.type == "accuse" })
        let deny = try #require(graph.events.first { $0.type == "deny" })
        let investigate = try #require(graph.events.first { $0.type == "investigate" })
        #expect(graph.relations.contains { $0.type == "denies" && $0.source == deny.id && $0.target == accuse.id })
        #expect(graph.relations.contains { $0.type == "investigates" && $0.source == investigate.id && $0.target == accuse.id })
    }

    @Test func aRejectionPointsAtTheDemandAndAResponseAtWhatItAnswers() throws {
        let rejection = try extractor().extract("Ukraine demanded a ceasefire on Monday. Russia rejected the demand on Tuesday.", date: "2023-07-03")
        #expect(rejection.relations.filter { $0.type == "denies" && $0.rule == "link.reject" }.map { [$0.source, $0.target] } == [["e2", "e1"]])
        let response = try extractor().extract("Hamas fired rockets at Israel on Monday. Israel struck targets in Gaza in retaliation for the rocket attack.",
                                               date: "2023-07-03")
        #expect(response.events.map(\.type) == ["attack", "attack"])
        #expect(response.relations.filter { $0.type == "responds-to" }.map { [$0.source, $0.target] } == [["e2", "e1"]])
        #expect(response.events.first?.retellings?.map(\.text) == ["rocket attack"])
    }

    @Test func repeatedCaptionsYieldOneEvent() throws {
        let caption = "Defense Minister Benny Gantz meeting with French President Emmanuel Macron, January 2020\n"
        let graph = try extractor().extract(caption + caption + caption, date: "2021-07-27")
        #expect(graph.events.filter { $0.type == "meet" }.count == 1)
        #expect(graph.events.first?.time?.value == "2020-01")
        #expect(graph.actor("emmanuel-macron")?.mentions.count == 3)
    }
}
