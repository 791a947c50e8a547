import Testing
@testable import ActorGraph

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    private func words(_ text: String) throws -> [String] {
        let tokenized = try tokenizer.tokenize(text)
        return tokenized.tokens.map { String(tokenized.string(of: $0)) }
    }

    private func sentences(_ text: String) throws -> [String] {
        let tokenized = try tokenizer.tokenize(text)
        return tokenized.sentences.map { String(tokenized.string(ofTokens: $0.tokens)) }
    }

    @Test(arguments: [
        ("France's president", ["France", "'s", "president"]),
        ("Israel’s army", ["Israel", "’s", "army"]),
        ("the U.S. said", ["the", "U.S.", "said"]),
        ("flew to the U.S.", ["flew", "to", "the", "U.S."]),
        ("Gantz, 62, said:", ["Gantz", ",", "62", ",", "said", ":"]),
        ("\"misused\"", ["\"", "misused", "\""]),
        ("it's", ["it", "'s"]),
        ("Israelis' views", ["Israelis", "'", "views"]),
    ])
    func splitsWords(text: String, expected: [String]) throws {
        let actual = try words(text)
        #expect(actual == expected)
    }

    @Test func possessiveMarkerIsFlagged() throws {
        let tokenized = try tokenizer.tokenize("France's")
        #expect(tokenized.tokens.map { $0.flags.contains(.possessive) } == [false, true])
    }

    @Test(arguments: [
        ("Côte d’Ivoire", ["cote", "d'ivoire"]),
        ("ÉMIGRÉ", ["emigre"]),
        ("Straße", ["strasse"]),
        ("ﬁne", ["fine"]),
        ("U.S.", ["u.s."]),
        ("בני גנץ", ["בני", "גנץ"]),
        ("Diyarbakır Łódź Đà Nẵng Tromsø", ["diyarbakir", "lodz", "da", "nang", "tromso"]),
    ])
    func foldsForms(text: String, expected: [String]) throws {
        let tokenized = try tokenizer.tokenize(text)
        #expect(tokenized.tokens.map { tokenized.folded($0) } == expected)
    }

    @Test func aCombiningMarkAfterASpaceIsASymbolNotLost() throws {
        let tokenized = try tokenizer.tokenize("a \u{301} b")
        #expect(tokenized.tokens.map { String(tokenized.string(of: $0)) } == ["a", "\u{301}", "b"])
        #expect(tokenized.tokens.map(\.kind) == [.word, .symbol, .word])
    }

    @Test func formatCharactersStayOutOfTokensAndForms() throws {
        let tokenized = try tokenizer.tokenize("\u{200F}Macron\u{202C} and Ma\u{200D}cron")
        #expect(tokenized.tokens.map { String(tokenized.string(of: $0)) } == ["Macron", "and", "Ma\u{200D}cron"])
        #expect(tokenized.tokens.map { tokenized.folded($0) } == ["macron", "and", "macron"])
    }

    @Test func flagsCapitalization() throws {
        let tokenized = try tokenizer.tokenize("NSO Pegasus spyware")
        #expect(tokenized.tokens.map { $0.flags.contains(.capitalized) } == [true, true, false])
        #expect(tokenized.tokens.map { $0.flags.contains(.allCaps) } == [true, false, false])
    }

    @Test(arguments: [
        ("Mr. Gantz met Gen. Kochavi. They spoke.", ["Mr. Gantz met Gen. Kochavi.", "They spoke."]),
        ("The U.S. official said so. Then he left.", ["The U.S. official said so.", "Then he left."]),
        ("It began on Jan. 5 in Paris. Talks went on.", ["It began on Jan. 5 in Paris.", "Talks went on."]),
        ("Gantz heading to Paris\n\nDefense Ministry says Gantz to meet", ["Gantz heading to Paris", "Defense Ministry says Gantz to meet"]),
        ("  • Follow us on Twitter\n  • Gantz will meet Parly.", ["• Follow us on Twitter", "• Gantz will meet Parly."]),
        ("The minister said the talks\nwould go on. He left.", ["The minister said the talks\nwould go on.", "He left."]),
        ("First paragraph ends\n\nsecond starts", ["First paragraph ends", "second starts"]),
        ("Members of the U.N. Security Council met.", ["Members of the U.N. Security Council met."]),
        ("He flew to the U.S. The next day he left.", ["He flew to the U.S.", "The next day he left."]),
        ("Envoys flew to the U.S. Israel condemned it.", ["Envoys flew to the U.S.", "Israel condemned it."]),
        ("Talks opened at 9 a.m. Russia walked out.", ["Talks opened at 9 a.m.", "Russia walked out."]),
    ])
    func splitsSentences(text: String, expected: [String]) throws {
        let actual = try sentences(text)
        #expect(actual == expected)
    }

    @Test func emptyAndBlankTextsHaveNoTokens() throws {
        let empty = try tokenizer.tokenize("")
        #expect(empty.tokens.isEmpty)
        let blank = try tokenizer.tokenize(" \n\t ")
        #expect(blank.sentences.isEmpty)
    }

    @Test func scalarOffsetsCountScalarsNotBytes() throws {
        let text = "לוגו NSO and Côte d'Ivoire"
        let tokenized = try tokenizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        for token in tokenized.tokens {
            let start = tokenized.scalarOffset(ofUTF8: token.utf8Range.lowerBound)
            let end = tokenized.scalarOffset(ofUTF8: token.utf8Range.upperBound)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[start ..< end])
            #expect(String(slice) == String(tokenized.string(of: token)))
        }
    }

    /// Each way a byte beyond ASCII reaches the tokenizer: news punctuation, a
    /// curly apostrophe inside a word, a no-break space, a letter with an
    /// accent, an emoji; the end of the text is then past as many scalars as it has.
    @Test(arguments: ["Plain ASCII, \"quoted\" and U.S.-made.", "He said \u{201C}no\u{201D} \u{2014} twice\u{2026}",
                      "Israel\u{2019}s army", "at\u{00A0}noon", "Côte d'Ivoire", "drones 🇫🇷 flew"])
    func scalarOffsetOfTheEndIsTheScalarCount(text: String) throws {
        let tokenized = try tokenizer.tokenize(text)
        #expect(tokenized.scalarOffset(ofUTF8: text.utf8.count) == text.unicodeScalars.count)
        let last = try #require(tokenized.tokens.last)
        #expect(tokenized.scalarOffset(ofUTF8: last.utf8Range.lowerBound)
                == text.unicodeScalars.count - String(tokenized.string(of: last)).unicodeScalars.count)
    }

    @Test func tokensAreInOrderWithWhitespaceGaps() throws {
        let text = "Gantz, NSO’s \"Pegasus\"\r\n• 2021-07-27 — U.S.-made 🇫🇷 drones\u{0}! \u{200F}Macron\u{202C} Ma\u{200D}cron"
        let tokenized = try tokenizer.tokenize(text)
        var previousEnd = 0
        let utf8 = Array(text.utf8)
        for token in tokenized.tokens {
            #expect(Int(token.start) >= previousEnd && token.end > token.start)
            let gap = String(decoding: utf8[previousEnd ..< Int(token.start)], as: UTF8.self)
            #expect(gap.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.properties.generalCategory == .format })
            previousEnd = Int(token.end)
        }
        let tail = String(decoding: utf8[previousEnd...], as: UTF8.self)
        #expect(tail.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.properties.generalCategory == .format })
    }

    /// Two tokens share a form id exactly when their folded forms are equal:
    /// across thousands of distinct words (the table grows several times),
    /// words that differ only past their eighth byte or in length, and spans
    /// read, then undone and handed to ICU.
    @Test func formIDsAreEqualExactlyWhenFoldedFormsAre() throws {
        var words: [String] = []
        for index in 0 ..< 6000 {
            words.append("w\(index)")
            words.append("Stem\(index % 7)abcdefgh\(index % 5)")   // 13 to 14 bytes, one prefix
        }
        words += ["abcdefgh", "abcdefghi", "abcdefg", "ABCDEFGH", "a", "A", "Ma\u{200D}cron", "macron", "d’Ivoire", "d'ivoire"]
        let text = (words + words.reversed()).joined(separator: " ")
        let tokenized = try tokenizer.tokenize(text)
        var idOfForm: [String: FormID] = [:]
        var formOfID: [FormID: String] = [:]
        for token in tokenized.tokens {
            let form = tokenized.folded(token)
            #expect(idOfForm[form, default: token.form] == token.form, "\(form)")
            #expect(formOfID[token.form, default: form] == form, "\(form)")
            idOfForm[form] = token.form
            formOfID[token.form] = form
        }
        #expect(idOfForm.count == tokenized.vocabulary.count)
    }

    /// A copy of a vocabulary that interns more leaves the original as it was.
    @Test func aVocabularyCopyChangesAlone() {
        var original = Vocabulary(words: ["gantz", "netanyahu"])
        var copy = original
        let added = copy.intern("lapid")
        #expect(copy.lookup("lapid") == added && copy.count == 3)
        #expect(original.lookup("lapid") == nil && original.count == 2)
        #expect(original.intern("herzog") == added)   // the next id in each, independently
        #expect(copy.lookup("herzog") == nil)
    }

    /// Forms whose hashes collide are still told apart by their bytes.
    @Test func formsWithOneHashKeepTheirOwnIDs() {
        let interner = FormInterner()
        func intern(_ form: String) -> FormID {
            var form = form
            return form.withUTF8 { interner.intern($0, firstWord: Vocabulary.firstWord($0), hash: 42) }
        }
        let long = String(repeating: "x", count: 300)
        let forms = ["stem-abcdefgh-1", "stem-abcdefgh-2", "stem-abcdefgh-22", "short", "shorT", "a", "", long, long + "x", long + "xx"]
        let ids = forms.map(intern)
        #expect(Set(ids).count == forms.count)
        #expect(forms.map(intern) == ids)
    }
}
