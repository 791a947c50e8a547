import Foundation
import Testing
@testable import ActorGraph

/// The ASCII fast path must split text exactly as ICU does: every token
/// (offsets, kind, flags, folded form) and every sentence the same, on real
/// articles and on generated text that mixes ASCII with what ICU alone handles.
@Suite struct TokenizerDifferentialTests {
    private let fast = Tokenizer()
    private let reference = Tokenizer(asciiFastPath: false)

    private func expectIdentical(_ text: String, _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        let a = try fast.tokenize(text), b = try reference.tokenize(text)
        let same = a.tokens == b.tokens && a.sentences.map(\.tokens) == b.sentences.map(\.tokens)
            && a.tokens.map { a.folded($0) } == b.tokens.map { b.folded($0) }
        if !same {
            let index = a.tokens.indices.first { $0 >= b.tokens.count || a.tokens[$0] != b.tokens[$0] } ?? a.tokens.count
            let show = { (t: TokenizedText) in t.tokens.dropFirst(max(0, index - 2)).prefix(5).map { "\(t.string(of: $0))|\($0.kind)|\($0.flags.rawValue)" } }
            Issue.record("\(label()): fast \(show(a)) vs ICU \(show(b)) in \(String(reflecting: text.prefix(300)))", sourceLocation: sourceLocation)
        }
        return same
    }

    /// Every `.txt` under the test corpora, plus the benchmark's news corpus in `.bench/news` when it has been fetched.
    @Test func articlesTokenizeIdentically() throws {
        var folders = ["Tests/Corpus", "Tests/Coverage"].map { packageRoot.appendingPathComponent($0) }
        let news = packageRoot.appendingPathComponent(".bench/news")
        if FileManager.default.fileExists(atPath: news.path) { folders.append(news) }
        var checked = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".txt") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                if try !expectIdentical(text, name) { return }
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    /// Event-case sentences: short, punctuation-heavy news prose.
    @Test func eventCaseSentencesTokenizeIdentically() throws {
        for name in ["cases.tsv", "heldout.tsv"] {
            let text = try String(contentsOf: packageRoot.appendingPathComponent("Tests/Events/\(name)"), encoding: .utf8)
            #expect(try expectIdentical(text, name))
        }
    }

    /// Text built at random (fixed seed) from pieces where the two paths could
    /// part: joiners between letters and digits, abbreviations, underscores,
    /// controls, whitespace of every kind, and non-ASCII next to ASCII.
    @Test func generatedTextTokenizesIdentically() throws {
        let pieces = [
            "a", "Z", "x", "Paris", "U", "S", "e", "g", "don", "t", "1", "7", "2021", "G", "F35", "3rd",
            ".", ".", "'", "'", ",", ";", ":", "_", "-", "--", "(", ")", "\"", "?", "!", "$", "%", "&", "/", "@", "#", "*", "+", "=",
            "`", "^", "|", "~", "<", ">", "[", "]", "{", "}", "\\",
            " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\u{0B}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}",
            "é", "É", "ı", "ß", "“", "”", "’", "‘", "—", "…", "\u{301}", "\u{200D}", "\u{200B}", "\u{200E}", "\u{FEFF}",
            "\u{A0}", "\u{2009}", "\u{2028}", "\u{85}", "😀", "👍🏽", "🇫🇷", "北京", "東京", "กรุงเทพ", "قطر", "Київ", "שלום",
            "Mr.", "U.S.", "p.m.", "1,000", "3.5", "France's", "France’s", "Jones'", "n't", "e-mail", "9:30",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var failures = 0
        for round in 0 ..< 20_000 {
            let text = (0 ..< 1 + next(24)).map { _ in pieces[next(pieces.count)] }.joined()
            if try !expectIdentical(text, "generated text \(round)") { failures += 1 }
            if failures >= 5 { break }
        }
    }
}
