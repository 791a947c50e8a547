/// English inflection for trigger lexicons: verb forms from a lemma, plurals from a noun.
///
/// Regular forms follow the spelling rules (drop a final *e*, *y* → *ie*,
/// doubled final consonant after a short vowel); irregular verbs come from
/// `irregular-verbs.txt`.
struct Inflector: Sendable {
    /// The forms of one verb.
    enum VerbForm: UInt8, Sendable, Hashable {
        case base, thirdPerson, past, pastParticiple, gerund
    }

    struct Irregular: Sendable, Hashable {
        var past: [String]
        var participle: [String]
        var thirdPerson: String?
        var gerund: String?
    }

    var irregular: [String: Irregular] = [:]

    /// Every form of a verb, multi-word verbs inflecting their first word ("call for" → "called for").
    func verbForms(_ lemma: String) -> [(text: String, form: VerbForm)] {
        let words = lemma.split(separator: " ").map(String.init)
        guard let head = words.first else { return [] }
        let rest = words.dropFirst().joined(separator: " ")
        var forms: [(String, VerbForm)] = [(head, .base)]
        if let entry = irregular[head] {
            forms.append((entry.thirdPerson ?? thirdPerson(head), .thirdPerson))
            forms += entry.past.map { ($0, .past) }
            forms += entry.participle.map { ($0, .pastParticiple) }
            forms.append((entry.gerund ?? gerunds(head)[0], .gerund))
        } else {
            forms.append((thirdPerson(head), .thirdPerson))
            for past in pasts(head) {
                forms.append((past, .past))
                forms.append((past, .pastParticiple))
            }
            forms += gerunds(head).map { ($0, .gerund) }
        }
        var seen = Set<String>()
        var result: [(text: String, form: VerbForm)] = []
        for (word, form) in forms where seen.insert(word + "\u{1}" + String(form.rawValue)).inserted {
            result.append((rest.isEmpty ? word : word + " " + rest, form))
        }
        return result
    }

    /// A noun and its plural; a multi-word noun pluralizes its last word.
    func nounForms(_ noun: String) -> [String] {
        var words = noun.split(separator: " ").map(String.init)
        guard let last = words.last else { return [] }
        words[words.count - 1] = plural(last)
        let pluralized = words.joined(separator: " ")
        return pluralized == noun ? [noun] : [noun, pluralized]
    }

    func plural(_ noun: String) -> String {
        // Already plural: "talks", "sanctions" (but "bus", "crisis", "address" are singular).
        if noun.hasSuffix("s") && !noun.hasSuffix("ss") && !noun.hasSuffix("us") && !noun.hasSuffix("is") { return noun }
        if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("z") || noun.hasSuffix("ch") || noun.hasSuffix("sh") {
            return noun + "es"
        }
        if endsInConsonantY(noun) { return noun.dropLast() + "ies" }
        return noun + "s"
    }

    private func thirdPerson(_ verb: String) -> String {
        if verb.hasSuffix("s") || verb.hasSuffix("x") || verb.hasSuffix("z") || verb.hasSuffix("ch")
            || verb.hasSuffix("sh") || verb.hasSuffix("o") {
            return verb + "es"
        }
        if endsInConsonantY(verb) { return verb.dropLast() + "ies" }
        return verb + "s"
    }

    private func pasts(_ verb: String) -> [String] {
        if verb.hasSuffix("e") { return [verb + "d"] }
        if endsInConsonantY(verb) { return [verb.dropLast() + "ied"] }
        if doublesFinalConsonant(verb), let last = verb.last { return [verb + String(last) + "ed"] }
        if endsInUnstressedL(verb) { return [verb + "ed", verb + "led"] }
        if verb.hasSuffix("c") { return [verb + "ked"] }
        return [verb + "ed"]
    }

    private func gerunds(_ verb: String) -> [String] {
        if verb.hasSuffix("ie") { return [verb.dropLast(2) + "ying"] }
        if verb.hasSuffix("e") && !verb.hasSuffix("ee") && !verb.hasSuffix("ye") && !verb.hasSuffix("oe") && verb.count > 2 {
            return [verb.dropLast() + "ing"]
        }
        if doublesFinalConsonant(verb), let last = verb.last { return [verb + String(last) + "ing"] }
        if endsInUnstressedL(verb) { return [verb + "ing", verb + "ling"] }
        if verb.hasSuffix("c") { return [verb + "king"] }
        return [verb + "ing"]
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    private func endsInConsonantY(_ word: String) -> Bool {
        guard word.hasSuffix("y"), word.count >= 2 else { return false }
        let before = word[word.index(word.endIndex, offsetBy: -2)]
        return !Self.vowels.contains(before)
    }

    /// One vowel group ending consonant-vowel-consonant: "stop", "ban", "plan" (not "target").
    private func doublesFinalConsonant(_ word: String) -> Bool {
        let letters = Array(word)
        guard letters.count >= 3, let last = letters.last, !Self.vowels.contains(last), !"wxy".contains(last),
              Self.vowels.contains(letters[letters.count - 2]), !Self.vowels.contains(letters[letters.count - 3]) else {
            return false
        }
        var groups = 0
        var inVowel = false
        for letter in letters {
            let vowel = Self.vowels.contains(letter) || (letter == "y" && !inVowel && groups > 0)
            if vowel && !inVowel { groups += 1 }
            inVowel = vowel
        }
        return groups == 1
    }

    /// Two or more syllables ending in a single vowel and "l": "travel", "cancel", "signal".
    private func endsInUnstressedL(_ word: String) -> Bool {
        let letters = Array(word)
        guard letters.count >= 5, letters.last == "l", Self.vowels.contains(letters[letters.count - 2]),
              !Self.vowels.contains(letters[letters.count - 3]) else { return false }
        return true
    }
}
