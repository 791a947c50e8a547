import Foundation

/// Turns matched mentions into actors: picks among ambiguous entities, links
/// partial names, resolves titles through roles held on the document's date,
/// follows nominals back ("the company"), and discovers names that no
/// gazetteer lists from the cue words around them.
public struct MentionResolver: Sendable {
    /// The entities mentions are resolved to.
    public let gazetteer: Gazetteer
    let titleRules: [TitleRule]
    /// The rule id of each title rule's mentions ("title.prime-minister"), made once.
    let titleRuleIDs: [String]
    let nominalRules: [NominalRule]
    let cueRules: [CueRule]
    let titles: PhraseSet<Int>
    let nominals: PhraseSet<Int>
    let cues: PhraseSet<Int>
    /// The forms of `titles`, `nominals` and `cues`, in that order.
    let phraseForms: PhraseForms
    let commonWords: Set<String>
    let titleWords: Set<String>
    /// Sectors by type, then subtype (`sectors.rules`).
    let sectorsByKind: [ActorType: [String: String]]

    /// Compiles the title, nominal and cue lexicons of `rules`.
    public init(gazetteer: Gazetteer, rules: RuleSet) throws {
        self.gazetteer = gazetteer
        titleRules = rules.titles
        titleRuleIDs = rules.titles.map { "title.\(Self.slug($0.canonical))" }
        nominalRules = rules.nominals
        cueRules = rules.cues
        commonWords = rules.commonWords
        // Honorifics are not in titles.rules: they name no office.
        let honorifics = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "sheikh", "prince",
                          "princess", "gen", "gen.", "general", "col", "col.", "sen", "sen.", "rep", "rep.", "judge", "justice"]
        titleWords = Set(rules.titles.flatMap { [$0.canonical] + $0.spellings }.flatMap { $0.lowercased().split(separator: " ").map(String.init) } + honorifics)
        var sectorsByKind: [ActorType: [String: String]] = [:]
        for (kind, sector) in rules.sectors {
            // Keys are `type/subtype`; no type has a slash in its name.
            guard let slash = kind.firstIndex(of: "/"), let type = ActorType(rawValue: String(kind[..<slash])) else { continue }
            sectorsByKind[type, default: [:]][String(kind[kind.index(after: slash)...])] = sector
        }
        self.sectorsByKind = sectorsByKind
        let tokenizer = Tokenizer()
        var titles = PhraseSet<Int>.Builder()
        for (index, rule) in rules.titles.enumerated() {
            for spelling in rule.spellings + [rule.canonical] {
                try titles.add(text: spelling, payload: index, tokenizer: tokenizer)
                let plural = rules.inflector.nounForms(spelling.lowercased()).dropFirst()
                for form in plural { try titles.add(text: form, payload: index, tokenizer: tokenizer) }
            }
        }
        self.titles = titles.build()
        var nominals = PhraseSet<Int>.Builder()
        for (index, rule) in rules.nominals.enumerated() {
            for noun in rule.nouns { try nominals.add(text: noun, payload: index, tokenizer: tokenizer) }
        }
        self.nominals = nominals.build()
        var cues = PhraseSet<Int>.Builder()
        for (index, rule) in rules.cues.enumerated() {
            for word in rule.words { try cues.add(text: word, payload: index, tokenizer: tokenizer) }
        }
        self.cues = cues.build()
        phraseForms = PhraseForms(self.titles, self.nominals, self.cues)
    }

    /// Resolves `mentions` (from ``EntityMatcher``) in `text` into actors.
    ///
    /// - Parameters:
    ///   - text: The tokenized document.
    ///   - mentions: Its gazetteer mentions, from ``EntityMatcher/matches(in:)``.
    ///     Mentions outside the text, without candidates or naming entities the
    ///     gazetteer lacks are left out.
    ///   - date: The document's date; titles resolve to who held the office
    ///     then. Without one, a title resolves only to an office holder the
    ///     document names.
    /// - Returns: Actors in order of first mention.
    public func resolve(_ text: TokenizedText, mentions: [Mention], date: Day?) -> [Actor] {
        resolve(text, mentions: mentions, date: date, forms: phraseForms.translations(phraseForms.lookUp(text)))
    }

    /// ``resolve(_:mentions:date:)`` with the text's translations for `titles`, `nominals` and `cues`, in that
    /// order, made by whoever looked the text up (an ``Extractor`` does it once for the resolver and the events).
    func resolve(_ text: TokenizedText, mentions: [Mention], date: Day?, forms: [PhraseTranslation]) -> [Actor] {
        var state = ResolutionState(text: text, gazetteer: gazetteer, date: date, sectors: sectorsByKind)
        // Mentions made by hand may be wrong: keep those inside the text with a known entity.
        // (A loop, not closures: a closure would capture, and so copy, the whole resolver.)
        var usable: [Mention] = []
        usable.reserveCapacity(mentions.count)
        var positions: [Int32] = []      // the gazetteer positions of the usable mentions' candidates, in order
        positions.reserveCapacity(mentions.count)
        for var mention in mentions where !mention.tokens.isEmpty && mention.tokens.lowerBound >= 0
            && mention.tokens.upperBound <= text.tokens.count && !mention.candidates.isEmpty {
            guard appendPositions(of: mention, to: &positions) else { continue }
            mention.sentence = text.sentence(containing: mention.tokens.lowerBound)
            usable.append(mention)
        }
        state.add(Disambiguator(gazetteer: gazetteer, text: text, date: date, commonWords: commonWords, titleWords: titleWords)
            .resolve(usable, positions: positions))
        discover(&state, cueForms: forms[2])
        resolveTitles(&state, forms: forms[0])
        resolveNominals(&state, forms: forms[1])
        resolvePronouns(&state)
        return state.actors()
    }

    /// Appends the gazetteer positions of the candidates of `mention` to `positions`: the one the
    /// mention carries when it holds its id in this gazetteer (the matcher's do), else looked up.
    /// - Returns: Whether every candidate is in the gazetteer; when one is not, nothing is appended.
    private func appendPositions(of mention: Mention, to positions: inout [Int32]) -> Bool {
        let entities = gazetteer.entities
        if mention.position >= 0, mention.candidates.count == 1, entities.has(mention.candidates[0], at: Int(mention.position)) {
            positions.append(mention.position)
            return true
        }
        // Several candidates, or made by hand, or by a matcher of another gazetteer.
        let first = positions.count
        for id in mention.candidates {
            guard let position = entities.index(of: id) else {
                positions.removeSubrange(first...)
                return false
            }
            positions.append(Int32(position))
        }
        return true
    }

    // MARK: Discovered names

    private static let connectors: Set<String> = ["de", "del", "der", "van", "von", "al", "bin", "la", "le", "du", "da", "dos", "el", "ben"]
    /// Capitalized words that start sentences but never names: "His newspaper said".
    private static let notNames: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
        "he", "she", "it", "they", "we", "i", "you", "in", "on", "at", "for", "from", "with", "by", "of", "to",
        "and", "but", "or", "as", "after", "before", "when", "while", "if", "some", "many", "most", "all", "both",
    ]

    /// Finds capitalized names beside cue words ("spokesman X", "X NGO") that no mention covers.
    private func discover(_ state: inout ResolutionState, cueForms translated: PhraseTranslation) {
        let text = state.text
        // The cue words first, then the names beside them: a closure that read the text and the
        // state would copy both for each sentence.
        var cueMatches: [(range: Range<Int>, rules: ArraySlice<Int>, sentence: Range<Int>)] = []
        for sentence in text.sentences {
            let bounds = sentence.tokens
            cues.forEachMatch(in: text.tokens, translated: translated, starts: bounds, limit: bounds.upperBound) { range, payloads in
                cueMatches.append((range, payloads, bounds))
            }
        }
        var found: [(tokens: Range<Int>, rule: CueRule, ruleID: String)] = []
        for (range, rules, bounds) in cueMatches {
            for index in rules {
                let rule = cueRules[index]
                let name: Range<Int>
                switch rule.position {
                case .before: name = Self.capitalizedRun(from: range.upperBound, forward: true, in: bounds, state: state)
                case .after: name = Self.capitalizedRun(from: range.lowerBound - 1, forward: false, in: bounds, state: state)
                case .ends:
                    guard text.tokens[range.lowerBound].flags.contains(.capitalized) else { continue }
                    let before = Self.capitalizedRun(from: range.lowerBound - 1, forward: false, in: bounds, state: state)
                    name = before.isEmpty ? before : before.lowerBound ..< range.upperBound
                }
                guard !name.isEmpty else { continue }
                let cueText = text.folded(text.tokens[range.lowerBound])
                found.append((name, rule, "cue.\(rule.position.rawValue).\(cueText)"))
                break
            }
        }
        var discovered: [Entity.ID: (name: [String], type: ActorType)] = [:]
        for (range, rule, ruleID) in found where !state.isCovered(range) {
            let name = String(text.string(ofTokens: range))
            let id = Entity.ID(rawValue: Self.slug(name))
            guard !id.rawValue.isEmpty, !state.isGazetteerEntity(id) else { continue }
            state.discover(id: id, name: name, type: rule.type, subtype: rule.subtype)
            state.add([Mention(tokens: range, sentence: text.sentence(containing: range.lowerBound), candidates: [id], via: .name, rule: ruleID)])
            discovered[id] = (range.map { text.folded(text.tokens[$0]) }, rule.type)
        }
        guard !discovered.isEmpty else { return }
        // Later (and earlier) uses of a discovered name, and of a discovered person's surname.
        var names = PhraseSet<(Entity.ID, MentionVia)>.Builder()
        for (id, entry) in discovered.sorted(by: { $0.key < $1.key }) {
            names.add(forms: entry.name, payload: (id, .name))
            if entry.type == .person, entry.name.count >= 2, let surname = entry.name.last {
                names.add(forms: [surname], payload: (id, .partial))
            }
        }
        let set = names.build()
        let nameForms = set.translate(text)
        let tokens = text.tokens      // captured alone: capturing the text would copy it for each sentence
        var repeats: [Mention] = []
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            set.forEachMatch(in: tokens, translated: nameForms, starts: sentence.tokens, limit: sentence.tokens.upperBound) { range, payloads in
                guard let (id, via) = payloads.first, tokens[range.lowerBound].flags.contains(.capitalized) else { return }
                repeats.append(Mention(tokens: range, sentence: sentenceIndex, candidates: [id], via: via, rule: id.rawValue))
            }
        }
        state.add(EntityMatcher.leftmostLongest(repeats).filter { !state.isCovered($0.tokens) })
    }

    /// The run of capitalized words starting at `start` (going forward or backward), inside `bounds`.
    private static func capitalizedRun(from start: Int, forward: Bool, in bounds: Range<Int>, state: ResolutionState) -> Range<Int> {
        let text = state.text
        // The run is contiguous: its length is all there is to keep.
        var count = 0
        var index = start
        while bounds.contains(index), count < 6 {
            let token = text.tokens[index]
            let isName = token.kind == .word && token.flags.contains(.capitalized) && !token.flags.contains(.possessive)
            // The folded form is made only for a word that is not a name: most words of a run are.
            guard isName || (token.kind == .word && count > 0 && Self.connectors.contains(text.folded(token))),
                  !state.isCovered(index ..< index + 1) else { break }
            count += 1
            index += forward ? 1 : -1
        }
        var run = forward ? start ..< start + count : start - count + 1 ..< start + 1
        // Trim connectors at the edges and a leading determiner ("The").
        while let first = run.first, Self.connectors.contains(text.folded(text.tokens[first]))
            || Self.notNames.contains(text.folded(text.tokens[first])) { run = run.dropFirst() }
        while let last = run.last, Self.connectors.contains(text.folded(text.tokens[last])) { run = run.dropLast() }
        return run.isEmpty ? start ..< start : run
    }

    /// The discovered id of a name: lowercased, without diacritics, other characters as single hyphens.
    static func slug(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(name) }
        var result = ""
        var pendingHyphen = false
        for scalar in name.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// ``slug(_:)`` of an ASCII name, without Unicode normalization: ASCII
    /// has no marks to drop, and its letters and digits are its alphanumerics.
    private static func asciiSlug(_ name: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(name.utf8.count)
        var pendingHyphen = false
        for byte in name.utf8 {
            let lower = (UInt8(ascii: "A") ... UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            if (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(lower) || (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(lower) {
                if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                result.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: Titles

    /// Links "France's president", "the German chancellor", "his French
    /// counterpart" and "the president" to the person who held the office.
    private func resolveTitles(_ state: inout ResolutionState, forms translated: PhraseTranslation) {
        let text = state.text
        var matches: [(tokens: Range<Int>, value: Int)] = []
        for sentence in text.sentences {
            titles.forEachMatch(in: text.tokens, translated: translated, starts: sentence.tokens, limit: sentence.tokens.upperBound) { range, payloads in
                if let first = payloads.first { EntityMatcher.keepLeftmostLongest((range, first), in: &matches) }
            }
        }
        var found: [Mention] = []
        for (tokens, ruleIndex) in matches
        where !state.isCovered(tokens) && !Self.namesFollow(tokens, state: state) {
            let rule = titleRules[ruleIndex]
            let office = officeContext(before: tokens.lowerBound, after: tokens.upperBound, state: state)
            guard let holder = state.holder(of: rule.canonical, in: office, before: tokens.lowerBound) else { continue }
            found.append(Mention(tokens: tokens, sentence: text.sentence(containing: tokens.lowerBound),
                                 candidates: [holder], via: .title, rule: titleRuleIDs[ruleIndex]))
        }
        state.add(found)
        resolveCounterparts(&state)
    }

    /// "his French counterpart": the holder, in that country, of the office of the person last named.
    private func resolveCounterparts(_ state: inout ResolutionState) {
        let text = state.text
        // The forms looked up once, then compared by id: folded forms are NFKC, so equal strings have equal bytes.
        let forms = ["counterpart", "counterparts"].compactMap { text.vocabulary.lookup($0) }
        guard !forms.isEmpty else { return }
        var found: [Mention] = []
        for index in text.tokens.indices {
            guard forms.contains(text.tokens[index].form), !state.isCovered(index ..< index + 1),
                  !Self.namesFollow(index ..< index + 1, state: state),
                  let office = officeContext(before: index, after: index + 1, state: state),
                  let counterpart = state.counterpart(in: office, before: index) else { continue }
            found.append(Mention(tokens: index ..< index + 1, sentence: text.sentence(containing: index),
                                 candidates: [counterpart], via: .title, rule: "title.counterpart"))
        }
        state.add(found)
    }

    /// Whether a name follows the title at once ("President Emmanuel Macron"): then the name is the mention.
    private static func namesFollow(_ range: Range<Int>, state: ResolutionState) -> Bool {
        let next = range.upperBound
        guard next < state.text.tokens.count else { return false }
        let mention = state.mentionIndex(at: next)
        if let mention, state.type(ofMention: mention) == .person { return true }
        let token = state.text.tokens[next]
        return token.kind == .word && token.flags.contains(.capitalized) && !token.flags.contains(.lineBreakBefore)
            && mention == nil
    }

    /// The entity an office belongs to: "France's", "the French", "the U.S.", "of France".
    private func officeContext(before start: Int, after end: Int, state: ResolutionState) -> Entity.ID? {
        let text = state.text
        var index = start - 1
        // Mentions by index: their types were found when they were added.
        if index >= 0, let mention = state.mentionIndex(at: index),
           state.mentions[mention].via == .demonym || state.type(ofMention: mention) == .country {
            // "the French president", "the U.S. president"
            return state.mentions[mention].candidates.first
        }
        if index >= 0, text.tokens[index].flags.contains(.possessive) {
            index -= 1
            if index >= 0, let mention = state.mentionIndex(at: index), state.type(ofMention: mention) != .person {
                return state.mentions[mention].candidates.first
            }
        }
        if end + 1 < text.tokens.count, text.folded(text.tokens[end]) == "of",
           let mention = state.mentionIndex(at: end + 1)
            ?? (end + 2 < text.tokens.count && text.folded(text.tokens[end + 1]) == "the" ? state.mentionIndex(at: end + 2) : nil),
           state.type(ofMention: mention) == .country || state.type(ofMention: mention) == .organization {
            return state.mentions[mention].candidates.first
        }
        return nil
    }

    // MARK: Nominals

    /// Links "the company", "the ministry" to the last actor of that kind named before.
    private func resolveNominals(_ state: inout ResolutionState, forms translated: PhraseTranslation) {
        let text = state.text
        // The nouns first, then their antecedents: a closure that read the text and the state
        // would copy both for each sentence.
        var matches: [(range: Range<Int>, rule: Int?, sentenceStart: Int)] = []
        for sentence in text.sentences {
            let start = sentence.tokens.lowerBound
            nominals.forEachMatch(in: text.tokens, translated: translated, starts: sentence.tokens, limit: sentence.tokens.upperBound) { range, payloads in
                matches.append((range, payloads.first, start))
            }
        }
        var found: [Mention] = []
        for (range, ruleIndex, sentenceStart) in matches {
            guard range.lowerBound > sentenceStart, text.folded(text.tokens[range.lowerBound - 1]) == "the",
                  !state.isCovered(range), !Self.namesFollow(range, state: state), let index = ruleIndex else { continue }
            let rule = nominalRules[index]
            guard let antecedent = state.lastActor(before: range.lowerBound, type: rule.type, subtype: rule.subtype) else { continue }
            let noun = range.map { text.folded(text.tokens[$0]) }.joined(separator: "-")
            found.append(Mention(tokens: range, sentence: text.sentence(containing: range.lowerBound), candidate: antecedent.candidates[0],
                                 position: antecedent.position, via: .nominal, rule: "nominal.\(noun)"))
        }
        state.add(EntityMatcher.leftmostLongest(found))
    }

    // MARK: Pronouns

    /// "he", "his", "she", "her" refer to a person (`person`); "its" to an
    /// organization, product, country or group. ("it" is left alone: too
    /// often it refers to nothing.) Each with the rule of its mentions.
    private static let pronouns: [(form: String, person: Bool, rule: String)] = [
        ("he", true, "pronoun.he"), ("him", true, "pronoun.him"), ("his", true, "pronoun.his"),
        ("she", true, "pronoun.she"), ("her", true, "pronoun.her"), ("its", false, "pronoun.its"),
    ]

    /// Links a pronoun to the subject (first actor) of its sentence when that
    /// fits and comes before it, else to the last fitting actor named before it
    /// in its sentence, else to the subject of the sentence before when that
    /// fits, else to the last fitting actor of the sentence before.
    /// - Complexity: O(*n* + *m*) for *n* tokens and *m* mentions.
    private func resolvePronouns(_ state: inout ResolutionState) {
        let text = state.text
        // Which forms are pronouns (an index into `pronouns`, else -1): each pronoun looked up in
        // the text's vocabulary, rather than every form in the pronouns. Folded forms are NFKC,
        // so a form equal to an ASCII pronoun as a string has its bytes.
        var pronounOf = [Int8](repeating: -1, count: text.vocabulary.count)
        var anyPronoun = false
        for (index, pronoun) in Self.pronouns.enumerated() {
            guard let form = text.vocabulary.lookup(pronoun.form) else { continue }
            pronounOf[Int(form.rawValue)] = Int8(index)
            anyPronoun = true
        }
        guard anyPronoun else { return }
        // The pronouns' tokens in one tight pass; then only their sentences are looked at.
        var pronounTokens: [Int] = []
        text.tokens.withUnsafeBufferPointer { tokens in
            for index in tokens.indices where pronounOf[Int(tokens[index].form.rawValue)] >= 0 { pronounTokens.append(index) }
        }
        guard !pronounTokens.isEmpty else { return }
        let named = state.mentions
        // Mentions are referred to by index: each one's fit is worked out once.
        var fitsPerson = [Bool](repeating: false, count: named.count), fitsThing = fitsPerson
        for index in named.indices where named[index].via != .demonym {
            switch state.type(ofMention: index) {
            case .person?: fitsPerson[index] = true
            case .organization?, .product?, .country?, .group?: fitsThing[index] = true
            default: break
            }
        }
        // In text order a sentence's mentions stand together: each starts in its sentence.
        let order = state.textOrder
        let sentences = text.sentences
        var sentenceIndex = -1
        // Positions in `order`: the first mention of the sentence before, of this sentence, of the next one,
        // and the first of this sentence that does not end before the pronoun.
        var beforeStart = 0, hereStart = 0, hereEnd = 0, next = 0
        var lastPersonHere: Int?, lastThingHere: Int?, firstBefore: Int?, lastPersonBefore: Int?, lastThingBefore: Int?
        var found: [Mention] = []
        for index in pronounTokens {
            if sentenceIndex < 0 || sentences[sentenceIndex].tokens.upperBound <= index {
                sentenceIndex = text.sentence(containing: index)
                let bounds = sentences[sentenceIndex].tokens
                let previousStart = sentenceIndex > 0 ? sentences[sentenceIndex - 1].tokens.lowerBound : bounds.lowerBound
                while beforeStart < order.count && named[order[beforeStart]].tokens.lowerBound < previousStart { beforeStart += 1 }
                hereStart = max(hereStart, beforeStart)
                while hereStart < order.count && named[order[hereStart]].tokens.lowerBound < bounds.lowerBound { hereStart += 1 }
                hereEnd = max(hereEnd, hereStart)
                while hereEnd < order.count && named[order[hereEnd]].tokens.lowerBound < bounds.upperBound { hereEnd += 1 }
                let before = order[beforeStart ..< hereStart]
                firstBefore = before.first
                lastPersonBefore = before.last { fitsPerson[$0] }
                lastThingBefore = before.last { fitsThing[$0] }
                next = hereStart
                lastPersonHere = nil
                lastThingHere = nil
            }
            while next < hereEnd && named[order[next]].tokens.upperBound <= index {
                if fitsPerson[order[next]] { lastPersonHere = order[next] }
                if fitsThing[order[next]] { lastThingHere = order[next] }
                next += 1
            }
            guard !state.isCovered(index ..< index + 1) else { continue }
            let pronoun = Self.pronouns[Int(pronounOf[Int(text.tokens[index].form.rawValue)])]
            let fits = pronoun.person ? fitsPerson : fitsThing
            let subjectHere = next > hereStart && fits[order[hereStart]] ? order[hereStart] : nil
            let subjectBefore = firstBefore.flatMap { fits[$0] ? $0 : nil }
            guard let antecedent = subjectHere ?? (pronoun.person ? lastPersonHere : lastThingHere) ?? subjectBefore
                    ?? (pronoun.person ? lastPersonBefore : lastThingBefore),
                  let id = named[antecedent].candidates.first else { continue }
            found.append(Mention(tokens: index ..< index + 1, sentence: sentenceIndex, candidate: id, position: named[antecedent].position,
                                 via: .pronoun, rule: pronoun.rule))
        }
        state.add(found)
    }
}
