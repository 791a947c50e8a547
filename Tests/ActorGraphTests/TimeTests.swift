import Testing
@testable import ActorGraph

@Suite struct TimeTests {
    @Test(arguments: [
        ("He spoke Tuesday.", "Tuesday", "2021-07-27"),
        ("He spoke on Monday.", "Monday", "2021-07-26"),
        ("It happened last Tuesday.", "last Tuesday", "2021-07-20"),
        ("They meet next Friday.", "next Friday", "2021-07-30"),
        ("He travels this week.", "this week", "2021-W30"),
        ("They met last week.", "last week", "2021-W29"),
        ("They met in January 2020.", "January 2020", "2020-01"),
        ("They met on March 3, 2019.", "March 3, 2019", "2019-03-03"),
        ("They met on 5 June.", "5 June", "2021-06-05"),
        ("They met in December.", "December", "2020-12"),
        ("It began in 2019.", "2019", "2019"),
        ("He left yesterday.", "yesterday", "2021-07-26"),
        ("Dated 2021-02-03.", "2021-02-03", "2021-02-03"),
        ("Talks resume next month.", "next month", "2021-08"),
    ])
    func resolvesAgainstTheDocumentDate(text: String, expression: String, value: String) throws {
        let tokenized = try Tokenizer().tokenize(text)
        let found = TimeExpressionFinder().find(in: tokenized, tokens: tokenized.tokens.indices, date: try Day(iso: "2021-07-27"))
        #expect(found.map { String(tokenized.string(ofTokens: $0.tokens)) } == [expression])
        #expect(found.first?.value == value)
    }

    @Test func modalMayIsNoMonth() throws {
        let tokenized = try Tokenizer().tokenize("Talks May resume, officials may say.")
        #expect(TimeExpressionFinder().find(in: tokenized, tokens: tokenized.tokens.indices, date: nil).isEmpty)
    }

    @Test func relativeTimesHaveNoValueWithoutADate() throws {
        let tokenized = try Tokenizer().tokenize("They met last week.")
        let found = TimeExpressionFinder().find(in: tokenized, tokens: tokenized.tokens.indices, date: nil)
        #expect(found.count == 1 && found[0].value == nil)
    }

    @Test(arguments: ["2021-02-30", "2021-13-01", "21-07-27", "2021-7-27", "+021-07-27", "2021-07-2x", "2021-07-27 ", "tomorrow", ""])
    func refusesDatesThatAreNotDays(text: String) {
        #expect(actorGraphError { _ = try Day(iso: text) }?.code == .invalidDate)
    }

    @Test(arguments: ["0001-01-01", "9999-12-31"])
    func valuesOutsideTheCalendarAreLeftOut(date: String) throws {
        let tokenized = try Tokenizer().tokenize("They met last week, last month, last year, yesterday and tomorrow, next week, next year.")
        let found = TimeExpressionFinder().find(in: tokenized, tokens: tokenized.tokens.indices, date: try Day(iso: date))
        #expect(found.count == 7)
        for value in found.compactMap(\.value) {
            let year = Int(value.prefix(4)) ?? 0
            let rest = value.dropFirst(4)
            let shaped = rest.isEmpty || rest.wholeMatch(of: /-W\d\d|-\d\d(-\d\d)?/) != nil
            #expect((1 ... 9999).contains(year) && shaped, "\(value)")
        }
        #expect(found.contains { $0.value == nil })
    }

    @Test func knowsWeeksAndWeekdays() throws {
        #expect(try Day(iso: "2021-07-27").weekday == 2)
        #expect(try Day(iso: "2021-01-03").isoWeek == "2020-W53")
        #expect(try Day(iso: "2024-02-29").adding(days: 1)?.description == "2024-03-01")
    }
}
