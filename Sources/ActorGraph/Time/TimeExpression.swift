/// A time expression in text ("Tuesday", "last week", "January 2020"), with
/// its value resolved against the document's date when it can be.
public struct TimeExpression: Hashable, Sendable {
    /// The token indices of the expression.
    public var tokens: Range<Int>
    /// ISO 8601: a day `2021-07-27`, a week `2021-W30`, a month `2020-01`, a
    /// year `2020`; `nil` when the expression is relative and there is no date.
    public var value: String?
    /// For a bare weekday ("Tuesday"), its ISO number: a planned event moves it forward.
    var weekday: Int?
}

/// Finds time expressions in a sentence and resolves them.
///
/// Weekdays name the latest such day on or before the document's date ("said
/// Tuesday" in a Tuesday paper is that day), or the next one after "next";
/// "this/last/next week|month|year" count from the date; month names with a
/// day or year are absolute; a month alone is its latest occurrence.
struct TimeExpressionFinder: Sendable {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"]
    static let shortMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    func find(in text: TokenizedText, tokens range: Range<Int>, date: Day?) -> [TimeExpression] {
        find(in: text, tokens: range, date: date, starts: possibleStarts(in: text))
    }

    /// The time expressions of tokens `range`, given ``possibleStarts(in:)`` of the text.
    func find(in text: TokenizedText, tokens range: Range<Int>, date: Day?, starts: [Bool]) -> [TimeExpression] {
        var found: [TimeExpression] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if starts[Int(text.tokens[index].form.rawValue)],
               let expression = match(at: index, in: text, limit: range.upperBound, date: date) {
                found.append(expression)
                index = expression.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The folded form of token `position`, if it is before `limit`.
    private static func word(at position: Int, in text: TokenizedText, limit: Int) -> String? {
        position < limit ? text.folded(text.tokens[position]) : nil
    }

    private func match(at index: Int, in text: TokenizedText, limit: Int, date: Day?) -> TimeExpression? {
        let word = { (offset: Int) in Self.word(at: index + offset, in: text, limit: limit) }
        guard let first = word(0) else { return nil }
        // A number starts none of the patterns of words, which go first.
        if let lead = first.utf8.first, lead >= UInt8(ascii: "0"), lead <= UInt8(ascii: "9") {
            return matchNumber(first, at: index, in: text, limit: limit, date: date)
        }
        // today, yesterday, tomorrow
        if let shift = Self.dayWords[first] {
            return TimeExpression(tokens: index ..< index + 1, value: date?.adding(days: shift)?.description)
        }
        // (last|next|this|earlier this|later this) week|month|year, (last|next|on) weekday
        var modifierLength = 0
        var modifier = ""
        if first == "earlier" || first == "later", word(1) == "this" {
            modifierLength = 2
            modifier = "this"
        } else if let canonical = Self.modifiers[first] {
            modifierLength = 1
            modifier = canonical
        }
        if modifierLength > 0, let unit = word(modifierLength) {
            let range = index ..< index + modifierLength + 1
            let step = modifier == "last" ? -1 : modifier == "next" ? 1 : 0
            switch unit {
            case "week", "weekend": return TimeExpression(tokens: range, value: date?.adding(days: 7 * step)?.isoWeek)
            case "month": return TimeExpression(tokens: range, value: date.flatMap { Self.month(of: $0, shifted: step) })
            case "year": return TimeExpression(tokens: range, value: date.flatMap { (1 ... 9999).contains($0.year + step) ? Self.year($0.year + step) : nil })
            default:
                if let weekday = Self.weekdays.firstIndex(of: unit) {
                    return TimeExpression(tokens: range, value: date.flatMap { Self.weekday(weekday + 1, from: $0, step: step)?.description })
                }
            }
        }
        if let weekday = Self.weekdays.firstIndex(of: first), text.tokens[index].flags.contains(.capitalized) {
            return TimeExpression(tokens: index ..< index + 1, value: date.flatMap { Self.weekday(weekday + 1, from: $0, step: 0)?.description },
                                  weekday: weekday + 1)
        }
        // Month [day][,] [year], "in January"; "May" only before a number.
        if let month = Self.monthNumber(first), text.tokens[index].flags.contains(.capitalized),
           first != "may" || word(1).flatMap(Int.init) != nil {
            var end = index + 1
            if word(1) == ".", Self.shortMonths.contains(first) || first == "sept" { end += 1 }
            var day: Int?
            if end < limit, text.tokens[end].kind == .number, let value = Int(text.folded(text.tokens[end])), (1 ... 31).contains(value) {
                day = value
                end += 1
            }
            var year: Int?
            let yearAt = day != nil && word(end - index) == "," ? end + 1 : end
            if yearAt < limit, let value = Int(text.folded(text.tokens[yearAt])), (1900 ... 2100).contains(value) {
                year = value
                end = yearAt + 1
            }
            if day == nil && year == nil && !follows(Self.timePrepositions, at: index, in: text) { return nil }
            let resolvedYear = year ?? date.map { $0.month >= month ? $0.year : $0.year - 1 }
            var value: String?
            if let resolvedYear {
                if let day {
                    value = Day(year: resolvedYear, month: month, day: day)?.description
                } else {
                    value = String(resolvedYear) + "-" + (month < 10 ? "0" : "") + String(month)
                }
            }
            return TimeExpression(tokens: index ..< end, value: value)
        }
        return matchNumber(first, at: index, in: text, limit: limit, date: date)
    }

    /// The patterns that start with a number: "5 January 2021", "2021-07-27", "in 2019".
    private func matchNumber(_ first: String, at index: Int, in text: TokenizedText, limit: Int, date: Day?) -> TimeExpression? {
        let word = { (offset: Int) in Self.word(at: index + offset, in: text, limit: limit) }
        // 5 January 2021
        if let day = Int(first), (1 ... 31).contains(day), text.tokens[index].kind == .number,
           let monthWord = word(1), let month = Self.monthNumber(monthWord) {
            var end = index + 2
            var year = date.map { $0.month >= month ? $0.year : $0.year - 1 }
            if let value = word(2).flatMap(Int.init), (1900 ... 2100).contains(value) { year = value; end += 1 }
            return TimeExpression(tokens: index ..< end, value: year.flatMap { Day(year: $0, month: month, day: day)?.description })
        }
        // 2021-07-27
        if first.count == 4, let year = Int(first), word(1) == "-", let month = word(2).flatMap(Int.init), word(3) == "-",
           let day = word(4).flatMap(Int.init), let exact = Day(year: year, month: month, day: day) {
            return TimeExpression(tokens: index ..< index + 5, value: exact.description)
        }
        // in 2019
        if first.count == 4, let year = Int(first), (1900 ... 2100).contains(year), follows(Self.timePrepositions, at: index, in: text) {
            return TimeExpression(tokens: index ..< index + 1, value: String(year))
        }
        return nil
    }

    /// Whether each form of `text` (by form id) may begin a time expression: a
    /// word of days, a modifier, a weekday, a month, something that may be a
    /// number, or any form not in ASCII (left to `match`). Checked once per
    /// distinct form, so that most tokens are passed over at once.
    func possibleStarts(in text: TokenizedText) -> [Bool] {
        var starts = [Bool](repeating: false, count: text.vocabulary.count)
        text.vocabulary.forEachForm { form, bytes, hash in
            starts[Int(form.rawValue)] = Self.mayStart(bytes, ascii: text.isASCII(form: bytes),
                                                       isStartWord: Self.startVocabulary.lookup(bytes, hash: hash) != nil)
        }
        return starts
    }

    /// Whether a form may begin a time expression, given whether it is one of
    /// ``startWords`` (an ASCII form equals an ASCII word exactly when their
    /// bytes do): a start word, something that may be a number (`Int` reads
    /// only a sign and digits), or any form not in ASCII (left to `match`);
    /// `ascii` tells which the form is.
    static func mayStart(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, isStartWord: Bool) -> Bool {
        guard let first = bytes.first else { return false }
        guard ascii else { return true }
        return isStartWord || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
    }

    /// Every word that may begin a time expression.
    static let startWords = Array(dayWords.keys) + Array(modifiers.keys) + ["earlier", "later", "sept"] + weekdays + months + shortMonths
    private static let startVocabulary = Vocabulary(words: startWords)

    private static let dayWords = ["yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1]
    private static let modifiers = ["last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"]
    static let timePrepositions: Set<String> = ["in", "since", "until", "by", "of", "early", "late", "mid", "during", "before", "after"]

    private func follows(_ words: Set<String>, at index: Int, in text: TokenizedText) -> Bool {
        index > 0 && words.contains(text.folded(text.tokens[index - 1]))
    }

    private static func monthNumber(_ word: String) -> Int? {
        if let index = months.firstIndex(of: word) { return index + 1 }
        if let index = shortMonths.firstIndex(of: word) { return index + 1 }
        if word == "sept" { return 9 }
        return nil
    }

    private static func month(of day: Day, shifted step: Int) -> String? {
        var year = day.year
        var month = day.month + step
        if month < 1 { month += 12; year -= 1 }
        if month > 12 { month -= 12; year += 1 }
        guard (1 ... 9999).contains(year) else { return nil }
        return Self.year(year) + "-" + (month < 10 ? "0" : "") + String(month)
    }

    /// A year as four digits.
    private static func year(_ year: Int) -> String {
        let text = String(year)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    /// The value of a bare weekday for something still to come: that day on or after `day`.
    static func upcoming(_ weekday: Int, from day: Day) -> String? {
        (weekday == day.weekday ? day : Self.weekday(weekday, from: day, step: 1))?.description
    }

    /// The ISO `weekday` on or before `day` (step 0), strictly before (-1), or strictly after (1).
    private static func weekday(_ weekday: Int, from day: Day, step: Int) -> Day? {
        var difference = day.weekday - weekday
        if difference < 0 { difference += 7 }
        switch step {
        case -1: return day.adding(days: difference == 0 ? -7 : -difference)
        case 1:
            var ahead = weekday - day.weekday
            if ahead <= 0 { ahead += 7 }
            return day.adding(days: ahead)
        default: return day.adding(days: -difference)
        }
    }
}
