import Foundation
import Testing
@testable import ActorGraph

/// brat standoff, CoNLL BIO tags and PLOVER records, checked by the rules of
/// the tools that read them: brat's parser and configuration, CoNLL readers,
/// JSON Lines.
@Suite struct ExportInterchangeTests {
    static let corpusTexts: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)) ?? [])
        .filter { $0.hasSuffix(".txt") }.sorted()

    /// A hand-written text: non-ASCII names, a CRLF line break inside a name, an emoji with a skin tone.
    static let wrappedName = "European Commission President Ursula von\r\nder Leyen visited Kraków on Friday. Zoë Schmidt of the Élysée said the talks in Kyiv went well 👍🏽.\n"

    private func document(_ name: String) throws -> (ArticleGraph, SourceText) {
        let text = try String(contentsOf: corpusFolder.appendingPathComponent(name), encoding: .utf8)
        return (try extractor().extract(text, date: "2021-07-27", id: String(name.dropLast(4))), try SourceText(text))
    }

    private func document(text: String, id: String = "hand") throws -> (ArticleGraph, SourceText) {
        (try extractor().extract(text, date: "2021-07-27", id: id), try SourceText(text))
    }

    // MARK: brat

    @Test(arguments: corpusTexts)
    func bratFilesOfTheCorpusAreValidStandoff(name: String) throws {
        let (graph, source) = try document(name)
        let brat = try BratAnnotations(graph: graph, source: source)
        let standoff = try Standoff(brat.render(), text: source.text)
        try standoff.expectDeclared(in: BratConfiguration(brat.annotationConfiguration()))
        #expect(standoff.entityCount == Set(graph.actors.flatMap { actor in actor.mentions.map { "\(actor.id) \($0.start) \($0.end)" } }).count)
        #expect(standoff.events.count == graph.events.count)
        #expect(standoff.attributes.count == graph.events.count)
    }

    @Test func oneConfigurationServesEveryDocumentOfTheCorpus() throws {
        let documents = try Self.corpusTexts.map { name in
            let (graph, source) = try document(name)
            return (try BratAnnotations(graph: graph, source: source), source)
        }
        let configuration = try BratConfiguration(BratAnnotations.annotationConfiguration(for: documents.map(\.0)))
        for (brat, source) in documents {
            try Standoff(brat.render(), text: source.text).expectDeclared(in: configuration)
        }
        #expect(configuration.entities == ["Person", "Organization", "Country", "City", "Place", "Product", "Group"])
        #expect(configuration.events["Lift-sanctions"] != nil)
        #expect(configuration.events["Visit"]?["Denies"] == ["<EVENT>"])
        #expect(configuration.attributes["Factuality"] == Factuality.allCases.map(\.rawValue))
    }

    @Test func seedArticleReadsAsAReviewerExpects() throws {
        let (graph, source) = try document("000-seed.txt")
        let ann = try BratAnnotations(graph: graph, source: source).render()
        let lines = ann.split(separator: "\n").map(String.init)
        #expect(lines.first == "T1\tPerson 0 5\tGantz")
        #expect(lines.contains("T2\tCity 17 22\tParis"))
        #expect(lines.contains("#1\tAnnotatorNotes T1\tbenny-gantz: Benny Gantz (partial)"))
        // "Gantz heading to Paris": the visit's source and destination are the first two mentions.
        let visit = try #require(lines.first { $0.hasPrefix("E1\t") })
        #expect(visit.hasPrefix("E1\tVisit:T") && visit.hasSuffix(" Source:T1 Destination:T2"))
        let trigger = String(visit.dropFirst("E1\tVisit:".count).prefix { $0 != " " })
        #expect(lines.contains { $0.hasPrefix("\(trigger)\tVisit ") && $0.hasSuffix("\theading to") })
        #expect(lines.contains("A1\tFactuality E1 planned"))
        #expect(lines.contains { $0.hasPrefix("E19\tDeny:") && $0.hasSuffix(" Denies:E15") })
        #expect(lines.contains("R1\tholds-role Arg1:T1 Arg2:T10"))
        #expect(lines.contains("#104\tAnnotatorNotes R1\tholds-role from gazetteer; title Defense Minister"))
        #expect(lines.contains { $0.hasPrefix("#") && $0.contains("AnnotatorNotes E1\te1; rule visit.") && $0.contains("time 'this week' = 2021-W30") })
        #expect(try BratAnnotations(graph: graph, source: source).render() == ann)
    }

    @Test func nameAcrossALineBreakIsTwoPiecesOfOneEntity() throws {
        let (graph, source) = try document(text: Self.wrappedName)
        let brat = try BratAnnotations(graph: graph, source: source)
        let standoff = try Standoff(brat.render(), text: source.text)
        try standoff.expectDeclared(in: BratConfiguration(brat.annotationConfiguration()))
        // "von\r\n" ends at 40; "der" starts at 42: CR and LF are left out, the pieces do not touch.
        #expect(brat.render().contains("\tPerson 30 40;42 51\tUrsula von der Leyen\n"))
        #expect(brat.render().contains("\tCity 60 66\tKraków\n"))
        #expect(brat.render().contains("\tOrganization 97 103\tÉlysée\n"))
    }

    @Test func handBuiltSpansWithEveryLineBoundaryStayOnOneLine() throws {
        // Python's str.splitlines, which brat reads .ann files with, breaks at all of these.
        for boundary in ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"] {
            let text = "Gabriel\(boundary) Attal met Zoë in Kraków."
            let source = try SourceText(text)
            let end = text.unicodeScalars.firstIndex(of: "m").map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) - 1 } ?? 0
            let graph = HandGraph(text).actor("gabriel-attal", "Gabriel Attal", .person, 0 ..< end).graph
            let ann = try BratAnnotations(graph: graph, source: source).render()
            let standoff = try Standoff(ann, text: text)
            #expect(standoff.entityCount == 1)
            let attalStart = 7 + boundary.unicodeScalars.count + 1
            #expect(ann.hasPrefix("T1\tPerson 0 7;\(attalStart) \(attalStart + 5)\tGabriel Attal\n"), "\(boundary.unicodeScalars.map(\.value))")
        }
    }

    @Test func typeNamesAreMadeSafeForBrat() throws {
        #expect(BratNames.eventType("lift-sanctions") == "Lift-sanctions")
        #expect(BratNames.eventType("cyber attack/ünïcode") == "Cyber_attack__n_code")
        #expect(BratNames.eventType("place") == "Place_event")
        #expect(BratNames.relationType("works for") == "works_for")
        #expect(BratNames.argumentRole("responds-to") == "Responds-to")
        #expect(BratNames.argumentRole("phase2") == "Phase2_")
        #expect(BratNames.storageForm("") == "_")

        let text = "Gabriel Attal met Zoë in Kraków."
        let graph = HandGraph(text)
            .actor("gabriel-attal", "Gabriel Attal", .person, 0 ..< 13)
            .actor("krakow", "Kraków", .city, 25 ..< 31)
            .event("e1", type: "cyber attack", trigger: 14 ..< 17, roles: [(.source, "gabriel-attal", 0 ..< 13), (.place, "krakow", 25 ..< 31)])
            .relation("works for", "gabriel-attal", "krakow")
            .graph
        let brat = try BratAnnotations(graph: graph, source: SourceText(text))
        let ann = brat.render()
        #expect(ann.contains("E1\tCyber_attack:T3 Source:T1 Place:T2\n"))
        #expect(ann.contains("R1\tworks_for Arg1:T1 Arg2:T2\n"))
        let configuration = try BratConfiguration(brat.annotationConfiguration())
        try Standoff(ann, text: text).expectDeclared(in: configuration)
        #expect(configuration.relations == ["works_for"])
    }

    @Test func roleSpanWithoutAMentionGetsItsOwnEntity() throws {
        let text = "Israeli troops entered Gaza."
        let graph = HandGraph(text)
            .actor("israel", "Israel", .country, 0 ..< 7, via: .demonym)
            .actor("gaza", "Gaza", .place, 23 ..< 27)
            .event("e1", type: "attack", trigger: 15 ..< 22, roles: [(.source, "israel", 0 ..< 14), (.target, "gaza", 23 ..< 27), (.target, "gaza", 23 ..< 27)])
            .graph
        let brat = try BratAnnotations(graph: graph, source: SourceText(text))
        let ann = brat.render()
        #expect(ann.contains("T2\tCountry 0 14\tIsraeli troops\n"))
        #expect(ann.contains("#2\tAnnotatorNotes T2\tisrael: Israel (role span)\n"))
        #expect(ann.contains("E1\tAttack:T4 Source:T2 Target:T3 Target2:T3\n"))
        try Standoff(ann, text: text).expectDeclared(in: BratConfiguration(brat.annotationConfiguration()))
    }

    @Test func graphOfAnotherTextIsRefusedWithTheReason() throws {
        let (graph, _) = try document("000-seed.txt")
        let other = try SourceText(Self.wrappedName)
        let error = actorGraphError { _ = try BratAnnotations(graph: graph, source: other) }
        #expect(error?.code == .graphTextMismatch)
        #expect(error?.description == "Document '000-seed': the graph counts 3109 scalars but the text has 141; pass the SourceText of the exact text the graph was extracted from.")

        let text = "Gabriel Attal met Zoë in Kraków."
        var shifted = HandGraph(text).actor("gabriel-attal", "Gabriel Attal", .person, 0 ..< 13).graph
        shifted.actors[0].mentions[0].start = 1
        shifted.actors[0].mentions[0].end = 14
        let mismatch = actorGraphError { _ = try BIOTags(graph: shifted, source: SourceText(text)) }
        #expect(mismatch?.description == "Document 'hand': the mention of 'gabriel-attal' 'Gabriel Attal' at 1..<14 reads 'abriel Attal ' in the text; pass the SourceText of the exact text the graph was extracted from.")
        var unknown = HandGraph(text).actor("gabriel-attal", "Gabriel Attal", .person, 0 ..< 13).graph
        unknown.events = [HandGraph.event("e1", "meet", 14 ..< 17, roles: [(.target, "zoe", 18 ..< 21)], in: text)]
        let reference = actorGraphError { _ = try PLOVERRecord.records(of: unknown, source: SourceText(text)) }
        #expect(reference?.description == "Document 'hand': the target of event 'e1' is 'zoe', which is not an actor of the graph; pass the SourceText of the exact text the graph was extracted from.")
    }

    // MARK: BIO

    @Test(arguments: corpusTexts)
    func bioTokensLineUpAndTagsAreWellFormed(name: String) throws {
        let (graph, source) = try document(name)
        for labels in BIOTags.LabelSet.allCases {
            let bio = try BIOTags(graph: graph, source: source, labels: labels)
            try expectWellFormed(bio.render(), graph: graph, source: source, labels: labels)
        }
    }

    @Test func bioOfTheSeedUsesCoNLLLabelsOrActorTypes() throws {
        let (graph, source) = try document("000-seed.txt")
        let conll = try BIOTags(graph: graph, source: source).render()
        #expect(conll.hasPrefix("-DOCSTART-\tO\n\nGantz\tB-PER\nheading\tO\nto\tO\nParis\tB-LOC\n"))
        #expect(conll.contains("\nFrench\tB-MISC\ncounterpart\tO\n"))
        #expect(conll.contains("\nBenny\tB-PER\nGantz\tI-PER\n"))
        #expect(conll.contains("\nNSO\tB-ORG\n"))
        #expect(conll.contains("\nPegasus\tB-MISC\n"))
        #expect(conll.contains("\nhis\tO\n"))
        let types = try BIOTags(graph: graph, source: source, labels: .actorTypes).render()
        #expect(types.contains("\nFrench\tB-COUNTRY\ncounterpart\tO\n"))
        #expect(types.contains("\nPegasus\tB-PRODUCT\n"))
        let everything = try BIOTags(graph: graph, source: source, mentionKinds: Set(MentionVia.allCases)).render()
        #expect(everything.contains("\nhis\tB-PER\n"))
        #expect(everything.contains("\ncounterpart\tB-PER\n"))
    }

    @Test func bioOfHandWrittenTextKeepsNonASCIITokensWhole() throws {
        let (graph, source) = try document(text: Self.wrappedName)
        let bio = try BIOTags(graph: graph, source: source)
        try expectWellFormed(bio.render(), graph: graph, source: source, labels: .conll2003)
        #expect(bio.render().contains("\nUrsula\tB-PER\nvon\tI-PER\nder\tI-PER\nLeyen\tI-PER\nvisited\tO\nKraków\tB-LOC\n"))
        #expect(bio.render().contains("\nZoë\tO\n"))
        #expect(bio.render().contains("\n👍🏽\tO\n.\tO\n\n"))
    }

    @Test func tokenCutByAMentionTakesItsTagAndOverlapsGoToTheFirst() throws {
        let text = "Macron2022 backers met Benny Gantz."
        let graph = HandGraph(text)
            .actor("emmanuel-macron", "Emmanuel Macron", .person, 0 ..< 6)
            .actor("benny-gantz", "Benny Gantz", .person, 23 ..< 34)
            .actor("gantz-family", "Gantz family", .group, 29 ..< 34)
            .graph
        let bio = try BIOTags(graph: graph, source: SourceText(text))
        #expect(bio.sentences.first?.map(\.tag) == ["B-PER", "O", "O", "B-PER", "I-PER", "O"])
        #expect(bio.sentences.first?.first?.text == "Macron2022")
    }

    @Test func mentionAcrossASentenceBreakStartsAgainWithB() throws {
        let text = "They met Benny.\nGantz left."
        let source = try SourceText(text)
        #expect(source.sentences.count == 2)
        let graph = HandGraph(text).actor("benny-gantz", "Benny Gantz", .person, 9 ..< 21).graph
        let bio = try BIOTags(graph: graph, source: source)
        #expect(bio.render() == "-DOCSTART-\tO\n\nThey\tO\nmet\tO\nBenny\tB-PER\n.\tI-PER\n\nGantz\tB-PER\nleft\tO\n.\tO\n\n")
    }

    @Test func documentsConcatenateIntoOneCoNLLFile() throws {
        let first = try document("000-seed.txt"), second = try document(text: Self.wrappedName)
        let file = try BIOTags(graph: first.0, source: first.1).render() + BIOTags(graph: second.0, source: second.1).render()
        let documents = file.components(separatedBy: "-DOCSTART-\tO\n\n").dropFirst()
        #expect(documents.count == 2)
        #expect(documents.last?.components(separatedBy: "\n\n").filter { !$0.isEmpty }.count == second.1.sentences.count)
        #expect(try BIOTags(graph: HandGraph("").graph, source: SourceText("")).render() == "-DOCSTART-\tO\n\n")
    }

    @Test func tokensNeverHoldWhitespaceEvenInHostileText() throws {
        let hostile = "A\u{00A0}B\tC\u{2028}D\u{2029}E\u{85}F\u{0B}G\u{0C}H\r\nI \u{301}J\u{200D}K\u{3000}L\u{1680}M שלום  العربية 🇫🇷 e\u{301}"
        for text in [hostile] + (try Self.corpusTexts.map { try String(contentsOf: corpusFolder.appendingPathComponent($0), encoding: .utf8) }) {
            let source = try SourceText(text)
            for token in source.tokens {
                let value = source.slice(token)
                #expect(!value.isEmpty && !value.unicodeScalars.contains { $0.properties.isWhitespace }, "\(value.unicodeScalars.map(\.value))")
            }
        }
    }

    // MARK: PLOVER

    @Test(arguments: corpusTexts)
    func ploverRecordsAreJSONLinesWithTheNamedFields(name: String) throws {
        let (graph, source) = try document(name)
        let records = try PLOVERRecord.records(of: graph, source: source)
        #expect(records.count == graph.events.filter { $0.plover != nil }.count)
        let lines = try String(decoding: PLOVERRecord.jsonLines(records), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == records.count + 1 && lines.last == "")
        for (line, record) in zip(lines, records) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for field in ["id", "story_id", "event_id", "date", "date_basis", "publication_date", "event", "event_type", "quad_code",
                          "factuality", "source", "recipient", "event_text", "text_info", "trigger", "confidence", "rule", "coder"] {
                #expect(object[field] != nil, "\(name) \(record.id): no \(field)")
            }
            for actor in ((object["source"] as? [[String: Any]]) ?? []) + ((object["recipient"] as? [[String: Any]]) ?? []) {
                for field in ["actor_text", "identifier_id", "identifier_text", "actor_type", "start", "end"] { #expect(actor[field] != nil) }
            }
            #expect(record.eventText == source.sentence(record.textInfo.sequence))
            #expect(try JSONDecoder().decode(PLOVERRecord.self, from: Data(line.utf8)) == record)
        }
    }

    @Test func seedVisitIsAPlannedConsultVisit() throws {
        let (graph, source) = try document("000-seed.txt")
        let records = try PLOVERRecord.records(of: graph, source: source)
        let visit = try #require(records.first)
        #expect(visit.id == "000-seed-e1" && visit.storyID == "000-seed" && visit.eventID == "e1")
        #expect(visit.event == ["CONSULT"] && visit.eventType == "visit" && visit.cameo == "042" && visit.quadCode == 1)
        #expect(visit.mode == ["visit"] && visit.context == ["future"] && visit.factuality == .planned)
        // "this week" is 2021-W30, not a day: the record has the publication date.
        #expect(visit.date == "2021-07-27" && visit.dateBasis == .document && visit.timeExpression?.value == "2021-W30")
        #expect(visit.source.map(\.identifierID) == ["benny-gantz"] && visit.source.first?.actorText == "Gantz" && visit.source.first?.code == "ISR")
        #expect(visit.recipient.map(\.identifierID) == ["paris"] && visit.recipient.first?.code == "FRA")
        #expect(visit.eventText == "Gantz heading to Paris in wake of Macron spyware claim")
        #expect(visit.trigger == PLOVERRecord.TextSpan(text: "heading to", start: 6, end: 16))
        #expect(!records.contains { ["statement", "report", "deny", "surveil", "regulate"].contains($0.eventType) })
        let accusation = try #require(records.first { $0.eventID == "e4" })
        #expect(accusation.event == ["DISAPPROVE"] && accusation.quadCode == 3 && accusation.context == nil && accusation.mode == nil)
        #expect(accusation.attributedTo?.identifierID == "israel-ministry-of-defense" && accusation.attributedTo?.actorText == nil)
        #expect(try PLOVERRecord.jsonLines(records) == PLOVERRecord.jsonLines(PLOVERRecord.records(of: graph, source: source)))
        let line = try String(decoding: visit.jsonData(), as: UTF8.self)
        #expect(line.hasPrefix("{\"cameo\":\"042\",\"coder\":\"ActorGraph\",\"confidence\":"))
    }

    @Test func eventDayComesFromItsOwnTimeWhenItIsADay() throws {
        let (graph, source) = try document(text: Self.wrappedName)
        let visit = try #require(try PLOVERRecord.records(of: graph, source: source).first)
        #expect(visit.date == "2021-07-23" && visit.dateBasis == .event && visit.publicationDate == "2021-07-27")
        #expect(visit.source.first?.actorText == "Ursula von\r\nder Leyen" && visit.source.first?.wikidata != nil)
        #expect(visit.eventText == "European Commission President Ursula von\r\nder Leyen visited Kraków on Friday.")
        let undated = try extractor().extract(Self.wrappedName, date: nil, id: nil)
        let records = try PLOVERRecord.records(of: undated, source: source)
        #expect(records.first?.id == "e1" && records.first?.storyID == nil)
        #expect(records.allSatisfy { $0.dateBasis != .document && $0.publicationDate == nil })
    }

    @Test func sectorsAndModesFollowPLOVER() {
        #expect(PLOVERRecord.mode(of: "release", category: "RETREAT") == "release")
        #expect(PLOVERRecord.mode(of: "host", category: "CONSULT") == nil)
        #expect(Factuality.allCases.compactMap(PLOVERRecord.context(of:)) == ["future", "hypothetical", "negation"])
        #expect(PLOVERRecord.sectorCodes["military"] == "MIL" && PLOVERRecord.sectorCodes["ngo"] == nil)
        #expect(Set(PLOVERRecord.quadCodes.values) == [1, 2, 3, 4])
    }

    // MARK: Helpers

    /// Expects `conll` to be well-formed BIO over exactly the tokens of `source`, covering every tagged mention.
    private func expectWellFormed(_ conll: String, graph: ArticleGraph, source: SourceText, labels: BIOTags.LabelSet,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(conll.hasPrefix("-DOCSTART-\tO\n\n"), sourceLocation: sourceLocation)
        #expect(conll.hasSuffix("\n\n"), sourceLocation: sourceLocation)
        let blocks = conll.dropFirst("-DOCSTART-\tO\n\n".count).split(separator: "\n\n", omittingEmptySubsequences: true)
        #expect(blocks.count == source.sentences.count, sourceLocation: sourceLocation)
        var tokens: [String] = [], tags: [String] = []
        for block in blocks {
            var previous = "O"
            for line in block.split(separator: "\n") {
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                try #require(columns.count == 2, "\(line)", sourceLocation: sourceLocation)
                let tag = String(columns[1])
                if tag.hasPrefix("I-") {
                    #expect(previous.dropFirst(2) == tag.dropFirst(2) && previous != "O", "\(previous) then \(tag)", sourceLocation: sourceLocation)
                } else {
                    #expect(tag == "O" || tag.hasPrefix("B-"), sourceLocation: sourceLocation)
                }
                tokens.append(String(columns[0]))
                tags.append(tag)
                previous = tag
            }
        }
        #expect(tokens == source.tokens.map { source.slice($0) }, sourceLocation: sourceLocation)
        for actor in graph.actors {
            for mention in actor.mentions {
                let overlapping = source.tokens.indices.filter { source.tokens[$0].overlaps(mention.start ..< mention.end) }
                let label = labels.label(for: actor.type, via: mention.via)
                if BIOTags.namedMentions.contains(mention.via) {
                    #expect(tags[overlapping[0]] == "B-\(label)", "\(mention.text)", sourceLocation: sourceLocation)
                    #expect(overlapping.dropFirst().allSatisfy { tags[$0] == "I-\(label)" }, "\(mention.text)", sourceLocation: sourceLocation)
                } else {
                    #expect(overlapping.allSatisfy { tags[$0] == "O" }, "\(mention.text)", sourceLocation: sourceLocation)
                }
            }
        }
    }
}

