/// Hyphens that join words: hyphen-minus, U+2010 and the non-breaking U+2011.
private let joiningHyphens: Set<String> = ["-", "\u{2010}", "\u{2011}"]

/// A set of phrases (sequences of folded token forms), each with payloads,
/// compiled into a trie over form ids in flat arrays.
///
/// Matching walks the trie from each start token, so its cost per token is
/// bounded by the longest phrase and does not grow with the number of
/// phrases. Every lookup is one probe of an open-addressing table.
struct PhraseSet<Payload: Sendable>: Sendable {
    /// The tables, flat so that a compiled gazetteer maps them from its file.
    struct Tables: Sendable {
        var forms = FormTable()
        /// Open addressing over (node << 32 | form) + 1; 0 = empty; a power of two long.
        var edgeKeys = FlatArray<UInt64>()
        var edgeTargets = FlatArray<UInt32>()
        /// The payloads of node i are payloads[payloadEnds[i-1] ..< payloadEnds[i]].
        var payloadEnds = FlatArray<UInt32>()
        /// Node i's Bloom filter over its edges is childFilters[childFilterEnds[i-1] ..< childFilterEnds[i]]:
        /// a power of two words, eight to sixteen bits an edge, none for a leaf. It
        /// answers most lookups of a missing edge without reading the much larger
        /// edge table, and, one per node, keeps the filters of the nodes walks pass
        /// most (the first words of many phrases) in cache, where one filter over
        /// all edges spreads their lookups over all of it.
        var childFilterEnds = FlatArray<UInt32>()
        var childFilters = FlatArray<UInt64>()
        /// The node each form reaches from the root (0 when no phrase starts
        /// with it), by form id: a document's translation reads it in place of
        /// a probe of the edge table, which a large set keeps far out of cache.
        var firstNodes = FlatArray<UInt32>()
    }

    let tables: Tables
    let payloads: [Payload]
    private let edgeMask: Int

    /// A set from its tables; a compiled gazetteer's loader checks them first.
    init(tables: Tables, payloads: [Payload]) {
        self.tables = tables
        self.payloads = payloads
        edgeMask = tables.edgeKeys.count - 1
    }

    /// Collects phrases, then compiles them.
    struct Builder {
        private var vocabulary = Vocabulary()
        /// Edges made so far, in the layout of the final table: (node << 32 | form) + 1, 0 = empty.
        private var edgeKeys = [UInt64](repeating: 0, count: 16)
        private var edgeTargets = [UInt32](repeating: 0, count: 16)
        private var edgeCount = 0
        private var nodeCount = 1
        private var entries: [(node: UInt32, payload: Payload)] = []

        /// Adds a phrase given as folded forms. A hyphen inside the phrase is
        /// left out: matching skips a hyphen written between two words, so
        /// "Al-Thani" and "Al Thani" match each other both ways.
        mutating func add(forms: [String], payload: Payload) {
            var node: UInt32 = 0
            var length = 0
            for (offset, form) in forms.enumerated() {
                if offset > 0 && offset < forms.count - 1 && joiningHyphens.contains(form) { continue }
                node = child(of: node, form: vocabulary.intern(form).rawValue)
                length += 1
            }
            guard length > 0 else { return }
            entries.append((node, payload))
        }

        /// Adds a phrase of ASCII letters and digits between spaces, folded
        /// to lowercase here, without a tokenizer or a `String` per word.
        mutating func add(plainWords text: String, payload: Payload) {
            var text = text
            var node: UInt32 = 0
            var length = 0
            text.withUTF8 { bytes in
                var word = [UInt8](repeating: 0, count: bytes.count)
                word.withUnsafeMutableBufferPointer { out in
                    var index = 0
                    while index < bytes.count {
                        guard bytes[index] != UInt8(ascii: " ") else { index += 1; continue }
                        var end = 0
                        while index < bytes.count && bytes[index] != UInt8(ascii: " ") {
                            let byte = bytes[index]
                            out[end] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                            end += 1
                            index += 1
                        }
                        node = child(of: node, form: vocabulary.intern(UnsafeBufferPointer(rebasing: out[0 ..< end])).rawValue)
                        length += 1
                    }
                }
            }
            guard length > 0 else { return }
            entries.append((node, payload))
        }

