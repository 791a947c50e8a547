/// The forms of several ``PhraseSet``s in one table, so that a document's
/// forms are looked up once for all of them rather than once per set.
///
/// Each set's ``PhraseTranslation`` is then made from the shared lookup with
/// two array reads per form; it is the one ``PhraseSet/translate(_:)`` gives.
/// Words of other tables may join the union, so that their owners read a
/// document's forms from the same lookup (``id(of:)``, ``Lookup/id(of:)``).
struct PhraseForms: Sendable {
    /// A document's forms as the union knows them, made once per document.
    struct Lookup {
        /// The union id of each of the document's forms (by form id); `UInt32.max` when no set has it.
        fileprivate let ids: [UInt32]
        /// Whether each of the document's forms is a hyphen that joins words.
        fileprivate let hyphens: [Bool]

        /// The union id of the document's form with id `form`, or `UInt32.max` if the union lacks it.
        func id(of form: Int) -> UInt32 { ids[form] }
    }

    private var union = Vocabulary()
    /// For each set, by union id: the set's own form id (`UInt32.max` if it lacks the form)
    /// and the trie node a phrase starting with the form reaches (0 if none).
    private var ownForms: [[UInt32]] = []
    private var firstNodes: [[UInt32]] = []

    /// A union of the forms of `sets`, which are then known by their position
    /// in this list, and of `words`.
    init<each Payload>(_ sets: repeat PhraseSet<each Payload>, words: some Sequence<String> = [String]()) {
        var members: [(forms: FormTable, firstNode: (UInt32) -> UInt32)] = []
        for set in repeat each sets { members.append((set.tables.forms, set.firstNode(of:))) }
        var unionIDs: [[UInt32]] = []
        for member in members {
            var ids: [UInt32] = []
            for form in 0 ..< member.forms.count {
                ids.append(member.forms.withForm(form) { union.intern($0).rawValue })
            }
            unionIDs.append(ids)
        }
        for word in words { _ = union.intern(word) }
        for (member, ids) in zip(members, unionIDs) {
            var own = [UInt32](repeating: .max, count: union.count)
            var first = [UInt32](repeating: 0, count: union.count)
            for (form, id) in ids.enumerated() {
                own[Int(id)] = UInt32(form)
                first[Int(id)] = member.firstNode(UInt32(form))
            }
            ownForms.append(own)
            firstNodes.append(first)
        }
    }

    /// The number of forms in the union.
    var count: Int { union.count }

    /// The union id of `word`, if the union holds it.
    func id(of word: String) -> UInt32? { union.lookup(word)?.rawValue }

    /// Looks each distinct form of `text` up in the union.
    func lookUp(_ text: TokenizedText) -> Lookup {
        var ids = [UInt32](repeating: .max, count: text.vocabulary.count)
        var hyphens = [Bool](repeating: false, count: ids.count)
        for index in ids.indices {
            text.vocabulary.withForm(FormID(rawValue: UInt32(index))) { bytes, hash in
                if let id = union.lookup(bytes, hash: hash) { ids[index] = id.rawValue }
                hyphens[index] = PhraseSet<Int>.isJoiningHyphen(bytes)
            }
        }
        return Lookup(ids: ids, hyphens: hyphens)
    }

    /// The translation of the document of `lookup` for the set at `member` in the list this union was made from.
    func translation(_ lookup: Lookup, member: Int) -> PhraseTranslation {
        let own = ownForms[member], first = firstNodes[member]
        var forms = [UInt32](repeating: .max, count: lookup.ids.count)
        var nodes = [UInt32](repeating: 0, count: forms.count)
        for index in forms.indices {
            let id = lookup.ids[index]
            if id != .max && own[Int(id)] != .max {
                forms[index] = own[Int(id)]
                nodes[index] = first[Int(id)]
            } else if lookup.hyphens[index] {
                forms[index] = PhraseSet<Int>.hyphen
            }
        }
        return PhraseTranslation(forms: forms, firstNodes: nodes)
    }
}
