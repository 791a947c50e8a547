/// The names and spans brat accepts, made from ActorGraph's.
///
/// brat stores a type under its "storage form", letters, digits, `_` and
/// `-` only (`configuration.html`, "Type names"); an argument role that ends
/// in digits is read as a numbered repeat of the role without them. A
/// text-bound annotation's text sits on one line of the `.ann` file, which
/// brat splits at every line boundary Python's `str.splitlines` knows.
enum BratNames {
    /// The entity type of each actor type: `Person`, `Organization`, …, in ``ActorType`` order.
    static func entityType(_ type: ActorType) -> String { capitalized(type.rawValue) }

    /// Every entity type, so that a configuration declares them all.
    static var entityTypes: [String] { ActorType.allCases.map(entityType) }

    /// The event (and trigger) type of an ActorGraph event type: `visit` → `Visit`,
    /// `lift-sanctions` → `Lift-sanctions`; `_event` is added to one that would be an entity type's name.
    static func eventType(_ type: String) -> String {
        let name = capitalized(storageForm(type))
        return entityTypes.contains(name) ? name + "_event" : name
    }

    /// The relation type of an ActorGraph relation: `member-of` stays `member-of`.
    static func relationType(_ type: String) -> String { storageForm(type) }

    /// The argument role of an event role or event link: `source` → `Source`, `responds-to` → `Responds-to`.
    /// A name that ends in a digit gets `_`, because brat would read the digits as a repeat number.
    static func argumentRole(_ name: String) -> String {
        let role = capitalized(storageForm(name))
        return role.last?.isNumber == true ? role + "_" : role
    }

    /// `name` with every character outside `[A-Za-z0-9_-]` replaced by `_` (`_` for an empty name).
    static func storageForm(_ name: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            let allowed = ("a" ... "z").contains(scalar) || ("A" ... "Z").contains(scalar) || ("0" ... "9").contains(scalar)
                || scalar == "_" || scalar == "-"
            result.append(allowed ? scalar : "_")
        }
        return result.isEmpty ? "_" : String(result)
    }

    /// `name` with its first letter in uppercase when it is an ASCII letter.
    static func capitalized(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, ("a" ... "z").contains(first) else { return name }
        return String(first).uppercased() + String(name.unicodeScalars.dropFirst())
    }

    /// The scalars that end a line for Python's `str.splitlines`, which brat uses to read `.ann` files.
    static func isLineBoundary(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A ... 0x0D, 0x1C ... 0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The pieces of `range` that a text-bound annotation lists: the span cut
    /// at every line boundary, each piece without the whitespace at its ends,
    /// empty pieces left out. Pieces never touch, as brat requires. A span
    /// with nothing but whitespace keeps one empty piece at its start.
    static func fragments(of range: Range<Int>, in source: SourceText) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var offset = range.lowerBound
        var pieceStart = offset
        func close(_ end: Int) {
            let scalars = Array(source.slice(pieceStart ..< end).unicodeScalars)
            var lower = 0, upper = scalars.count
            while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            if lower < upper { pieces.append(pieceStart + lower ..< pieceStart + upper) }
        }
        for scalar in source.slice(range).unicodeScalars {
            if isLineBoundary(scalar) {
                close(offset)
                pieceStart = offset + 1
            }
            offset += 1
        }
        close(range.upperBound)
        return pieces.isEmpty ? [range.lowerBound ..< range.lowerBound] : pieces
    }

    /// `text` on one line: tabs and line boundaries become spaces (for notes, which brat reads to the end of the line).
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isLineBoundary($0) || $0 == "\t" ? " " : $0 }))
    }
}