/// A graph written by hand over a text, for spans the extractor would not make.
struct HandGraph {
    var graph: ArticleGraph
    let text: String

    init(_ text: String, id: String = "hand") {
        self.text = text
        graph = ArticleGraph(schema: ArticleGraph.schemaVersion, document: .init(id: id, date: "2021-07-27", length: text.unicodeScalars.count),
                             actors: [], events: [], relations: [])
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
    }

    func actor(_ id: String, _ name: String, _ type: ActorType, _ range: Range<Int>, via: MentionVia = .name) -> HandGraph {
        var copy = self
        let mention = ArticleGraph.MentionNode(start: range.lowerBound, end: range.upperBound, text: Self.slice(text, range), sentence: 0, via: via, rule: id)
        copy.graph.actors.append(ArticleGraph.ActorNode(id: id, name: name, type: type, origin: .gazetteer, mentions: [mention]))
        return copy
    }

    static func event(_ id: String, _ type: String, _ trigger: Range<Int>, roles: [(EventRole, String, Range<Int>)], in text: String) -> ArticleGraph.EventNode {
        ArticleGraph.EventNode(
            id: id, type: type,
            trigger: .init(start: trigger.lowerBound, end: trigger.upperBound, text: slice(text, trigger), sentence: 0),
            roles: roles.map { ArticleGraph.ArgumentNode(role: $0.0, actor: $0.1, start: $0.2.lowerBound, end: $0.2.upperBound) },
            factuality: .asserted, rule: "hand.\(type)", confidence: 1)
    }

