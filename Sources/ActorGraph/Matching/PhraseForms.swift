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
    private var memberCount = 0
    /// By union id, one row of a ``PhraseTranslation`` entry per set. One row
    /// is one cache line or less, so translating a document for every set
    /// reads each of its forms' rows once.
    private var rows: [UInt64] = []

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
        memberCount = members.count
        rows = [UInt64](repeating: PhraseTranslation.absent, count: union.count * memberCount)
        for (position, (member, ids)) in zip(members, unionIDs).enumerated() {
            for (form, id) in ids.enumerated() {
                rows[Int(id) * memberCount + position] = PhraseTranslation.entry(form: UInt32(form), node: member.firstNode(UInt32(form)))
            }
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
        text.vocabulary.forEachForm { form, bytes, hash in
            let index = Int(form.rawValue)
            if let id = union.lookup(bytes, hash: hash) { ids[index] = id.rawValue }
            hyphens[index] = PhraseSet<Int>.isJoiningHyphen(bytes)
        }
        return Lookup(ids: ids, hyphens: hyphens)
    }

    /// The translations of the document of `lookup` for the sets at `members`, in one pass over its forms,
    /// into one array.
    func translations(_ lookup: Lookup, members: Range<Int>? = nil) -> [PhraseTranslation] {
        let members = members ?? 0 ..< memberCount
        let count = lookup.ids.count, width = members.count
        // Entries are set by set in the array, filled form by form (row by row); a form
        // the union lacks, most of a document's, keeps the fill's `absent` in every set.
        var entries = [UInt64](repeating: PhraseTranslation.absent, count: count * width)
        entries.withUnsafeMutableBufferPointer { entries in
            rows.withUnsafeBufferPointer { rows in
                for index in 0 ..< count {
                    let id = lookup.ids[index], hyphen = lookup.hyphens[index]
                    guard id != .max || hyphen else { continue }
                    let unmatched = hyphen ? PhraseTranslation.entry(form: PhraseSet<Int>.hyphen, node: 0) : PhraseTranslation.absent
                    let row = Int(id) &* memberCount &+ members.lowerBound
                    for slot in 0 ..< width {
                        let entry = id == .max ? PhraseTranslation.absent : rows[row &+ slot]
                        entries[slot * count + index] = entry != PhraseTranslation.absent ? entry : unmatched
                    }
                }
            }
        }
        return (0 ..< width).map { PhraseTranslation(entries: entries, offset: $0 * count) }
    }
}
