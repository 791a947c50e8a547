import Foundation
import Testing
@testable import ActorGraph

/// Gazetteer importers (spaCy patterns, GATE lists, PETRARCH dictionaries): the
/// imported .gaz matches what the source tool would match on a text written
/// for it, reports what it cannot carry over, and refuses malformed input
/// with its place.
@Suite struct ImportTests {
    static let fixtures = packageRoot.appendingPathComponent("Tests/Import")

    /// The mentions the matcher finds with `gazText` alone, as "text=entity".
    /// Lone surnames (an ActorGraph addition no source tool has) are left out.
    private func matches(of gazText: String, in text: String) throws -> [String] {
        let gazetteer = try gazetteer(gazText, name: "imported.gaz")
        let tokenized = try Tokenizer().tokenize(text)
        return EntityMatcher(gazetteer: gazetteer).matches(in: tokenized).filter { $0.via != .partial }.map { mention in
            "\(tokenized.string(ofTokens: mention.tokens))=\(mention.candidates.map(\.rawValue).joined(separator: ","))"
        }
    }

    private func fixture(_ path: String) -> URL { Self.fixtures.appendingPathComponent(path) }

    /// The warnings, with fixture paths relative to the package whatever the current folder.
    private func described(_ warnings: [ImportedGazetteer.Warning]) -> [String] {
        warnings.map { $0.description.replacingOccurrences(of: packageRoot.standardizedFileURL.path + "/", with: "") }
    }

    private func text(_ path: String) throws -> String { try String(contentsOf: fixture(path), encoding: .utf8) }

    // MARK: spaCy