    func event(_ id: String, type: String, trigger: Range<Int>, roles: [(EventRole, String, Range<Int>)]) -> HandGraph {
        var copy = self
        copy.graph.events.append(Self.event(id, type, trigger, roles: roles, in: text))
        return copy
    }

    func relation(_ type: String, _ source: String, _ target: String) -> HandGraph {
        var copy = self
        copy.graph.relations.append(ArticleGraph.RelationNode(type: type, source: source, target: target, origin: .gazetteer))
        return copy
    }
}

/// A `.ann` file parsed by brat's rules: tab-separated id and data, one annotation a line.
struct Standoff {
    struct TextBound { var type: String, pieces: [Range<Int>], text: String }
    var textBounds: [String: TextBound] = [:]
    var events: [String: (type: String, trigger: String, arguments: [(role: String, id: String)])] = [:]
    var attributes: [String: (name: String, target: String, value: String)] = [:]
    var relations: [String: (type: String, first: String, second: String)] = [:]
    var notes: [String: String] = [:]

    /// What Python's `str.splitlines` (which brat reads `.ann` files with) breaks lines at.
    static let lineBoundaries: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]

    var entityCount: Int { textBounds.keys.filter { id in !events.values.contains { $0.trigger == id } }.count }

    /// Parses `ann` and checks what brat checks on loading: unique ids, every piece
    /// inside `text` and reading as the annotation's text (pieces joined by a space),
    /// pieces that do not touch, references to ids that exist, triggers of the event's type.
    init(_ ann: String, text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let scalars = Array(text.unicodeScalars)
        try #require(ann.isEmpty || ann.hasSuffix("\n"), sourceLocation: sourceLocation)
        let lines = ann.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines {
            // No other line boundary of Python's str.splitlines may be inside a line.
            #expect(!line.unicodeScalars.contains { Self.lineBoundaries.contains($0.value) }, "\(line)", sourceLocation: sourceLocation)
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count >= 2, "\(line)", sourceLocation: sourceLocation)
            let id = fields[0], data = fields[1].split(separator: " ").map(String.init)
            let known = textBounds[id] != nil || events[id] != nil || attributes[id] != nil || relations[id] != nil || notes[id] != nil
            #expect(!known, "duplicate \(id)", sourceLocation: sourceLocation)
            switch id.first {
            case "T":
                try #require(fields.count == 3, "\(line)", sourceLocation: sourceLocation)
                let offsets = data.dropFirst().joined(separator: " ").split(separator: ";").map { $0.split(separator: " ").compactMap { Int($0) } }
                var pieces: [Range<Int>] = []
                for pair in offsets {
                    try #require(pair.count == 2 && 0 <= pair[0] && pair[0] <= pair[1] && pair[1] <= scalars.count, "\(line)", sourceLocation: sourceLocation)
                    #expect(!pieces.contains { pair[1] >= $0.lowerBound && pair[0] < $0.upperBound }, "touching pieces: \(line)", sourceLocation: sourceLocation)
                    pieces.append(pair[0] ..< pair[1])
                }
                let reference = pieces.map { String(String.UnicodeScalarView(scalars[$0])) }.joined(separator: " ")
                #expect(fields[2] == reference, "\(line)", sourceLocation: sourceLocation)
                textBounds[id] = TextBound(type: data[0], pieces: pieces, text: fields[2])
            case "E":
                let head = data[0].split(separator: ":").map(String.init)
                try #require(head.count == 2 && fields.count == 2, "\(line)", sourceLocation: sourceLocation)
                let arguments = try data.dropFirst().map { argument in
                    let parts = argument.split(separator: ":").map(String.init)
                    try #require(parts.count == 2, "\(line)", sourceLocation: sourceLocation)
                    return (role: parts[0], id: parts[1])
                }
                events[id] = (type: head[0], trigger: head[1], arguments: arguments)
            case "A":
                try #require(data.count == 3 && fields.count == 2, "\(line)", sourceLocation: sourceLocation)
                attributes[id] = (name: data[0], target: data[1], value: data[2])
            case "R":
                try #require(data.count == 3 && data[1].hasPrefix("Arg1:") && data[2].hasPrefix("Arg2:") && fields.count == 2, "\(line)", sourceLocation: sourceLocation)
                relations[id] = (type: data[0], first: String(data[1].dropFirst(5)), second: String(data[2].dropFirst(5)))
            case "#":
                try #require(data.count == 2 && data[0] == "AnnotatorNotes" && fields.count == 3, "\(line)", sourceLocation: sourceLocation)
                notes[id] = data[1]
            default:
                Issue.record("unknown annotation \(line)", sourceLocation: sourceLocation)
            }
        }
        let triggers = Set(events.values.map(\.trigger))
        for (id, event) in events {
            #expect(textBounds[event.trigger]?.type == event.type, "\(id)'s trigger", sourceLocation: sourceLocation)
            for argument in event.arguments {
                #expect((textBounds[argument.id] != nil && !triggers.contains(argument.id)) || events[argument.id] != nil,
                        "\(id) \(argument.role):\(argument.id)", sourceLocation: sourceLocation)
            }
        }
        for (id, attribute) in attributes { #expect(events[attribute.target] != nil, "\(id)", sourceLocation: sourceLocation) }
        for (id, relation) in relations {
            for end in [relation.first, relation.second] {
                #expect(textBounds[end] != nil && !triggers.contains(end), "\(id) \(end)", sourceLocation: sourceLocation)
            }
        }
        for (id, target) in notes {
            let exists = textBounds[target] != nil || events[target] != nil || relations[target] != nil
            #expect(exists && !triggers.contains(target), "\(id) on \(target)", sourceLocation: sourceLocation)
        }
    }

    /// Expects every type, argument role and attribute value to be declared in `configuration`.
    func expectDeclared(in configuration: BratConfiguration, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let triggers = Set(events.values.map(\.trigger))
        for (id, bound) in textBounds {
            if triggers.contains(id) {
                #expect(configuration.events[bound.type] != nil, "\(id) \(bound.type)", sourceLocation: sourceLocation)
            } else {
                #expect(configuration.entities.contains(bound.type), "\(id) \(bound.type)", sourceLocation: sourceLocation)
            }
        }
        for (id, event) in events {
            let declared = try #require(configuration.events[event.type], "\(id) \(event.type)", sourceLocation: sourceLocation)
            for argument in event.arguments {
                // brat reads trailing digits as a repeat number: "Target2" is a second "Target".
                let role = String(argument.role.reversed().drop { $0.isNumber }.reversed())
                let allowed = try #require(declared[role], "\(id) \(argument.role)", sourceLocation: sourceLocation)
                let type = textBounds[argument.id]?.type
                #expect(type.map { allowed.contains($0) } ?? allowed.contains("<EVENT>"), "\(id) \(argument.role)", sourceLocation: sourceLocation)
            }
        }
        for (id, relation) in relations {
            #expect(configuration.relations.contains(relation.type), "\(id) \(relation.type)", sourceLocation: sourceLocation)
        }
        for (id, attribute) in attributes {
            #expect(configuration.attributes[attribute.name]?.contains(attribute.value) == true, "\(id)", sourceLocation: sourceLocation)
        }
    }
}

