import Foundation
import Testing
@testable import ActorGraph

@Suite struct RuleSetTests {
    private func load(_ text: String, name: String = "test.rules") throws -> RuleSet {
        var rules = RuleSet()
        try rules.parse(text, file: name)
        return rules
    }

    @Test func parsesEveryDirective() throws {
        let rules = try load("""
            type visit plover=CONSULT cameo=042   # a comment
            boundary which, while
            rule visit.travel visit
              verb         travel, head to
              noun         trip
              source       possessor | subject
              destination  after to, on behalf of
              factuality   planned
              requires     capital
            cue planned will, plans to
            cue before spokesman: person
            cue ends Party: organization/political-party
            title Defense Minister: defence minister
            nominal company, firm: organization/company
            relation developer-of.made-by developer-of
              phrase created by
              source after
              target-type product
            """)
        #expect(rules.eventTypes["visit"] == EventType(name: "visit", plover: "CONSULT", cameo: "042"))
        let rule = try #require(rules.eventRules.first)
        #expect(rule.verbs == ["travel", "head to"] && rule.nouns == ["trip"] && rule.factuality == .planned)
        #expect(rule.slots.map(\.role) == [.source, .destination])
        #expect(rule.slots[1].slots == [.after(["to", "on behalf of"])])
        #expect(rules.boundaries == ["which", "while"])
        #expect(rules.factualityCues.first?.phrases == ["will", "plans to"])
        #expect(rules.cues.map(\.position) == [.before, .ends])
        #expect(rules.titles == [TitleRule(canonical: "Defense Minister", spellings: ["defence minister"])])
        #expect(rules.nominals.first?.subtype == "company")
        #expect(rules.relations.first?.targetType == .product)
    }

    @Test(arguments: [
        ("rule a.b a\n  verbb go\n",
         "test.rules:2:3: Unknown key \"verbb\" in rule \"a.b\"; use verb, noun, phrase, requires, excludes, factuality or a role (source, target, place, destination, instrument, beneficiary, topic)."),
        ("rule a.b a\n  source subjekt\n",
         "test.rules:2:10: Unknown slot \"subjekt\"; use subject, object, after <word>, possessor or by."),
        ("rule a.b a\n  verb go,,come\n",
         "test.rules:2:8: Item 2 of \"go,,come\" is empty; remove the extra comma."),
        ("  verb go\n",
         "test.rules:1:3: The indented line \"verb\" belongs to no rule; start a block with \"rule <id> <type>\"."),
        ("rule a.b\n",
         "test.rules:1:6: The header needs an id and a type, e.g. \"rule visit.travel visit\"."),
        ("rule a.b a\nrule a.b a\n",
         "test.rules:2:6: The rule id \"a.b\" is used twice; give each rule its own id."),
        ("cue sometimes may\n",
         "test.rules:1:5: A cue starts with before, after, ends or a factuality (asserted, reported, alleged, planned, possible, negated, denied, demanded), not \"sometimes\"."),
        ("cue before chief: wizard\n",
         "test.rules:1:5: Unknown actor type \"wizard\"; use one of: person, organization, country, city, place, product, group."),
        ("title President\n",
         "test.rules:1:7: Write a title as \"title <Canonical Title>: <spelling>, <spelling>\"."),
        ("frobnicate x\n",
         "test.rules:1:1: Unknown directive \"frobnicate\"; use type, boundary, rule, relation, cue, title, nominal, sector or agent."),
        ("sector media: organization\n",
         "test.rules:1:8: Give the subtype of \"organization\", e.g. \"organization/ministry\"."),
        ("sector media: organization/newspaper\nsector business: organization/newspaper\n",
         "test.rules:2:8: \"organization/newspaper\" is already in the sector media; give it one sector."),
    ])
    func reportsMalformedRulesWithTheirPlace(text: String, message: String) {
        #expect(actorGraphError { _ = try load(text) }?.description == message)
    }

    @Test func loadsRuleFilesNamedOneByOne() throws {
        let folder = packageRoot.appendingPathComponent("Gazetteers/rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0) }
        let fromFiles = try RuleSet.load(files)
        let fromFolder = try RuleSet.bundled()
        #expect(fromFiles.eventRules.map(\.id) == fromFolder.eventRules.map(\.id))
        #expect(fromFiles.eventTypes == fromFolder.eventTypes)
    }

    @Test func refusesARuleOfAnUndeclaredType() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "rule fly.away fly\n  verb fly\n".write(to: folder.appendingPathComponent("x.rules"), atomically: true, encoding: .utf8)
        let error = actorGraphError { _ = try RuleSet.load([folder]) }
        #expect(error?.message == "The rule \"fly.away\" has the undeclared type \"fly\"; add a \"type fly\" line.")
        #expect(error?.file?.hasSuffix("x.rules") == true)
        #expect(error?.line == 1 && error?.column == 15)
    }

    @Test(arguments: [
        ("travel", ["travel", "travels", "traveled", "travelled", "traveling", "travelling"]),
        ("meet", ["meet", "meets", "met", "meeting"]),
        ("spy on", ["spy on", "spies on", "spied on", "spying on"]),
        ("ban", ["ban", "bans", "banned", "banning"]),
        ("target", ["target", "targets", "targeted", "targeting"]),
        ("accuse", ["accuse", "accuses", "accused", "accusing"]),
    ])
    func inflectsVerbs(lemma: String, forms: [String]) throws {
        let rules = try RuleSet.bundled()
        #expect(Set(rules.inflector.verbForms(lemma).map(\.text)) == Set(forms))
    }

    @Test func pluralizesNouns() {
        let inflector = Inflector()
        #expect(inflector.nounForms("claim") == ["claim", "claims"])
        #expect(inflector.nounForms("inquiry") == ["inquiry", "inquiries"])
        #expect(inflector.nounForms("peace deal") == ["peace deal", "peace deals"])
        #expect(inflector.nounForms("talks") == ["talks"])
        #expect(inflector.nounForms("address") == ["address", "addresses"])
    }

    @Test func bundledRulesCoverEveryTypeTheyDeclare() throws {
        let rules = try RuleSet.bundled()
        let ruled = Set(rules.eventRules.map(\.type))
        #expect(Set(rules.eventTypes.keys) == ruled)
        #expect(rules.eventTypes["surveil"]?.plover == nil)
        #expect(rules.eventTypes["deny"]?.cameo == "016")
    }
}
