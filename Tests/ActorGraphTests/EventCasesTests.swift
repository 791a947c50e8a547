import Foundation
import Testing
@testable import ActorGraph

/// The one-sentence event cases of `Tests/Events/`, scored per PLOVER
/// category. The floors guard against regressions; the scores are reported
/// in Docs/EventCoding.md.
@Suite struct EventCasesTests {
    private static let table = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Events/cases.tsv")

    @Test(arguments: ["cases.tsv", "heldout.tsv"])
    func tableHasEnoughCasesPerCategory(file: String) throws {
        let cases = try EventCases(contentsOf: Self.table.deletingLastPathComponent().appendingPathComponent(file), rules: extractor().rules).cases
        let counts = Dictionary(grouping: cases, by: \.plover).mapValues(\.count)
        #expect(counts.count == 19, "18 PLOVER categories and NONE")
        #expect(counts.values.allSatisfy { $0 >= 8 })
        #expect(cases.count >= 190)
    }

    /// Floors a little under the scores of Docs/EventCoding.md: `cases.tsv` is the set the
    /// rules are developed on, `heldout.tsv` the one they are never tuned on.
    @Test(arguments: [("cases.tsv", 0.77, 0.88), ("heldout.tsv", 0.57, 0.80)])
    func eventCodingKeepsItsScores(file: String, f1: Double, noneRecall: Double) throws {
        let table = Self.table.deletingLastPathComponent().appendingPathComponent(file)
        let (_, scores) = try EventCases(contentsOf: table, rules: extractor().rules).evaluate(extractor())
        var total = EventCases.Score()
        for (category, score) in scores where category != "NONE" {
            total.gold += score.gold
            total.predicted += score.predicted
            total.correct += score.correct
        }
        #expect(total.f1 >= f1, "PLOVER events F1 \(total.f1)")
        #expect((scores["NONE"]?.recall ?? 0) >= noneRecall, "sentences without a PLOVER event left alone")
    }

    @Test func malformedRowsAreReportedWithTheirLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cases-\(UUID().uuidString).tsv")
        try Data("id\tdate\tplover\tsource\ttarget\tsentence\nx-01\t2020-01-01\tAGREE\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: ActorGraphError.self) { try EventCases(contentsOf: file, rules: extractor().rules) }
        do { _ = try EventCases(contentsOf: file, rules: extractor().rules) } catch let error as ActorGraphError {
            #expect(error.line == 2 && error.message.hasPrefix("Expected 6 tab-separated columns"))
        }
    }

    private static let header = "id\tdate\tplover\tsource\ttarget\tsentence\n"
    private static let good = "agree-01\t2023-03-10\tAGREE\tsaudi-arabia+iran\t-\tSaudi Arabia and Iran agreed to restore relations.\n"

    /// The error of a table with `text`, as shown, the file written `x.tsv`.
    private func tableError(_ text: String) throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.tsv")
        try Data(text.utf8).write(to: file)
        let rules = try extractor().rules, gazetteer = try extractor().gazetteer
        guard let error = actorGraphError({ _ = try EventCases(contentsOf: file, rules: rules, gazetteer: gazetteer) }) else { return nil }
        #expect(error.file == SourceFiles.displayName(file))
        return error.description.replacingOccurrences(of: SourceFiles.displayName(file), with: "x.tsv")
    }

    @Test func aWellFormedTableLoads() throws {
        #expect(try tableError(Self.header + Self.good) == nil)
    }

    private static let tableMistakes: [(String, String)] = [
        (header + good + "agree-02\t2023-02-30\tAGREE\t-\t-\tThey agreed.\n",
         #"x.tsv:3:10: "2023-02-30" is not a day of the calendar; check the month and the day."#),
        (header + good + "x-01\t2023-03-10\tTELEPORT\t-\t-\tThey teleported.\n",
         #"x.tsv:3:17: "TELEPORT" is not a PLOVER category of the rules; use NONE or one of: AGREE, AID, ASSAULT, COERCE, CONCEDE, CONSULT, COOPERATE, CRIME, DEMAND, DISAPPROVE, INVESTIGATE, MOBILIZE, PROTEST, REJECT, RETREAT, SANCTION, SUPPORT, THREATEN."#),
        (header + good + "\n" + good, #"x.tsv:4:1: The case id "agree-01" is already used on line 2; give each case its own id."#),
        ("", "x.tsv: The table holds no cases; add one a line below the header, as Tests/Events/README.md describes."),
        (header, "x.tsv: The table holds no cases; add one a line below the header, as Tests/Events/README.md describes."),
        (header + "\n\n", "x.tsv: The table holds no cases; add one a line below the header, as Tests/Events/README.md describes."),
        (good + good.replacingOccurrences(of: "-01", with: "-02"),
         #"x.tsv:1:1: The first line is not the header "id date plover source target sentence" (tab-separated); add it, as the first line is never read as a case."#),
        (header + "agree-02\t2023-03-10\tAGREE\tiran++iraq\t\tThey agreed.\n",
         #"x.tsv:2:27: The source "iran++iraq" has an empty id; join ids with one + and no + at either end."#),
        (header + "agree-02\t2023-03-10\tAGREE\tiran\t\tThey agreed.\n", "x.tsv:2:32: The target is empty; write - for none."),
        (header + "agree-02\t2023-03-10\tAGREE\tiran+saudia-arabia\t-\tThey agreed.\n",
         #"x.tsv:2:27: The source "saudia-arabia" is not an entity id of the gazetteer; check its spelling in Gazetteers/entities, or add the entity."#),
        (header + "\t2023-03-10\tAGREE\tiran\t-\tThey agreed.\n", "x.tsv:2:1: The case has no id; write one such as agree-01."),
        (header + "agree-02\t2023-03-10\tAGREE\tiran\t-\t \n", "x.tsv:2:34: The sentence is empty; write the case's sentence."),
    ]

    @Test(arguments: tableMistakes)
    func tableMistakesNameTheFileAndTheLine(text: String, message: String) throws {
        #expect(try tableError(text) == message)
    }
}
