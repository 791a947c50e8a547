/// Picks one entity for each gazetteer mention of a document and drops the
/// mentions that are probably not what they matched.
///
/// - An alias several entities share goes, in order, to the one of the
///   country named right before it ("Israel's Defense Ministry", "the
///   French Foreign Ministry"), to one the document names unambiguously, to
///   the one of the country the document names most, to the first loaded.
/// - A lone surname ("Gantz") goes to the person the document names in full.
///   Without a full name it goes to the one person of that surname who holds
///   an office on the document's date ("Macron" in 2021), and is dropped when
///   it is a common word ("May") or stands beside an unknown name ("Maria
///   Lopez", "Alexander Fomin").
/// - A one-word city name that runs into an unknown capitalized word is the
///   first name of someone ("Vladimir Medinsky"), not the city.
struct Disambiguator {
    let gazetteer: Gazetteer
    let text: TokenizedText
    let date: Day?
    let commonWords: Set<String>
    /// Folded words of titles and honorifics, which may stand before a surname ("President Macron").
    let titleWords: Set<String>

    /// - Parameters:
    ///   - mentions: Mentions inside the text.
    ///   - positions: The gazetteer positions of their candidates, one mention's after another's,
    ///     so that no id is looked up twice.
    /// - Returns: The mentions kept, each with one candidate and that candidate's position.
    func resolve(_ mentions: [Mention], positions: [Int32]) -> [Mention] {
        var headlines = Headlines(count: text.sentences.count)
        // By token, not in hashed sets: these are asked about every mention's neighbours.
        var endingAt = [Int32](repeating: -1, count: text.tokens.count + 1)   // token → the last mention ending there
        var starts = [Bool](repeating: false, count: text.tokens.count + 1)   // token → whether a mention starts there
        var firstPosition: [Int] = []                                         // mention → where its candidates start in `positions`
        firstPosition.reserveCapacity(mentions.count)
        // The entity of each mention that names one alone, repeats kept: sorted to tell which are named,
        // and weighed by country only when an alias needs it (few documents ask).
        var unambiguous: [Int32] = []
        var offset = 0
        for (index, mention) in mentions.enumerated() {
            firstPosition.append(offset)
            offset += mention.candidates.count
            endingAt[mention.tokens.upperBound] = Int32(index)
            starts[mention.tokens.lowerBound] = true
            guard mention.candidates.count == 1, mention.via != .partial else { continue }
            unambiguous.append(positions[firstPosition[index]])
        }
        let named = Named(unambiguous)
        var countryWeight: [String: Int]?
        var result: [Mention] = []
        for (index, var mention) in mentions.enumerated() {
            let candidates = positions[firstPosition[index] ..< firstPosition[index] + mention.candidates.count]
            var chosen = candidates.startIndex
            if mention.via == .partial {
                guard let person = person(for: mention, candidates: candidates, named: named, starts: starts, headlines: &headlines)
                else { continue }
                mention.candidates = [mention.candidates[person]]
                chosen += person
            } else if startsUnknownName(mention, candidates: candidates, starts: starts), !headlines.isHeadline(mention.sentence, in: text) {
                continue
            } else if mention.candidates.count > 1 {
                let qualifier = qualifyingCountry(mention, endingAt: endingAt, in: mentions, positions: positions, firstPosition: firstPosition)
                if let choice = qualifier.flatMap({ code in candidates.firstIndex { gazetteer.entities.country(at: Int($0)) == code } })
                    ?? candidates.firstIndex(where: { named.contains($0) }) {
                    chosen = choice
                } else {
                    let weights = countryWeight ?? countryWeights(of: unambiguous)
                    countryWeight = weights
                    chosen = heaviest(candidates, countryWeight: weights)
                }
                mention.candidates = [mention.candidates[chosen - candidates.startIndex]]
            }
            mention.position = candidates[chosen]
            mention.rule = mention.candidates[0].rawValue
            result.append(mention)
        }
        return result
    }

    /// How often the document names each country: twice for the country, once for anything of it.
    private func countryWeights(of entities: [Int32]) -> [String: Int] {
        var weights: [String: Int] = [:]
        for entity in entities {
            guard let country = gazetteer.entities.country(at: Int(entity)) else { continue }
            weights[country, default: 0] += gazetteer.entities.type(at: Int(entity)) == .country ? 2 : 1
        }
        return weights
    }

    /// The entities a document names unambiguously, sorted: a few dozen, asked about for
    /// every surname and shared alias, where a hashed set would hash each one.
    private struct Named {
        private let sorted: [Int32]

        init(_ entities: [Int32]) { sorted = entities.sorted() }

