/// Factuality cues, time expressions and attribution to a sentence's speaker.
extension EventExtractor {
    /// The factuality cue ending nearest before the trigger, at most three words before it, in its clause.
    /// A noun takes only cues that can modify a noun ("possible surveillance"), not verbal ones ("to", "will").
    func cue(before index: Int, clause: Range<Int>, view: ClauseView, forms: PhraseTranslation, nominal: Bool) -> Factuality? {
        var best: (end: Int, factuality: Factuality)?
        let start = max(clause.lowerBound, index - 6)
        cues.forEachMatch(in: view.text.tokens, translated: forms, starts: start ..< index, limit: index) { range, payloads in
            guard index - range.upperBound <= 3, let factuality = payloads.first else { return }
            if nominal {
                if view.is(.to, at: range.upperBound - 1) || view.has(.auxiliary, at: range.upperBound - 1) { return }
            }
            if range.upperBound >= (best?.end ?? Int.min) { best = (range.upperBound, factuality) }
        }
        return best?.factuality
    }

    /// Each time expression goes to the nearest trigger before it in its clause, else the nearest in the sentence.
    func attachTimes(in sentence: Range<Int>, to events: inout [Event], text: TokenizedText, date: Day?, view: ClauseView,
                     timeStarts: [Bool]) {
        guard !events.isEmpty else { return }
        for expression in times.find(in: text, tokens: sentence, date: date, starts: timeStarts) {
            let start = expression.tokens.lowerBound
            // Events are in trigger order: find the last one whose trigger ends by `start`.
            var low = 0, high = events.count
            while low < high {
                let middle = (low + high) / 2
                if events[middle].trigger.upperBound <= start { low = middle + 1 } else { high = middle }
            }
            let before = low > 0 ? low - 1 : nil
            let after = low < events.count ? low : nil
            let chosen: Int?
            if let before, view.sameClause(events[before].trigger.lowerBound, start) {
                chosen = before
            } else {
                chosen = [before, after].compactMap { $0 }.min { abs(events[$0].trigger.lowerBound - start) < abs(events[$1].trigger.lowerBound - start) }
            }
            if let chosen, events[chosen].time == nil {
                var time = expression
                // "will fly to Moscow on Tuesday": the coming Tuesday, not the last one.
                if events[chosen].factuality == .planned, let weekday = time.weekday, let date {
                    time.value = TimeExpressionFinder.upcoming(weekday, from: date)
                }
                events[chosen].time = time
            }
        }
    }

    /// A statement or report with a source attributes the other events of its sentence.
    func attribute(_ events: inout [Event]) {
        for indices in Self.bySentence(events).values {
            for index in indices where events[index].type.name == "statement" || events[index].type.name == "report" {
                guard let source = events[index].actor(for: .source) else { continue }
                for other in indices where other != index && events[other].attributedTo == nil && events[other].type.name != "statement" {
                    events[other].attributedTo = source
                    if events[other].factuality == .asserted { events[other].factuality = .reported }
                }
            }
        }
    }

    /// Event indices by sentence, each list in event order.
    static func bySentence(_ events: [Event]) -> [Int: [Int]] {
        Dictionary(grouping: events.indices, by: { events[$0].sentence })
    }
}
