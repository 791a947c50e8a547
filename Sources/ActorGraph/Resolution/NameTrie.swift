/// Phrases of one document's own form ids, each with the first payload added
/// for it: the names discovered in a document, for finding their other uses.
///
/// It matches as a ``PhraseSet`` of the same phrases would (a joining hyphen
/// inside a phrase left out, and skipped in the text between two words written
/// without spaces), but needs no compiling and no translation of the
/// document's vocabulary, for the few names of one document.
struct NameTrie<Payload> {
    /// The node a phrase starting with each form of the document reaches; 0 when none starts with it.
    private var firstNodes: [Int32]
    /// The nodes below the first words, by (node << 32 | form).
    private var edges: [UInt64: Int32] = [:]
    /// The first payload of the phrase that ends at each node, if one does (node 0 is the root).
    private var payloads: [Payload?] = [nil]
    /// The document's forms of the joining hyphens ("-", U+2010, U+2011), and whether a phrase has each as a word.
    private let hyphens: [FormID]
    private var hyphenInPhrase: [Bool]

    /// An empty trie over the forms of `text`.
    init(text: TokenizedText) {
        firstNodes = [Int32](repeating: 0, count: text.vocabulary.count)
        hyphens = ["-", "\u{2010}", "\u{2011}"].compactMap { text.vocabulary.lookup($0) }
        hyphenInPhrase = [Bool](repeating: false, count: hyphens.count)
    }

    /// Adds a phrase of the document's forms; the first payload added for a phrase is the one matches report.
    mutating func add(forms: [FormID], payload: Payload) {
        var node: Int32 = 0
        for (offset, form) in forms.enumerated() {
            let hyphen = hyphens.firstIndex(of: form)
            if offset > 0 && offset < forms.count - 1 && hyphen != nil { continue }
            if let hyphen { hyphenInPhrase[hyphen] = true }
            node = child(of: node, form: form)
        }
        guard node != 0, payloads[Int(node)] == nil else { return }
        payloads[Int(node)] = payload
    }

    private mutating func child(of node: Int32, form: FormID) -> Int32 {
        if node == 0, firstNodes[Int(form.rawValue)] != 0 { return firstNodes[Int(form.rawValue)] }
        let key = UInt64(node) << 32 | UInt64(form.rawValue)
        if node != 0, let next = edges[key] { return next }
        let next = Int32(payloads.count)
        payloads.append(nil)
        if node == 0 { firstNodes[Int(form.rawValue)] = next } else { edges[key] = next }
        return next
    }

    /// Calls `body` for every phrase that matches tokens `start ..< end` with
    /// `start` in `starts` and `end` at most `limit`, shortest first, with its first payload.
    func forEachMatch(in tokens: ContiguousArray<Token>, starts: Range<Int>, limit: Int, _ body: (Range<Int>, Payload) -> Void) {
        for start in starts {
            var node = firstNodes[Int(tokens[start].form.rawValue)]
            guard node != 0 else { continue }
            var index = start + 1
            if let payload = payloads[Int(node)] { body(start ..< index, payload) }
            while index < limit {
                let form = tokens[index].form
                // A hyphen between two words of a phrase, written without spaces, is skipped.
                if let hyphen = hyphens.firstIndex(of: form), !hyphenInPhrase[hyphen], index + 1 < limit,
                   !tokens[index].flags.contains(.spaceBefore), !tokens[index + 1].flags.contains(.spaceBefore) {
                    index += 1
                    continue
                }
                guard let next = edges[UInt64(node) << 32 | UInt64(form.rawValue)] else { break }
                node = next
                index += 1
                if let payload = payloads[Int(node)] { body(start ..< index, payload) }
            }
        }
    }
}
