/// The words the event rules compare tokens with, each given a small id when
/// the rules are compiled.
///
/// ``ClauseView`` reads each distinct form of a document here once, so that
/// the clause and slot rules compare integers and test class bits per token,
/// where they would otherwise compare strings and hash them into sets. Its
/// words join the event extractor's ``PhraseForms``, so a document's forms are
/// looked up once for the phrase sets and the lexicon together.
struct EventLexicon: Sendable {
    /// Words the rules name one by one. Interned first, so that each one's id is its raw value.
    enum Word: UInt32, CaseIterable, Sendable {
        case comma, semicolon, hyphen, apostrophe, ampersand, and, or, but, `as`, to, by, of, `for`

        var text: String {
            switch self {
            case .comma: ","
            case .semicolon: ";"
            case .hyphen: "-"
            case .apostrophe: "'"
            case .ampersand: "&"
            case .and: "and"
            case .or: "or"
            case .but: "but"
            case .as: "as"
            case .to: "to"
            case .by: "by"
            case .of: "of"
            case .for: "for"
            }
        }
    }

    /// The classes of a word: the sets of ``FunctionWords`` and the rules, and
    /// the shapes of a document's form that the rules ask about.
    struct Classes: OptionSet, Sendable {
        let rawValue: UInt32
        static let preposition = Classes(rawValue: 1 << 0)
        static let auxiliary = Classes(rawValue: 1 << 1)
        static let beForm = Classes(rawValue: 1 << 2)
        static let conjunction = Classes(rawValue: 1 << 3)
        static let relativePronoun = Classes(rawValue: 1 << 4)
        static let determiner = Classes(rawValue: 1 << 5)
        static let quantity = Classes(rawValue: 1 << 6)
        static let adverb = Classes(rawValue: 1 << 7)
        static let lightVerb = Classes(rawValue: 1 << 8)
        /// A clause boundary of the rules (`boundary` lines).
        static let boundary = Classes(rawValue: 1 << 9)
        /// "the", "this", "that": an event noun after one may retell an earlier event.
        static let definite = Classes(rawValue: 1 << 10)
        /// A document form ending in "s" but not "ss", and not "'s": a plural-looking noun.
        static let pluralLooking = Classes(rawValue: 1 << 11)
        /// A document form ending in "ed" or "en".
        static let participleLooking = Classes(rawValue: 1 << 12)
        /// A document form of ASCII bytes only, whose string equality is byte equality.
        static let ascii = Classes(rawValue: 1 << 13)
        /// A form that may begin a time expression (``TimeExpressionFinder/possibleStarts(in:)``).
        static let timeStart = Classes(rawValue: 1 << 14)
        /// The first word of a response phrase ("in retaliation for").
        static let responseStart = Classes(rawValue: 1 << 15)
    }

    /// The id of a document form that is no word of the lexicon.
    static let unknown = UInt32.max

    private var words = Vocabulary()
    private var classes: [Classes] = []
    /// Two-word light verbs ("carried out") as (first id << 32 | second id).
    private var lightVerbPairs = Set<UInt64>()
    /// Every light verb, for pairs of forms the ids cannot answer for.
    let lightVerbs: Set<String>
    /// Whether a light verb has more than two words, which the pairs leave out.
    private var hasLongLightVerbs = false
    /// The lexicon id of each form of the ``PhraseForms`` union bound by ``bind(to:)``, by union id.
    private var byUnion: [UInt32] = []

    init(boundaries: Set<String>, lightVerbs: Set<String>) {
        self.lightVerbs = lightVerbs
        for word in Word.allCases {
            let id = intern(word.text)
            precondition(id == word.rawValue, "EventLexicon.Word ids follow their order")
        }
        add(FunctionWords.prepositions, as: .preposition)
        add(FunctionWords.auxiliaries, as: .auxiliary)
        add(FunctionWords.beForms, as: .beForm)
        add(FunctionWords.conjunctions, as: .conjunction)
        add(FunctionWords.relativePronouns, as: .relativePronoun)
        add(FunctionWords.determiners, as: .determiner)
        add(FunctionWords.quantities, as: .quantity)
        add(FunctionWords.adverbs, as: .adverb)
        add(EventExtractor.definiteDeterminers, as: .definite)
        add(boundaries, as: .boundary)
        add(lightVerbs, as: .lightVerb)
        add(TimeExpressionFinder.startWords, as: .timeStart)
        for verb in lightVerbs {
            let parts = verb.split(separator: " ", omittingEmptySubsequences: false)
            if parts.count == 2 {
                lightVerbPairs.insert(UInt64(intern(String(parts[0]))) << 32 | UInt64(intern(String(parts[1]))))
            } else if parts.count > 2 {
                hasLongLightVerbs = true
            }
        }
    }