        func contains(_ entity: Int32) -> Bool {
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < entity { low = middle + 1 } else { high = middle }
            }
            return low < sorted.count && sorted[low] == entity
        }
    }

    /// The position in `candidates` of the first one whose country the document names most.
    private func heaviest(_ candidates: ArraySlice<Int32>, countryWeight: [String: Int]) -> Int {
        var best = candidates.startIndex, bestWeight = Int.min
        for index in candidates.indices {
            let weight = gazetteer.entities.country(at: Int(candidates[index])).flatMap { countryWeight[$0] } ?? 0
            if weight > bestWeight { (best, bestWeight) = (index, weight) }
        }
        return best
    }

    /// Which sentences are title-case headlines, worked out for those asked about.
    private struct Headlines {
        private var known: [Int8]     // -1 not yet worked out, else 0 or 1

        init(count: Int) { known = [Int8](repeating: -1, count: count) }

        /// Whether sentence `index` is a title-case headline ("Paris Attacks Trial
        /// Opens"): three quarters of its words or more capitalized.
        mutating func isHeadline(_ index: Int, in text: TokenizedText) -> Bool {
            if known[index] >= 0 { return known[index] == 1 }
            var words = 0, capitalized = 0
            for token in text.tokens[text.sentences[index].tokens] where token.kind == .word {
                words += 1
                if token.flags.contains(.capitalized) { capitalized += 1 }
            }
            let headline = words > 0 && capitalized * 4 >= words * 3
            known[index] = headline ? 1 : 0
            return headline
        }
    }

    /// The index in `mention.candidates` of the person a lone surname stands for, if any.
    private func person(for mention: Mention, candidates: ArraySlice<Int32>, named: Named, starts: [Bool],
                        headlines: inout Headlines) -> Int? {
        var fullyNamed: Int?, namedCount = 0
        for index in candidates.indices where named.contains(candidates[index]) {
            namedCount += 1
            fullyNamed = index - candidates.startIndex
        }
        if namedCount == 1 { return fullyNamed }
        guard namedCount == 0 else { return nil }
        let surname = mention.tokens.map { text.folded(text.tokens[$0]) }.joined(separator: " ")
        // In a title-case headline ("Putin Warns NATO") every word is capitalized: no evidence either way.
        guard !commonWords.contains(surname),
              (!followsUnknownFirstName(mention, starts: starts) && !precedesUnknownName(mention, starts: starts))
                || headlines.isHeadline(mention.sentence, in: text) else { return nil }
        var inOffice: Int?, inOfficeCount = 0
        for index in candidates.indices {
            let roles = gazetteer.entities.roles(at: Int(candidates[index]))
            guard date.map({ day in roles.contains { $0.holds(on: day) } }) ?? !roles.isEmpty else { continue }
            inOfficeCount += 1
            inOffice = index - candidates.startIndex
        }
        return inOfficeCount == 1 ? inOffice : nil
    }

    /// "Maria Lopez": a capitalized word no gazetteer knows, and no title, right before the surname.
    private func followsUnknownFirstName(_ mention: Mention, starts: [Bool]) -> Bool {
        let previous = mention.tokens.lowerBound - 1
        guard previous >= 0, !starts[previous] else { return false }
        let token = text.tokens[previous]
        guard token.kind == .word, token.flags.contains(.capitalized), !token.flags.contains(.lineBreakBefore) else { return false }
        let word = text.folded(token)
        let sentenceStart = text.sentences[mention.sentence].tokens.lowerBound == previous
        return !titleWords.contains(word) && !commonWords.contains(word) && !sentenceStart
    }

    /// "Alexander Fomin": the surname runs into a capitalized word no gazetteer knows, so it is someone's first name.
    private func precedesUnknownName(_ mention: Mention, starts: [Bool]) -> Bool {
        let next = mention.tokens.upperBound
        guard next < text.tokens.count, !starts[next] else { return false }
        let token = text.tokens[next]
        return token.kind == .word && token.flags.contains(.capitalized) && !token.flags.contains(.lineBreakBefore)
            && !commonWords.contains(text.folded(token)) && !token.flags.contains(.allCaps)
    }

    /// A one-word city name that runs into a capitalized word no gazetteer
    /// knows (not in a headline: the caller checks, after this).
    private func startsUnknownName(_ mention: Mention, candidates: ArraySlice<Int32>, starts: [Bool]) -> Bool {
        guard mention.tokens.count == 1, mention.via == .name || mention.via == .alias else { return false }
        // The next token first: it rarely qualifies, and the city test costs a gazetteer look-up per candidate.
        let next = mention.tokens.upperBound
        guard next < text.tokens.count, !starts[next] else { return false }
        let token = text.tokens[next]
        guard token.kind == .word, token.flags.contains(.capitalized), !token.flags.contains(.allCaps),
              !token.flags.contains(.lineBreakBefore), !commonWords.contains(text.folded(token)) else { return false }
        return candidates.allSatisfy { gazetteer.entities.type(at: Int($0)) == .city }
    }

    /// The ISO code of a country named just before `mention` as a demonym or possessive.
    private func qualifyingCountry(_ mention: Mention, endingAt: [Int32], in mentions: [Mention], positions: [Int32],
                                   firstPosition: [Int]) -> String? {
        var start = mention.tokens.lowerBound
        if start > 0, text.tokens[start - 1].flags.contains(.possessive) { start -= 1 }
        guard endingAt[start] >= 0 else { return nil }
        let before = mentions[Int(endingAt[start])]
        let entity = Int(positions[firstPosition[Int(endingAt[start])]])
        guard before.candidates.count == 1,
              before.via == .demonym || start < mention.tokens.lowerBound,
              gazetteer.entities.type(at: entity) == .country else { return nil }
        return gazetteer.entities.country(at: entity)
    }
}