/// An `annotation.conf` parsed by brat's rules: sections, `<MACRO>=` lines, storage-form type names.
struct BratConfiguration {
    var entities: [String] = []
    /// Each event type's argument roles (without `*`, `?`, `+`) and the types each allows.
    var events: [String: [String: [String]]] = [:]
    var relations: [String] = []
    var attributes: [String: [String]] = [:]

    init(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var section = ""
        var macros: [String: String] = [:]
        var sections: Set<String> = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(rawLine)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                section = String(line.dropFirst().dropLast())
                sections.insert(section)
                macros = [:]
                continue
            }
            if line.hasPrefix("<"), let equals = line.firstIndex(of: "="), !line.contains("\t") {
                macros[String(line[..<equals])] = String(line[line.index(after: equals)...])
                continue
            }
            for (name, value) in macros { line = line.replacingOccurrences(of: name, with: value) }
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            let name = parts[0]
            if name != "<OVERLAP>" {
                #expect(name.range(of: "^[A-Za-z0-9_-]+$", options: .regularExpression) != nil, "type name \(name)", sourceLocation: sourceLocation)
            }
            var arguments: [String: [String]] = [:]
            for argument in (parts.count > 1 ? parts[1] : "").components(separatedBy: ", ") where !argument.isEmpty {
                let pair = argument.split(separator: ":", maxSplits: 1).map(String.init)
                try #require(pair.count == 2, "\(argument)", sourceLocation: sourceLocation)
                var role = pair[0]
                while let last = role.last, "*?+".contains(last), !role.hasPrefix("<") { role.removeLast() }
                #expect(arguments[role] == nil, "\(name): \(role) twice", sourceLocation: sourceLocation)
                arguments[role] = pair[1].split(separator: "|").map(String.init)
            }
            switch section {
            case "entities": entities.append(name)
            case "events": events[name] = arguments
            case "relations" where name != "<OVERLAP>": relations.append(name)
            case "attributes": attributes[name] = arguments["Value"] ?? []
            default: break
            }
        }
        #expect(sections == ["entities", "relations", "events", "attributes"], sourceLocation: sourceLocation)
    }
}
