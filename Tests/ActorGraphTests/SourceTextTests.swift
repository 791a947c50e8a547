import Foundation
import Testing
@testable import ActorGraph

@Suite struct SourceTextTests {
    @Test func sentencesAreTheOnesTheGraphNumbers() throws {
        let files = try FileManager.default.contentsOfDirectory(at: corpusFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let source = try SourceText(text)
            let graph = try extractor().extract(text, date: "2021-07-27")
            #expect(source.length == graph.document.length)
            for mention in graph.actors.flatMap(\.mentions) {
                #expect(source.slice(mention.start ..< mention.end) == mention.text)
                #expect(source.sentences[mention.sentence].contains(mention.start), "\(file.lastPathComponent): \(mention.text)")
            }
            for event in graph.events {
                #expect(source.sentence(event.trigger.sentence).contains(event.trigger.text))
            }
        }
    }

    @Test func tokensAreScalarRangesOfNonEmptyText() throws {
        let source = try SourceText("Zoë met the U.S. envoy in Kyiv — France's ally.")
        #expect(source.tokens.map { source.slice($0) } == ["Zoë", "met", "the", "U.S.", "envoy", "in", "Kyiv", "—", "France", "'s", "ally", "."])
        #expect(source.sentences.count == 1)
        #expect(source.slice(40 ..< 1000) == "s ally.")
        #expect(source.sentence(7) == "")
    }

    @Test func slicesCountUnicodeScalarsNotBytes() throws {
        let plain = try SourceText("Kyiv and Paris.")
        #expect(plain.length == 15 && plain.slice(5 ..< 8) == "and" && plain.slice(-3 ..< 4) == "Kyiv" && plain.slice(20 ..< 30) == "")
        // A combining accent, a precomposed é and a four-byte scalar before the name.
        let wide = try SourceText("e\u{301}t\u{E9} \u{1F600} in Kyiv")
        #expect(wide.length == 14)
        #expect(Array(wide.slice(0 ..< 2).unicodeScalars) == ["e", "\u{301}"])
        #expect(wide.slice(5 ..< 6) == "\u{1F600}" && wide.slice(10 ..< 14) == "Kyiv" && wide.slice(12 ..< 99) == "iv")
    }
}
