import ActorGraph
import Foundation

// tokenizer: bytes -> String(decoding:) -> Tokenizer().tokenize, then checks
// the token, gap, sentence and offset invariants of TokenizedText.

let tokenizer = Tokenizer()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    beginInput(bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    let tokenized: TokenizedText
    do { tokenized = try tokenizer.tokenize(text) } catch {
        invariant(false, "tokenize-throws", "tokenize threw \(error)")
        return 0
    }
    checkTokens(tokenized, text: text)
    return 0
}

func checkTokens(_ tokenized: TokenizedText, text: String) {
    invariant(Array(tokenized.text.utf8) == Array(text.utf8), "text-changed", "TokenizedText.text differs from the input")
    let utf8 = Array(text.utf8)
    // Reference scalar offsets: scalarsBefore[i] = scalars in utf8[0..<i].
    var scalarsBefore = [Int](repeating: 0, count: utf8.count + 1)
    for (index, byte) in utf8.enumerated() {
        scalarsBefore[index + 1] = scalarsBefore[index] + (byte & 0xC0 != 0x80 ? 1 : 0)
    }
    invariant(scalarsBefore[utf8.count] == text.unicodeScalars.count, "reference", "reference scalar count is off")
    func isScalarStart(_ offset: Int) -> Bool { offset == utf8.count || (offset < utf8.count && utf8[offset] & 0xC0 != 0x80) }

    func checkGap(_ range: Range<Int>, _ where_: String) {
        guard !range.isEmpty else { return }
        for scalar in String(decoding: utf8[range], as: UTF8.self).unicodeScalars {
            let ok = scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
            invariant(ok, "gap-content",
                      "The gap \(range) \(where_) holds U+\(String(scalar.value, radix: 16, uppercase: true)) (\(scalar.properties.generalCategory)), which is neither whitespace nor Cf; gap = \(swiftLiteral(String(decoding: utf8[range], as: UTF8.self)))")
            if !ok { return }
        }
    }

    var previousEnd = 0
    var previousScalar = 0
    for (index, token) in tokenized.tokens.enumerated() {
        let start = Int(token.start), end = Int(token.end)
        invariant(start < end, "token-empty", "token \(index) is empty at \(start)")
        invariant(end <= utf8.count, "token-bounds", "token \(index) \(start)..<\(end) ends past the UTF-8 length \(utf8.count)")
        invariant(start >= previousEnd, "token-order", "token \(index) \(start)..<\(end) starts before the previous token's end \(previousEnd)")
        guard start < end, end <= utf8.count, start >= previousEnd else { return }
        invariant(isScalarStart(start) && isScalarStart(end), "token-scalar-boundary", "token \(index) \(start)..<\(end) splits a scalar")
        checkGap(previousEnd ..< start, "before token \(index)")
        let written = String(decoding: utf8[start ..< end], as: UTF8.self)
        invariant(String(tokenized.string(of: token)) == written && Array(tokenized.string(of: token).utf8) == utf8[start ..< end].map { $0 },
                  "token-string", "string(of: token \(index)) != bytes \(start)..<\(end)")
        invariant(token.utf8Range == start ..< end, "token-range", "utf8Range != start..<end")
        let scalarStart = tokenized.scalarOffset(ofUTF8: start)
        let scalarEnd = tokenized.scalarOffset(ofUTF8: end)
        invariant(scalarStart == scalarsBefore[start] && scalarEnd == scalarsBefore[end], "scalar-offset",
                  "scalarOffset(ofUTF8:) gives \(scalarStart)..<\(scalarEnd) for token \(index) \(start)..<\(end); expected \(scalarsBefore[start])..<\(scalarsBefore[end])")
        invariant(scalarStart >= previousScalar && scalarEnd > scalarStart, "scalar-offset-monotonic",
                  "scalarOffset not monotonic at token \(index): previous \(previousScalar), now \(scalarStart)..<\(scalarEnd)")
        previousScalar = scalarEnd
        previousEnd = end
    }
    checkGap(previousEnd ..< utf8.count, "after the last token")
    invariant(tokenized.scalarOffset(ofUTF8: utf8.count) == scalarsBefore[utf8.count], "scalar-offset",
              "scalarOffset(ofUTF8: length) = \(tokenized.scalarOffset(ofUTF8: utf8.count)), expected \(scalarsBefore[utf8.count])")

    // Sentences: non-empty, contiguous, in order, covering every token.
    let sentences = tokenized.sentences
    if tokenized.tokens.isEmpty {
        invariant(sentences.isEmpty, "sentences-cover", "no tokens but \(sentences.count) sentences")
        return
    }
    var next = 0
    for (number, sentence) in sentences.enumerated() {
        invariant(sentence.tokens.lowerBound == next && !sentence.tokens.isEmpty, "sentences-cover",
                  "sentence \(number) covers tokens \(sentence.tokens), expected a non-empty range from \(next)")
        next = sentence.tokens.upperBound
    }
    invariant(next == tokenized.tokens.count, "sentences-cover", "sentences end at token \(next) of \(tokenized.tokens.count)")
    for (number, sentence) in sentences.enumerated() {
        for index in [sentence.tokens.lowerBound, sentence.tokens.upperBound - 1] {
            invariant(tokenized.sentence(containing: index) == number, "sentence-containing",
                      "sentence(containing: \(index)) = \(tokenized.sentence(containing: index)), expected \(number)")
        }
    }
}