        /// The child of `node` through `form`, made if new.
        private mutating func child(of node: UInt32, form: UInt32) -> UInt32 {
            let key = (UInt64(node) << 32 | UInt64(form)) &+ 1
            var mask = edgeKeys.count - 1
            var slot = PhraseSet.slot(for: key &- 1) & mask
            while edgeKeys[slot] != 0 {
                if edgeKeys[slot] == key { return edgeTargets[slot] }
                slot = (slot + 1) & mask
            }
            // Kept at most half full while building; the final table is resized to its own load.
            if (edgeCount + 1) * 2 > edgeKeys.count {
                grow()
                mask = edgeKeys.count - 1
                slot = PhraseSet.slot(for: key &- 1) & mask
                while edgeKeys[slot] != 0 { slot = (slot + 1) & mask }
            }
            let next = UInt32(nodeCount)
            nodeCount += 1
            edgeCount += 1
            edgeKeys[slot] = key
            edgeTargets[slot] = next
            return next
        }

        private mutating func grow() {
            let (keys, targets) = PhraseSet.table(keys: edgeKeys, targets: edgeTargets, capacity: edgeKeys.count * 2)
            edgeKeys = keys
            edgeTargets = targets
        }

        /// Adds a phrase written as text, split and folded by `tokenizer`.
        /// - Returns: The phrase's token count (0 if it has no token).
        @discardableResult
        mutating func add(text: String, payload: Payload, tokenizer: Tokenizer) throws -> Int {
            let tokenized = try tokenizer.tokenize(text, splittingSentences: false)
            let forms = tokenized.tokens.map { tokenized.folded($0) }
            add(forms: forms, payload: payload)
            return forms.count
        }

        func build() -> PhraseSet {
            // At most three quarters full: linear probing stays short, the table small.
            var capacity = 16
            while capacity * 3 < edgeCount * 4 { capacity *= 2 }
            let (keys, targets) = PhraseSet.table(keys: edgeKeys, targets: edgeTargets, capacity: capacity)
            // Payloads grouped by node, in the order they were added (a counting sort).
            var ends = [UInt32](repeating: 0, count: nodeCount)
            for entry in entries { ends[Int(entry.node)] += 1 }
            var total: UInt32 = 0
            for node in 0 ..< nodeCount {
                total += ends[node]
                ends[node] = total
            }
            var slots = ends
            var order = [Int](repeating: 0, count: entries.count)
            for (index, entry) in entries.enumerated().reversed() {
                slots[Int(entry.node)] -= 1
                order[Int(slots[Int(entry.node)])] = index
            }
            let (filterEnds, filters) = PhraseSet.childFilters(keys: keys, nodeCount: nodeCount)
            var tables = Tables(forms: vocabulary.frozen(), edgeKeys: FlatArray(keys), edgeTargets: FlatArray(targets),
                                payloadEnds: FlatArray(ends), childFilterEnds: FlatArray(filterEnds), childFilters: FlatArray(filters))
            let set = PhraseSet(tables: tables, payloads: order.map { entries[$0].payload })
            tables.firstNodes = FlatArray((0 ..< vocabulary.count).map { set.child(of: 0, form: UInt32($0)) ?? 0 })
            return PhraseSet(tables: tables, payloads: set.payloads)
        }
    }