    /// The ids of a phrase's words, interning them.
    mutating func phrase(_ words: [String]) -> [UInt32] {
        words.map { intern($0) }
    }

    /// Puts the first word of each of `phrases` (lexicon ids) in `wordClass`.
    mutating func addFirstWords(of phrases: [[UInt32]], as wordClass: Classes) {
        for case let first? in phrases.map(\.first) { classes[Int(first)].insert(wordClass) }
    }

    /// The lexicon's words, in id order: what ``PhraseForms`` must hold for ``bind(to:)``.
    var allWords: [String] { (0 ..< words.count).map { words.string(of: FormID(rawValue: UInt32($0))) } }

    /// Maps the ids of `union`, which holds ``allWords``, to lexicon ids, for ``lookUp(_:_:)``.
    mutating func bind(to union: PhraseForms) {
        byUnion = [UInt32](repeating: Self.unknown, count: union.count)
        for (id, word) in allWords.enumerated() {
            guard let unionID = union.id(of: word) else { preconditionFailure("the union holds the lexicon's words") }
            byUnion[Int(unionID)] = UInt32(id)
        }
    }

    private mutating func add(_ set: some Sequence<String>, as wordClass: Classes) {
        for word in set { classes[Int(intern(word))].insert(wordClass) }
    }

    private mutating func intern(_ word: String) -> UInt32 {
        let id = words.intern(word).rawValue
        if Int(id) == classes.count { classes.append([]) }
        return id
    }

    /// Whether the words with ids `first` and `second`, a space between them, are a light verb,
    /// when the ids can tell (`nil` when a light verb of three words or more could be the answer).
    func isLightVerb(_ first: UInt32, _ second: UInt32) -> Bool? {
        guard !hasLongLightVerbs else { return nil }
        return first != Self.unknown && second != Self.unknown && lightVerbPairs.contains(UInt64(first) << 32 | UInt64(second))
    }

    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>, with suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let start = suffix.utf8Start
        for offset in 0 ..< count where bytes[bytes.count - count + offset] != start[offset] { return false }
        return true
    }

    /// The lexicon id (or ``unknown``) and the classes of each of the forms of
    /// `text`, by form id, read from `lookup`, the text's forms in the union
    /// this lexicon is bound to (``bind(to:)``).
    func lookUp(_ text: TokenizedText, _ lookup: PhraseForms.Lookup) -> (ids: [UInt32], classes: [Classes]) {
        var ids = [UInt32](repeating: Self.unknown, count: text.vocabulary.count)
        var formClasses = [Classes](repeating: [], count: ids.count)
        text.vocabulary.forEachForm { form, bytes, _ in
            let index = Int(form.rawValue)
            var found: Classes = []
            let unionID = lookup.id(of: index)
            if unionID != .max, case let id = byUnion[Int(unionID)], id != Self.unknown {
                ids[index] = id
                found = classes[Int(id)]
            }
            let ascii = text.isASCII(form: bytes)
            if ascii {
                // ASCII: a suffix of letters is one of bytes.
                found.insert(.ascii)
                if Self.ends(bytes, with: "s") && !Self.ends(bytes, with: "ss") && !bytes.elementsEqual("'s".utf8) {
                    found.insert(.pluralLooking)
                }
                if Self.ends(bytes, with: "ed") || Self.ends(bytes, with: "en") { found.insert(.participleLooking) }
            } else {
                let string = text.folded(form: form)
                if string.hasSuffix("s") && !string.hasSuffix("ss") && string != "'s" { found.insert(.pluralLooking) }
                if EventExtractor.looksLikeParticiple(string) { found.insert(.participleLooking) }
            }
            // The start words are in the lexicon with the class: the rest is the finder's rule.
            if TimeExpressionFinder.mayStart(bytes, ascii: ascii, isStartWord: found.contains(.timeStart)) { found.insert(.timeStart) }
            formClasses[index] = found
        }
        return (ids, formClasses)
    }
}