    @Test func spacyPatternsMatchWhatTheEntityRulerMatches() throws {
        let imported = try SpacyPatternImporter().importFiles([fixture("spacy/patterns.jsonl")])
        // Case-sensitive where spaCy compares ORTH ("apple", "chad" do not match), folded for LOWER
        // ("nso group"); the longest match wins ("Apple Computer"). The OP and REGEX patterns are
        // left out, so "World Bank" and "U.N." match nothing.
        #expect(try matches(of: imported.gazetteerText(), in: text("spacy/text.txt")) == [
            "Apple=apple-inc", "Angela Merkel=angela-merkel", "Apple Computer=apple-inc", "Chad=chad",
            "nso group=nso-group", "iPhone PRO=iphone-pro",
        ])
        let merkel = try #require(imported.entities.first { $0.id == "angela-merkel" })
        #expect(merkel.name == "Angela Dorothea Merkel")
        #expect(merkel.externalIDs == ["wikidata": "Q567"])
        #expect(merkel.type == .person)
        #expect(imported.entriesRead == 10 && imported.entriesLeftOut == 2)
        #expect(described(imported.warnings) == [
            "patterns.jsonl:5: The label GPE is imported as country, but spaCy also labels cities, states and regions GPE; check the entities, or map the label with --type GPE=city (or place).",
            "patterns.jsonl:8: The pattern is not imported: token 2 uses OP, which an alias cannot express; only tokens that are each one LOWER, ORTH or TEXT string can be imported.",
            "patterns.jsonl:9: The pattern is not imported: token 1's TEXT is not a single string (a set, a regex or a comparison), which an alias cannot express.",
            "patterns.jsonl:10: The pattern mixes LOWER tokens with ORTH or TEXT ones; it is imported as one folded alias, which also matches the ORTH words in other capitalizations.",
        ].map { "Tests/Import/spacy/" + $0 })
    }

    @Test func spacyLowerPhraseMatchingFoldsStringPatterns() throws {
        let patterns = #"{"label": "ORG", "pattern": "Apple"}"#
        let imported = try SpacyPatternImporter(phraseAttribute: .lower).importText(patterns)
        #expect(try matches(of: imported.gazetteerText(), in: "Apple and APPLE and apple.") == ["Apple=apple", "APPLE=apple", "apple=apple"])
    }

    @Test func spacyLabelsMapAndSkipAsTold() throws {
        let patterns = """
            {"label": "GPE", "pattern": "Lyon"}
            {"label": "DATE", "pattern": "Monday"}
            {"label": "ORG", "pattern": [{"LOWER": "Obama"}]}
            """
        let options = ImportOptions(types: [try .init(parsing: "GPE=city"), try .init(parsing: "DATE=skip")])
        let imported = try SpacyPatternImporter(options: options).importText(patterns)
        #expect(imported.entities.map { "\($0.id) \($0.type)" } == ["lyon city"])
        #expect(imported.entriesLeftOut == 2 && imported.entriesSkipped == 1)
        #expect(imported.warnings.map(\.description) == [
            "patterns.jsonl:3: The pattern is not imported: token 1's LOWER \"Obama\" has capitals, so spaCy never matches it; write it in lowercase.",
        ])
    }

    @Test func aGeneratedIDNeverTakesAReservedOne() throws {
        let patterns = """
            {"label": "GPE", "pattern": "Chad"}
            {"label": "PERSON", "pattern": "Chad"}
            """
        let imported = try SpacyPatternImporter(options: ImportOptions(types: [try .init(parsing: "GPE=country")], reservedIDs: ["chad"])).importText(patterns)
        #expect(imported.entities.map(\.id) == ["chad-2", "chad-3"])
        #expect(imported.warnings.map(\.description) == [
            "patterns.jsonl:1: The id \"chad\" is taken by an entity already loaded (the bundled gazetteer); this entity is \"chad-2\".",
            "patterns.jsonl:2: The id \"chad\" is taken by an entity already loaded (the bundled gazetteer); this entity is \"chad-3\".",
        ])
        let prefixed = try SpacyPatternImporter(options: ImportOptions(types: [try .init(parsing: "GPE=country")], idPrefix: "spacy-")).importText(patterns)
        #expect(prefixed.entities.map(\.id) == ["spacy-chad", "spacy-chad-2"])
        #expect(prefixed.warnings.last?.description == "patterns.jsonl:2: The id \"spacy-chad\" is taken by the entity from patterns.jsonl:1; this entity is \"spacy-chad-2\".")
    }

    static let malformedPatterns: [(String, String)] = [
        ("not json", "p.jsonl:1: The line is not a JSON object; write one pattern per line, e.g. {\"label\": \"ORG\", \"pattern\": \"Apple\"}."),
        ("\n{\"pattern\": \"x\"}", "p.jsonl:2: The pattern has no \"label\" string; add one, e.g. \"label\": \"ORG\"."),
        (#"{"label": "ORG"}"#, "p.jsonl:1: The pattern has no \"pattern\" string or token list; add one, e.g. \"pattern\": \"Apple\"."),
        (#"{"label": "ORG", "pattern": 3}"#, "p.jsonl:1: The \"pattern\" is neither a string nor a list of tokens; write e.g. \"pattern\": \"Apple\"."),
        (#"{"label": "ORG", "pattern": ["x"]}"#, "p.jsonl:1: Token 1 of the pattern is not an object; write each token as {\"LOWER\": \"word\"}."),
        (#"{"label": "ORG", "pattern": "x", "id": 5}"#, "p.jsonl:1: The \"id\" is not a string; write it in quotes, e.g. \"id\": \"apple-inc\"."),
        (#"{"label": "ORG", "pattern": "x", "id": ""}"#, "p.jsonl:1: The \"id\" is empty; give the pattern an id, or leave the key out."),
        (#"{"label": "DATE", "pattern": "today"}"#, "p.jsonl:1: The label \"DATE\" has no ActorGraph type; map it with --type DATE=<type>[/<subtype>] (types: person, organization, country, city, place, product, group), or leave it out with --type DATE=skip."),
    ]

    @Test(arguments: malformedPatterns)
    func malformedPatternsAreErrorsWithTheirLine(_ input: String, _ message: String) {
        let error = actorGraphError { _ = try SpacyPatternImporter().importText(input, file: "p.jsonl") }
        #expect(error?.description == message)
    }

    // MARK: GATE

    @Test func gateListsMatchWhatTheGazetteerMatches() throws {
        let imported = try GATEGazetteerImporter().importFiles([fixture("gate/lists.def")])
        // GATE's gazetteer is case-sensitive by default ("paris" does not match); the first-name list
        // makes no entities ("Marie"); entries that share ISO3 or an id are one entity.
        #expect(try matches(of: imported.gazetteerText(), in: text("gate/text.txt")) == [
            "France=france", "French Republic=france", "Paris=paris", "PARIS=paris",
            "Chad=chad", "Côte d'Ivoire=cote-d-ivoire", "Ivory Coast=cote-d-ivoire", "N'Djamena=n-djamena",
            "TotalEnergies=totalenergies", "Total Energies=totalenergies", "Abidjan=abidjan",
            "Jean-Yves Le Drian=jean-yves-le-drian",
        ])
        let france = try #require(imported.entities.first { $0.id == "france" })
        #expect(france.country == "FRA" && france.externalIDs == ["iso2": "FR"])
        #expect(imported.entities.first { $0.id == "cote-d-ivoire" }?.externalIDs == ["wikidata": "Q1008"])
        #expect(imported.entities.first { $0.id == "jean-yves-le-drian" }.map { "\($0.type)/\($0.subtype ?? "")" } == "person/government")
        #expect(described(imported.warnings) == [
            "Tests/Import/gate/lists.def:4:1: The list \"person_first.lst\" (person_first:female) is not imported, 2 entries: only lists of whole names make entities; if its entries are names, map it with --type person_first:female=<type>[/<subtype>].",
            "Tests/Import/gate/lists.def:5:38: The language \"fr\" of \"ministers.lst\" is not kept; a .gaz entity has no language.",
            "Tests/Import/gate/city.lst:4:24: The feature population=4707000 has no place in a .gaz entity; it is not kept.",
        ])
    }

    @Test func gateCaseInsensitiveListsFoldAndOtherSeparatorsSplit() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "cities.lst:location:city\n".write(to: folder.appendingPathComponent("lists.def"), atomically: true, encoding: .utf8)
        try "Lyon&wikidata=Q456\n".write(to: folder.appendingPathComponent("cities.lst"), atomically: true, encoding: .utf8)
        let imported = try GATEGazetteerImporter(featureSeparator: "&", caseInsensitive: true).importFiles([folder.appendingPathComponent("lists.def")])
        #expect(imported.entities.map(\.externalIDs) == [["wikidata": "Q456"]])
        #expect(try matches(of: imported.gazetteerText(), in: "LYON or lyon") == ["LYON=lyon", "lyon=lyon"])
    }

    @Test func malformedGATEFilesAreErrorsWithTheirPlace() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let definition = folder.appendingPathComponent("lists.def")
        func importing(_ def: String, list: String = "") -> String? {
            try? def.write(to: definition, atomically: true, encoding: .utf8)
            try? list.write(to: folder.appendingPathComponent("cities.lst"), atomically: true, encoding: .utf8)
            let error = actorGraphError { _ = try GATEGazetteerImporter().importFiles([definition]) }
            return error.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }
        }
        #expect(importing("cities.lst\n") == "1:1: The line \"cities.lst\" is not list.lst:majorType[:minorType[:language[:annotationType]]]; add the major type after a colon.")
        #expect(importing("\ncities.lst:\n") == "2:12: The list \"cities.lst\" has no major type; write one after the colon, e.g. cities.lst:location:city.")
        #expect(importing("towns.lst:location:city\n") == "1:1: The list \"towns.lst\" is not next to lists.def; check its name or put it there.")
        // A list that names a folder or a device is refused at its line, before anything is read (found by the import
        // fuzz target: a folder gave an unreadable-input error with no place; a device such as /dev/zero would never end).
        #expect(importing(" . :location:city\n") == "1:1: The list \".\" is a folder or a device, not a file; name a .lst file.")
        let device = String(repeating: "../", count: folder.pathComponents.count) + "dev/null"
        #expect(importing("\(device):location:city\n") == "1:1: The list \"\(device)\" is a folder or a device, not a file; name a .lst file.")
        #expect(importing("cities.lst:location:city\n", list: "Lyon\nParis:Q90\n") == "2:7: The feature \"Q90\" has no \"=\"; write name=value, or check that the lists use \":\" as their feature separator (--separator).")
    }

    // MARK: PETRARCH

    private func petrarch() throws -> ImportedGazetteer {
        try PetrarchActorImporter(options: ImportOptions(types: [try .init(parsing: "???REB=group")])).importFiles([fixture("petrarch/actors.txt")])
    }

    @Test func petrarchDictionariesMatchWhatTheCoderMatches() throws {
        let imported = try petrarch()
        // PETRARCH upper-cases the text, so every phrase folds; entries after ---STOP--- are not read.
        #expect(try matches(of: imported.gazetteerText(), in: text("petrarch/text.txt")) == [
            "Barack Obama=barack-obama", "French Republic=france", "President Obama=barack-obama", "UN=united-nations",
            "France=france", "Angela Merkel=angela-merkel", "Hamas movement=hamas-movement",
        ])
        #expect(imported.entities.map { "\($0.id) \(ActorKind($0.type, subtype: $0.subtype)) \($0.country ?? "-") \($0.externalIDs["cameo"] ?? "-")" } == [
            "france country FRA FRA", "united-nations organization/igo - IGOUNO", "barack-obama person USA -",
            "angela-merkel person DEU DEUELI", "hamas-movement group PSE PSEREB",
        ])
        #expect(described(imported.warnings) == [
            "Tests/Import/petrarch/actors.txt:18:1: The entry \"NOBODY_IN_PARTICULAR_\" is not imported: it has no code but the null code [---], so PETRARCH codes nothing for it.",
        ])
    }

    @Test func petrarchDatesAreKeptAsRolesThatHoldOnTheDocumentDate() throws {
        let imported = try petrarch()
        let obama = try #require(imported.entities.first { $0.id == "barack-obama" })
        #expect(obama.roles == [
            Entity.Role(title: "cameo:USAELI", from: Day(year: 1961, month: 8, day: 4), to: Day(year: 2009, month: 1, day: 19)),
            Entity.Role(title: "cameo:USAGOV", from: Day(year: 2009, month: 1, day: 20), to: Day(year: 2017, month: 1, day: 20)),
            Entity.Role(title: "cameo:USAELI", from: Day(year: 2017, month: 1, day: 21)),
        ])
        // Two-digit years: 05 is 2005, 21 is 2021.
        #expect(imported.entities.first { $0.id == "angela-merkel" }?.roles == [
            Entity.Role(title: "cameo:DEUGOV", from: Day(year: 2005, month: 11, day: 22), to: Day(year: 2021, month: 12, day: 8)),
        ])
        let extractor = try Extractor(gazetteer: gazetteer(imported.gazetteerText()), rules: RuleSet.bundled())
        let text = "Barack Obama met Angela Merkel in Berlin."
        let in2012 = try extractor.extract(text, date: "2012-05-01")
        #expect(in2012.actor("barack-obama")?.roles == [ArticleGraph.RoleNode(title: "cameo:USAGOV", of: nil, from: "2009-01-20", to: "2017-01-20")])
        #expect(in2012.actor("angela-merkel")?.ids == ["cameo": "DEUELI"])
        let in2018 = try extractor.extract(text, date: "2018-05-01")
        #expect(in2018.actor("barack-obama")?.roles == [ArticleGraph.RoleNode(title: "cameo:USAELI", of: nil, from: "2017-01-21", to: nil)])
        #expect(in2018.actor("angela-merkel")?.roles == [ArticleGraph.RoleNode(title: "cameo:DEUGOV", of: nil, from: "2005-11-22", to: "2021-12-08")])
    }

    static let petrarchKinds: [(String, Bool, String)] = [
        ("AFG", false, "country"), ("USAELI", false, "person"), ("ELI", false, "person"), ("IGOUNO", false, "organization/igo"),
        ("IGOUNO", true, "person"), ("NGO", false, "organization/ngo"), ("MNCUSA", false, "organization/company"), ("IMGMUS", false, "group"),
    ]

    @Test(arguments: petrarchKinds)
    func petrarchKindsFollowTheCode(_ code: String, _ dated: Bool, _ kind: String) {
        #expect(PetrarchActorImporter().kind(forCode: code, dated: dated)?.description == kind)
    }

    @Test func petrarchCodePatternsOverrideTheRule() throws {
        let importer = PetrarchActorImporter(options: ImportOptions(types: [try .init(parsing: "EUR=place/region"), try .init(parsing: "IGO*=skip")]))
        #expect(importer.kind(forCode: "EUR", dated: false) == ActorKind(.place, subtype: "region"))
        #expect(importer.kind(forCode: "IGOUNO", dated: true) == nil)
        #expect(PetrarchActorImporter.matches("USAGOV", pattern: "???GOV") && PetrarchActorImporter.matches("USAGOVPRS", pattern: "USA*"))
        #expect(!PetrarchActorImporter.matches("USAGOVPRS", pattern: "???GOV"))
    }

    static let malformedDictionaries: [(String, String)] = [
        ("+OBAMA_\n", "d.txt:1:1: The synonym comes before any entry; put it under the entry's phrase."),
        ("OBAMA_ [USAGOV\n", "d.txt:1:8: The code \"[USAGOV\" has no closing ]; add it."),
        ("OBAMA_\n\t[USAGOV 20090230-20170120]\n", "d.txt:2:2: \"20090230\" is not a day of the calendar; check the month and the day."),
        ("OBAMA_\n\t[USAGOV 20170120-20090120]\n", "d.txt:2:2: The restriction \"20170120-20090120\" of USAGOV ends (2009-01-20) before it starts (2017-01-20); check the dates."),
        ("OBAMA_ [USAGOV >2009012]\n", "d.txt:1:8: The date \"2009012\" in [USAGOV >2009012] is neither YYYYMMDD nor YYMMDD; write e.g. 20090120."),
        ("OBAMA_ [USAGOV 2009-2017]\n", "d.txt:1:8: The date \"2009\" in [USAGOV 2009-2017] is neither YYYYMMDD nor YYMMDD; write e.g. 20090120."),
        ("OBAMA_ [USAGOV ~20090120]\n", "d.txt:1:8: The restriction \"~20090120\" of USAGOV is not <date, >date or date-date; write e.g. [USAGOV 20090120-20170120]."),
        ("OBAMA_ [usagov]\n", "d.txt:1:8: The code \"usagov\" is not a CAMEO code; write capital letters and digits, e.g. USAGOV."),
        ("OBAMA_ [USA] extra\n", "d.txt:1:14: Unexpected text \"extra\" after the codes; codes go in [brackets] and comments after #."),
        ("OBAMA_\n  OBAMA_BARACK_\n", "d.txt:2:3: An indented line must be a code in [brackets] or a synonym starting with +; start an entry's phrase at the first column."),
        ("OBAMA_\n+BARACK_ [USA]\n", "d.txt:2:10: A synonym line cannot carry codes; put them on the entry's line, or on a line of their own that starts with [."),
        // An unclosed comment names where it starts (found by the import fuzz target: it named no line).
        ("<!-- never closed\nOBAMA_ [USA]\n", "d.txt:1:1: The comment that starts here with <!-- is never closed; end it with -->."),
        ("OBAMA_ [USA] <!-- closed -->\nX_ [FRA] <!-- open\n+Y_\n", "d.txt:2:10: The comment that starts here with <!-- is never closed; end it with -->."),
    ]

    @Test(arguments: malformedDictionaries)
    func malformedDictionariesAreErrorsWithTheirPlace(_ input: String, _ message: String) {
        let error = actorGraphError { _ = try PetrarchActorImporter().importText(input, file: "d.txt") }
        #expect(error?.description == message)
    }

    @Test func petrarchReportsWhatItCannotKeep() throws {
        let dictionary = """
            JOHN_SMITH_ [USAELI] [USAGOV]
            CARLOS SANTOS_CRUZ_ [IGOUNO]
            OTHER_JOHN_SMITH_
            +JOHN_SMITH_
            \t[USABUS]
            """
        let imported = try PetrarchActorImporter().importText(dictionary)
        #expect(imported.warnings.map(\.description) == [
            "actors.txt:1:22: PETRARCH uses only the first code without dates ([USAELI] on line 1); [USAGOV] is not kept.",
            "actors.txt:2:1: In \"CARLOS SANTOS_CRUZ_\" a space joins words, which lets PETRARCH match them with other words between; the alias matches them only side by side.",
            "actors.txt:4:2: The phrase \"JOHN_SMITH_\" is also a phrase of the entry at actors.txt:1; both entities get the alias, and the resolver chooses between them.",
        ])
        #expect(imported.entities.map(\.id) == ["john-smith", "carlos-santos-cruz", "other-john-smith"])
    }

    // MARK: Messages

    /// Warnings and errors quote the input, which may hold control characters and line breaks
    /// that lines are not split at (found by the import fuzz target: a vertical tab in a
    /// PETRARCH phrase broke its warning in two). They are shown escaped, so each message is one line.
    @Test func controlCharactersInTheInputAreShownEscapedInMessages() throws {
        let petrarch = try PetrarchActorImporter().importText("FRANCE_\u{B}REPUBLIC_\n")
        #expect(petrarch.warnings.map(\.description) == [
            "actors.txt:1:1: The entry \"FRANCE_<U+000B>REPUBLIC_\" is not imported: it has no code, so PETRARCH codes nothing for it.",
        ])
        let spacy = try SpacyPatternImporter().importText(#"{"label": "ORG", "pattern": "Apple", "note\u2028": 1}"#)
        #expect(spacy.warnings.map(\.description) == [
            "patterns.jsonl:1: The key \"note<U+2028>\" is not kept; an imported pattern keeps its label, pattern and id.",
        ])
        let error = actorGraphError { _ = try PetrarchActorImporter().importText("OBAMA_ [USA\u{1B}GOV]\n", file: "d.txt") }
        #expect(error?.description == "d.txt:1:8: The code \"USA<U+001B>GOV\" is not a CAMEO code; write capital letters and digits, e.g. USAGOV.")
    }

    /// One entity with many aliases: the same words written again are kept once, and a folded
    /// pattern makes an earlier exact one fold, however far back it is.
    @Test func manyPatternsOfOneIDKeepEachWordingOnce() throws {
        let exact = (1 ... 500).map { #"{"label": "ORG", "pattern": "Brand \#($0)", "id": "b"}"# }
        let folded = (1 ... 500).map { #"{"label": "ORG", "pattern": [{"LOWER": "brand"}, {"LOWER": "\#($0)"}], "id": "b"}"# }
        let again = (1 ... 500).map { #"{"label": "ORG", "pattern": "BRAND \#($0)", "id": "b"}"# }
        let imported = try SpacyPatternImporter().importText((exact + folded + again).joined(separator: "\n"))
        let brand = try #require(imported.entities.first)
        #expect(imported.entities.count == 1 && brand.aliases.count == 500)
        #expect(brand.aliases.map(\.text) == (1 ... 500).map { "Brand \($0)" })
        #expect(brand.aliases.allSatisfy { !$0.caseSensitive })
    }

    // MARK: Output

    @Test func importsAreDeterministic() throws {
        let first = try SpacyPatternImporter().importFiles([fixture("spacy/patterns.jsonl")]).gazetteerText(header: ["h"])
        let second = try SpacyPatternImporter().importFiles([fixture("spacy/patterns.jsonl")]).gazetteerText(header: ["h"])
        #expect(first == second)
        let gate = try GATEGazetteerImporter().importFiles([fixture("gate/lists.def")]).gazetteerText()
        #expect(gate == (try GATEGazetteerImporter().importFiles([fixture("gate/lists.def")]).gazetteerText()))
    }

    @Test func theWriterWritesTheBundledGazetteerBackAsItWas() throws {
        let bundled = Array(try Gazetteer.bundled().entities)
        // The writer parses its own output and compares every entity, so a lossy write would throw here.
        let text = try GazetteerWriter().text(of: bundled)
        let parsed = try GazetteerParser(file: "all.gaz").parse(text)
        #expect(parsed.entities == bundled)
    }

    @Test func theWriterRefusesWhatTheFormatCannotHold() {
        func refusal(_ entity: Entity) -> String? { actorGraphError { _ = try GazetteerWriter().text(of: [entity]) }?.message }
        let hash = Entity(id: "x", type: .organization, name: "X", aliases: [.init(text: "X", kind: .name), .init(text: "We are #1", kind: .alias)])
        #expect(refusal(hash) == "Entity \"x\" cannot be written as .gaz: its alias \"We are #1\" cannot be a value, because a \"#\" at its start or after a space would start a comment.")
        let twin = Entity(id: "x", type: .country, name: "Chad", aliases: [.init(text: "Chad", kind: .name), .init(text: "Chad", kind: .alias, caseSensitive: true)])
        #expect(refusal(twin) == "Entity \"x\" cannot be written as .gaz: the case-sensitive alias \"Chad\" repeats its folded name, which the format reads as a case-sensitive name.")
        let comma = Entity(id: "x", type: .country, name: "X", aliases: [.init(text: "X", kind: .name), .init(text: "A, B", kind: .demonym)])
        #expect(refusal(comma) == "Entity \"x\" cannot be written as .gaz: the demonym \"A, B\" holds a comma, which separates demonyms.")
        let noName = Entity(id: "x", type: .country, name: "X")
        #expect(refusal(noName) == "Entity \"x\" cannot be written as .gaz: its first alias, and only that one, must be its name.")
    }

    // MARK: The format's external ids and coded roles

    @Test func externalIDsAndCodedRolesLoadCompileAndLint() throws {
        let text = """
            entity obama person
              name Barack Obama
              id cameo USAELI
              id iso2 US
              role cameo:USAGOV | from=2009-01-20 | to=2017-01-20
            """
        let source = try gazetteer(text)
        let entity = try #require(source["obama"])
        #expect(entity.externalIDs == ["cameo": "USAELI", "iso2": "US"])
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("small.agz")
        try source.compiledData(includesBundled: false).write(to: file)
        #expect(try Gazetteer.load([file])["obama"] == entity)
        let findings = try GazetteerLint(gazetteer: source, rules: RuleSet.bundled()).findings()
        #expect(!findings.contains { $0.severity == .error })
        #expect(GazetteerParser.isCodedTitle("cameo:USAGOV") && !GazetteerParser.isCodedTitle("President") && !GazetteerParser.isCodedTitle("cameo: X"))
    }

    static let badIDs: [(String, String)] = [
        ("id cameo", "test.gaz:3:6: The id \"cameo\" needs a scheme and one value without spaces, e.g. \"id cameo USAGOV\"."),
        ("id wikidata Q76", "test.gaz:3:3: Write the wikidata id with its own key: \"wikidata Q76\"."),
        ("id Cameo X", "test.gaz:3:6: The id scheme \"Cameo\" may use only lowercase letters, digits and hyphens, e.g. \"cameo\"."),
        ("id cameo X\n  id cameo Y", "test.gaz:4:3: Entity \"x\" has a second cameo id \"Y\"; keep one."),
    ]

    @Test(arguments: badIDs)
    func malformedIDLinesAreRefused(_ line: String, _ message: String) {
        let error = actorGraphError { _ = try gazetteer("entity x person\n  name X\n  \(line)\n") }
        #expect(error.map { "test.gaz:\($0.line ?? 0):\($0.column ?? 0): \($0.message)" } == message)
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
