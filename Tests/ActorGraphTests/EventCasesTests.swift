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
        let cases = try EventCases(contentsOf: Self.table.deletingLastPathComponent().appendingPathComponent(file)).cases
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
        let (_, scores) = try EventCases(contentsOf: table).evaluate(extractor())
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
        #expect(throws: ActorGraphError.self) { try EventCases(contentsOf: file) }
        do { _ = try EventCases(contentsOf: file) } catch let error as ActorGraphError {
            #expect(error.line == 2 && error.message.hasPrefix("Expected 6 tab-separated columns"))
        }
    }
}