    /// The edges of `keys`/`targets` rehashed into a table of `capacity` slots,
    /// in target order (the order the edges were made), so that the same
    /// phrases give the same table, however it grew.
    fileprivate static func table(keys: [UInt64], targets: [UInt32], capacity: Int) -> ([UInt64], [UInt32]) {
        // Every node but the root is made by one edge, so targets run 1 ... edge count.
        var byTarget = [UInt64](repeating: 0, count: keys.count + 1)
        var count = 0
        for (key, target) in zip(keys, targets) where key != 0 {
            byTarget[Int(target)] = key
            count = max(count, Int(target))
        }
        var newKeys = [UInt64](repeating: 0, count: capacity)
        var newTargets = [UInt32](repeating: 0, count: capacity)
        for target in stride(from: 1, through: count, by: 1) {
            let key = byTarget[target]
            var slot = slot(for: key &- 1) & (capacity - 1)
            while newKeys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            newKeys[slot] = key
            newTargets[slot] = UInt32(target)
        }
        return (newKeys, newTargets)
    }

    /// Each node's Bloom filter over its edges (see ``Tables/childFilterEnds``), for the edge table `keys`.
    fileprivate static func childFilters(keys: [UInt64], nodeCount: Int) -> (ends: [UInt32], filters: [UInt64]) {
        // Each node's edge count first, then, in place, where its filter ends.
        var ends = [UInt32](repeating: 0, count: nodeCount)
        for key in keys where key != 0 { ends[Int((key &- 1) >> 32)] += 1 }
        var total = 0
        for node in 0 ..< nodeCount {
            let edges = Int(ends[node])
            if edges > 0 {
                var words = 1
                while words * 64 < edges * 8 { words *= 2 }
                total += words
            }
            ends[node] = UInt32(total)
        }
        var filters = [UInt64](repeating: 0, count: total)
        for key in keys where key != 0 {
            let node = Int((key &- 1) >> 32)
            let start = node == 0 ? 0 : Int(ends[node - 1])
            let (word, bits) = FlatTables.filterProbe(for: slot(for: key &- 1))
            filters[start + (word & (Int(ends[node]) - start - 1))] |= bits
        }
        return (ends, filters)
    }

    /// The number of distinct token forms in the phrases.
    var formCount: Int { tables.forms.count }

    /// The translated form of a hyphen, which matching may skip.
    static var hyphen: UInt32 { .max - 1 }

    /// Maps each form id of `text` to this set's form id (or to ``hyphen``,
    /// or `UInt32.max`) and to the trie node a phrase starting with it reaches.
    ///
    /// - Complexity: one lookup per distinct form of the text.
    func translate(_ text: TokenizedText) -> PhraseTranslation {
        var entries = [UInt64](repeating: PhraseTranslation.absent, count: text.vocabulary.count)
        // The text's vocabulary hashed each form once already: the lookup reuses that hash.
        text.vocabulary.forEachForm { form, bytes, hash in
            if let id = tables.forms.lookup(bytes, hash: hash) {
                entries[Int(form.rawValue)] = PhraseTranslation.entry(form: id.rawValue, node: tables.firstNodes[Int(id.rawValue)])
            } else if Self.isJoiningHyphen(bytes) {
                entries[Int(form.rawValue)] = PhraseTranslation.entry(form: Self.hyphen, node: 0)
            }
        }
        return PhraseTranslation(entries: entries)
    }

