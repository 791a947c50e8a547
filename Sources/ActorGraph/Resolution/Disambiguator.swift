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

    /// - Parameter mentions: Mentions inside the text.
    func resolve(_ mentions: [Mention]) -> [Mention] {
        let headlines = titleCaseSentences()
        // By token, not in hashed sets: these are asked about every mention's neighbours.
        var endingAt = [Int32](repeating: -1, count: text.tokens.count + 1)   // token → the last mention ending there
        var starts = [Bool](repeating: false, count: text.tokens.count + 1)   // token → whether a mention starts there
        var named = Set<Entity.ID>()
        var countryWeight: [String: Int] = [:]
        for (index, mention) in mentions.enumerated() {
            endingAt[mention.tokens.upperBound] = Int32(index)
            starts[mention.tokens.lowerBound] = true
            guard mention.candidates.count == 1, mention.via != .partial else { continue }
            named.insert(mention.candidates[0])
            if let index = gazetteer.index(of: mention.candidates[0]), let country = gazetteer.entities.country(at: index) {
                countryWeight[country, default: 0] += gazetteer.entities.type(at: index) == .country ? 2 : 1
            }
        }
        var result: [Mention] = []
        for var mention in mentions {
            if mention.via == .partial {
                guard let person = person(for: mention, named: named, starts: starts, headline: headlines[mention.sentence]) else { continue }
                mention.candidates = [person]
            } else if !headlines[mention.sentence], startsUnknownName(mention, starts: starts) {
                continue
            } else if mention.candidates.count > 1 {
                let qualifier = qualifyingCountry(mention, endingAt: endingAt, in: mentions)
                let choice = qualifier.flatMap { code in mention.candidates.first { gazetteer.country(of: $0) == code } }
                    ?? mention.candidates.first { named.contains($0) }
                    ?? mention.candidates.max { lhs, rhs in
                        let l = gazetteer.country(of: lhs).flatMap { countryWeight[$0] } ?? 0
                        let r = gazetteer.country(of: rhs).flatMap { countryWeight[$0] } ?? 0
                        return l < r
                    }
                mention.candidates = [choice ?? mention.candidates[0]]
            }
            mention.rule = mention.candidates[0].rawValue
            result.append(mention)
        }
        return result
    }

    /// The person a lone surname stands for, if any.
    private func person(for mention: Mention, named: Set<Entity.ID>, starts: [Bool], headline: Bool) -> Entity.ID? {
        let fullyNamed = mention.candidates.filter { named.contains($0) }
        if fullyNamed.count == 1 { return fullyNamed[0] }
        guard fullyNamed.isEmpty else { return nil }
        let surname = mention.tokens.map { text.folded(text.tokens[$0]) }.joined(separator: " ")
        // In a title-case headline ("Putin Warns NATO") every word is capitalized: no evidence either way.
        guard !commonWords.contains(surname),
              headline || (!followsUnknownFirstName(mention, starts: starts) && !precedesUnknownName(mention, starts: starts)) else { return nil }
        let inOffice = mention.candidates.filter { id in
            guard let entity = gazetteer[id] else { return false }
            return date.map { day in entity.roles.contains { $0.holds(on: day) } } ?? !entity.roles.isEmpty
        }
        return inOffice.count == 1 ? inOffice[0] : nil
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

    /// Whether each sentence is a title-case headline ("Paris Attacks Trial
    /// Opens"): three quarters of its words or more capitalized.
    private func titleCaseSentences() -> [Bool] {
        text.sentences.map { sentence in
            var words = 0, capitalized = 0
            for index in sentence.tokens where text.tokens[index].kind == .word {
                words += 1
                if text.tokens[index].flags.contains(.capitalized) { capitalized += 1 }
            }
            return words > 0 && capitalized * 4 >= words * 3
        }
    }

    /// A one-word city name that runs into a capitalized word no gazetteer
    /// knows (not in a headline: the caller checks).
    private func startsUnknownName(_ mention: Mention, starts: [Bool]) -> Bool {
        guard mention.tokens.count == 1, mention.via == .name || mention.via == .alias else { return false }
        // The next token first: it rarely qualifies, and the city test costs a gazetteer look-up per candidate.
        let next = mention.tokens.upperBound
        guard next < text.tokens.count, !starts[next] else { return false }
        let token = text.tokens[next]
        guard token.kind == .word, token.flags.contains(.capitalized), !token.flags.contains(.allCaps),
              !token.flags.contains(.lineBreakBefore), !commonWords.contains(text.folded(token)) else { return false }
        return mention.candidates.allSatisfy { gazetteer.type(of: $0) == .city }
    }

    /// The ISO code of a country named just before `mention` as a demonym or possessive.
    private func qualifyingCountry(_ mention: Mention, endingAt: [Int32], in mentions: [Mention]) -> String? {
        var start = mention.tokens.lowerBound
        if start > 0, text.tokens[start - 1].flags.contains(.possessive) { start -= 1 }
        guard endingAt[start] >= 0 else { return nil }
        let before = mentions[Int(endingAt[start])]
        guard before.candidates.count == 1,
              before.via == .demonym || start < mention.tokens.lowerBound,
              gazetteer.type(of: before.candidates[0]) == .country else { return nil }
        return gazetteer.country(of: before.candidates[0])
    }
}