    /// "-", U+2010 or U+2011, in UTF-8 (the forms of `joiningHyphens`).
    static func isJoiningHyphen(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 1: return bytes[0] == 0x2D
        case 3: return bytes[0] == 0xE2 && bytes[1] == 0x80 && (bytes[2] == 0x90 || bytes[2] == 0x91)
        default: return false
        }
    }

    /// Calls `body` for every phrase that matches tokens `start ..< end`
    /// with `start` in `starts` and `end` at most `limit`, shortest first.
    ///
    /// The first step of each walk reads the translation, which a document's
    /// distinct forms keep small and in cache; only tokens that start a
    /// phrase probe the edge table, however large the set.
    func forEachMatch(
        in tokens: ContiguousArray<Token>, translated: PhraseTranslation, starts: Range<Int>, limit: Int,
        _ body: (_ tokens: Range<Int>, _ payloads: ArraySlice<Payload>) -> Void
    ) {
        for start in starts {
            var node = translated.firstNode(Int(tokens[start].form.rawValue))
            guard node != 0 else { continue }
            var index = start + 1
            var range = payloadRange(of: node)
            if !range.isEmpty { body(start ..< index, payloads[range]) }
            while index < limit {
                let form = translated.form(Int(tokens[index].form.rawValue))
                // A hyphen between two words of a phrase, written without spaces, is skipped.
                if form == Self.hyphen, index + 1 < limit, !tokens[index].flags.contains(.spaceBefore),
                   !tokens[index + 1].flags.contains(.spaceBefore) {
                    index += 1
                    continue
                }
                guard form < Self.hyphen, let next = child(of: node, form: form) else { break }
                node = next
                index += 1
                range = payloadRange(of: node)
                if !range.isEmpty { body(start ..< index, payloads[range]) }
            }
        }
    }

    /// The trie node a phrase starting with the set's form `form` reaches; 0 when no phrase starts with it.
    func firstNode(of form: UInt32) -> UInt32 {
        tables.firstNodes[Int(form)]
    }

    private func payloadRange(of node: UInt32) -> Range<Int> {
        let index = Int(node)
        return (index == 0 ? 0 : Int(tables.payloadEnds[index - 1])) ..< Int(tables.payloadEnds[index])
    }

    private func child(of node: UInt32, form: UInt32) -> UInt32? {
        let index = Int(node)
        let filterStart = index == 0 ? 0 : Int(tables.childFilterEnds[index - 1]), filterCount = Int(tables.childFilterEnds[index]) - filterStart
        guard edgeMask >= 0, filterCount > 0 else { return nil }
        let key = UInt64(node) << 32 | UInt64(form)
        let mixed = Self.slot(for: key)
        let (word, bits) = FlatTables.filterProbe(for: mixed)
        guard tables.childFilters[filterStart + (word & (filterCount - 1))] & bits == bits else { return nil }
        var slot = mixed & edgeMask
        for _ in 0 ..< FlatTables.longestProbe {
            let stored = tables.edgeKeys[slot]
            if stored == 0 { return nil }
            if stored == key &+ 1 { return tables.edgeTargets[slot] }
            slot = (slot + 1) & edgeMask
        }
        return nil
    }

    static func slot(for key: UInt64) -> Int {
        var x = key &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 31
        return Int(truncatingIfNeeded: x)
    }
}

/// A document's forms as one ``PhraseSet`` knows them: made by
/// ``PhraseSet/translate(_:)`` (or ``PhraseForms``) once per document and set.
///
/// One entry per form of the document: the set's form id in the high half
/// and the trie node a phrase starting with the form reaches in the low half,
/// so a walk reads one word per token. Several sets' translations may share
/// one array, each from its own offset.
struct PhraseTranslation {
    private let entries: [UInt64]
    private let offset: Int

    /// The entry of a form the set lacks: no form, no node.
    static let absent = UInt64(UInt32.max) << 32

    /// The entry of a form with the set's form id `form` (`UInt32.max` when the set lacks it,
    /// ``PhraseSet/hyphen`` for a joining hyphen) and first node `node` (0 when no phrase starts with it).
    static func entry(form: UInt32, node: UInt32) -> UInt64 { UInt64(form) << 32 | UInt64(node) }

    /// The translation whose entries are `entries[offset ..< offset + formCount]`.
    init(entries: [UInt64], offset: Int = 0) {
        self.entries = entries
        self.offset = offset
    }

    /// The set's form id of the document's form `form`; `UInt32.max` when the set lacks it.
    func form(_ form: Int) -> UInt32 { UInt32(truncatingIfNeeded: entries[offset + form] >> 32) }

    /// The trie node reached from the root by the document's form `form`; 0 when no phrase starts with it.
    func firstNode(_ form: Int) -> UInt32 { UInt32(truncatingIfNeeded: entries[offset + form]) }
}
