import Foundation

/// Imports PETRARCH / TABARI actor dictionaries (`Docs/Importing.md`).
///
/// An entry is a phrase at the start of a line, words joined by `_`
/// (`BARACK_OBAMA_`), then its synonyms on lines starting with `+`; its CAMEO
/// codes are in brackets on its own line or on lines that follow, each
/// optionally restricted in time: `[USAELI]`, `[USAGOV >20090120]`,
/// `[USAPTY <20090120]`, `[USAGOV 20090120-20170120]` (dates `YYYYMMDD` or
/// `YYMMDD`; `YY` up to 30 is 20YY, else 19YY; bounds inclusive). Comments
/// start with `#` or `;` anywhere on a line, or are `<!-- … -->`; `---STOP---`
/// ends the file.
///
/// Each entry becomes one entity whose aliases are its phrases (folded, as
/// PETRARCH matches upper-cased text). PETRARCH uses the first code whose
/// restriction holds on the story's date, else the first unrestricted one:
/// the first unrestricted code becomes the external id `cameo`, and each
/// restricted code a role `cameo:CODE` with `from`/`to`, in dictionary order,
/// so the first role that holds on a date is the code PETRARCH would give.
public struct PetrarchActorImporter: Sendable {
    /// Type mappings (code patterns, `?` for one character and `*` for any run) and id options.
    public var options: ImportOptions

    /// The external id scheme and role title prefix of the codes.
    public static let scheme = "cameo"

    /// Three-letter CAMEO role and sector codes, which are not countries.
    public static let roleCodes: Set<String> = [
        "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO", "IMG", "INS",
        "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "PTY", "RAD", "REB", "REF", "SEP",
        "SPY", "UAF", "UIS",
    ]

    /// The kinds of the international prefixes of CAMEO codes.
    static let internationalKinds: [String: ActorKind] = [
        "IGO": ActorKind(.organization, subtype: "igo"),
        "NGO": ActorKind(.organization, subtype: "ngo"),
        "MNC": ActorKind(.organization, subtype: "company"),
        "NGM": ActorKind(.group),
        "IMG": ActorKind(.group),
    ]

    /// An importer with `options`.
    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// The kind of an entry from its deciding code (its first unrestricted
    /// code, else its first restricted one) and whether any of its codes is
    /// restricted in time: a mapping in ``ImportOptions/types`` that matches
    /// the code; else a person when a code has dates (organizations and
    /// countries keep their codes); else a country for a three-letter code
    /// that is not a role (`AFG`); an organization or group for the
    /// international prefixes (`IGO…`, `NGO…`, `MNC…`; `NGM…`, `IMG…`); a
    /// person for the rest (`USAELI`, `ELI`).
    /// - Returns: The kind, or `nil` when a mapping leaves the code out.
    public func kind(forCode code: String, dated: Bool) -> ActorKind? {
        if let mapping = mapping(forCode: code) { return mapping.kind }
        if dated { return ActorKind(.person) }
        if code.count == 3 && !Self.roleCodes.contains(code) { return ActorKind(.country) }
        if let international = Self.internationalKinds[String(code.prefix(3))] { return international }
        return ActorKind(.person)
    }

    /// The first of the user's mappings whose pattern matches `code`.
    private func mapping(forCode code: String) -> ImportOptions.TypeMapping? {
        options.types.first { Self.matches(code, pattern: $0.key) }
    }

    /// The country code a CAMEO code starts with, if any ("USAGOV" → USA).
    static func country(of code: String, kind: ActorKind) -> String? {
        let prefix = String(code.prefix(3))
        guard prefix.count == 3, prefix.allSatisfy({ $0.isASCII && $0.isUppercase }),
              !roleCodes.contains(prefix), internationalKinds[prefix] == nil else { return nil }
        return kind.type == .country || code.count > 3 ? prefix : nil
    }

    /// Whether `code` matches a pattern of capitals, `?` (one character) and `*` (any run).
    static func matches(_ code: String, pattern: String) -> Bool {
        let code = Array(code), pattern = Array(pattern)
        // matched[j]: the pattern's first j characters match the code so far.
        var matched = [true] + Array(repeating: false, count: pattern.count)
        for j in pattern.indices where pattern[j] == "*" { matched[j + 1] = matched[j] }
        for character in code {
            var next = [false] + Array(repeating: false, count: pattern.count)
            for j in pattern.indices {
                switch pattern[j] {
                case "*": next[j + 1] = next[j] || matched[j + 1]
                case "?": next[j + 1] = matched[j]
                default: next[j + 1] = matched[j] && pattern[j] == character
                }
            }
            matched = next
        }
        return matched[pattern.count]
    }

    /// Imports dictionary files, in order.
    /// - Throws: ``ActorGraphError``: `malformedImport` naming the file, line and column
    ///   of a malformed line (an unclosed bracket, a date that is not a day, a
    ///   restriction that ends before it starts, a synonym before any entry);
    ///   `unreadableInput` for a file that cannot be read.
    public func importFiles(_ urls: [URL]) throws -> ImportedGazetteer {
        try options.validate()
        var assembler = ImportAssembler()
        var phrases: [String: ImportAssembler.Place] = [:]
        for url in urls {
            try ImportAssembler.printableErrors { try read(SourceFiles.read(url, code: .malformedImport), file: SourceFiles.displayName(url), phrases: &phrases, into: &assembler) }
        }
        return assembler.finish(options: options)
    }

    /// Imports a dictionary held in memory, as if read from a file named `file`.
    public func importText(_ text: String, file: String = "actors.txt") throws -> ImportedGazetteer {
        try options.validate()
        var assembler = ImportAssembler()
        var phrases: [String: ImportAssembler.Place] = [:]
        try ImportAssembler.printableErrors { try read(text, file: file, phrases: &phrases, into: &assembler) }
        return assembler.finish(options: options)
    }

    /// One bracketed code, with its place.
    private struct Code {
        var code: String
        var from: Day?
        var to: Day?
        var dated: Bool
        var place: ImportAssembler.Place
    }

    /// One entry: its phrases (the first is its name) and codes.
    private struct Entry {
        var phrases: [(text: String, place: ImportAssembler.Place)] = []
        var codes: [Code] = []
    }

    private func read(_ text: String, file: String, phrases: inout [String: ImportAssembler.Place],
                      into assembler: inout ImportAssembler) throws {
        assembler.begin(file: file)
        var entry: Entry?
        var inComment = false
        // Where the last comment began: when one is never closed, the error points there.
        var commentStart: (line: Int, column: Int)?
        for (offset, rawLine) in DirectiveReader.lines(of: text).enumerated() {
            let lineNumber = offset + 1
            var line = Array(rawLine)
            if lineNumber == 1, line.first == "\u{FEFF}" { line[0] = " " }
            let (content, opened) = Self.withoutComments(line, inComment: &inComment)
            if let opened { commentStart = (lineNumber, opened) }
            if String(content).contains("---STOP---") { break }
            guard let first = content.firstIndex(where: { !$0.isWhitespace }) else { continue }
            func error(_ message: String, column: Int) -> ActorGraphError {
                ActorGraphError(.malformedImport, message, file: file, line: lineNumber, column: column)
            }
            switch content[first] {
            case "+":
                guard entry != nil else {
                    throw error("The synonym comes before any entry; put it under the entry's phrase.", column: first + 1)
                }
                if let bracket = content[first...].firstIndex(of: "[") {
                    throw error("A synonym line cannot carry codes; put them on the entry's line, or on a line of their own that starts with [.", column: bracket + 1)
                }
                let phrase = String(content[(first + 1)...]).trimmingCharacters(in: .whitespaces)
                guard !phrase.isEmpty else { throw error("The synonym is empty; write its words after the +, or remove the line.", column: first + 1) }
                entry?.phrases.append((phrase, ImportAssembler.Place(file: file, line: lineNumber, column: first + 2)))
            case "[":
                guard entry != nil else {
                    throw error("The code comes before any entry; put it under the entry's phrase.", column: first + 1)
                }
                entry?.codes += try codes(in: content, from: first, file: file, line: lineNumber)
            default:
                guard first == 0 else {
                    throw error("An indented line must be a code in [brackets] or a synonym starting with +; start an entry's phrase at the first column.", column: first + 1)
                }
                if let finished = entry { finish(finished, phrases: &phrases, into: &assembler) }
                let bracket = content.firstIndex(of: "[") ?? content.endIndex
                let phrase = String(content[..<bracket]).trimmingCharacters(in: .whitespaces)
                guard !phrase.isEmpty else { throw error("The entry has no phrase before its codes.", column: 1) }
                var next = Entry(phrases: [(phrase, ImportAssembler.Place(file: file, line: lineNumber, column: 1))])
                if bracket < content.endIndex { next.codes = try codes(in: content, from: bracket, file: file, line: lineNumber) }
                entry = next
            }
        }
        if let finished = entry { finish(finished, phrases: &phrases, into: &assembler) }
        if inComment, let start = commentStart {
            throw ActorGraphError(.malformedImport, "The comment that starts here with <!-- is never closed; end it with -->.",
                                  file: file, line: start.line, column: start.column)
        }
    }

    /// The line with comments blanked out (so columns stay where they were):
    /// `<!-- … -->` (which may span lines), and everything from `#` or `;`.
    /// - Returns: The line, and the 1-based column of the last `<!--` on it, if any.
    private static func withoutComments(_ line: [Character], inComment: inout Bool) -> (line: [Character], opened: Int?) {
        var result: [Character] = []
        var opened: Int?
        var index = 0
        func starts(_ text: String) -> Bool { Array(line[index...].prefix(text.count)) == Array(text) }
        while index < line.count {
            if inComment {
                if starts("-->") {
                    inComment = false
                    result += "   "
                    index += 3
                } else {
                    result.append(" ")
                    index += 1
                }
            } else if starts("<!--") {
                inComment = true
                opened = index + 1
                result += "    "
                index += 4
            } else if line[index] == "#" || line[index] == ";" {
                break
            } else {
                result.append(line[index])
                index += 1
            }
        }
        return (result, opened)
    }

    /// The bracketed codes from `start` to the end of the line.
    private func codes(in line: [Character], from start: Int, file: String, line lineNumber: Int) throws -> [Code] {
        var codes: [Code] = []
        var index = start
        func error(_ message: String, column: Int) -> ActorGraphError {
            ActorGraphError(.malformedImport, message, file: file, line: lineNumber, column: column)
        }
        while index < line.count {
            if line[index].isWhitespace {
                index += 1
                continue
            }
            guard line[index] == "[" else {
                let rest = String(line[index...]).trimmingCharacters(in: .whitespaces)
                throw error("Unexpected text \"\(rest)\" after the codes; codes go in [brackets] and comments after #.", column: index + 1)
            }
            guard let close = line[index...].firstIndex(of: "]") else {
                throw error("The code \"\(String(line[index...]).trimmingCharacters(in: .whitespaces))\" has no closing ]; add it.", column: index + 1)
            }
            codes.append(try code(String(line[(index + 1) ..< close]), column: index + 1, file: file, line: lineNumber))
            index = close + 1
        }
        return codes
    }

    /// One code and its restriction: `CODE`, `CODE <date`, `CODE >date`, `CODE date-date`.
    private func code(_ text: String, column: Int, file: String, line lineNumber: Int) throws -> Code {
        func error(_ message: String) -> ActorGraphError {
            ActorGraphError(.malformedImport, message, file: file, line: lineNumber, column: column)
        }
        let parts = text.split(maxSplits: 1, whereSeparator: \.isWhitespace)
        guard let first = parts.first else { throw error("The brackets are empty; write a code, e.g. [USAGOV].") }
        let code = String(first)
        guard code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }) else {
            throw error("The code \"\(code)\" is not a CAMEO code; write capital letters and digits, e.g. USAGOV.")
        }
        let place = ImportAssembler.Place(file: file, line: lineNumber, column: column)
        guard parts.count == 2 else { return Code(code: code, dated: false, place: place) }
        let restriction = parts[1].trimmingCharacters(in: .whitespaces)
        func day(_ text: String) throws -> Day {
            let digits = text.trimmingCharacters(in: .whitespaces)
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count == 8 || digits.count == 6 else {
                throw error("The date \"\(digits)\" in [\(code) \(restriction)] is neither YYYYMMDD nor YYMMDD; write e.g. 20090120.")
            }
            let numbers = Array(digits).map { Int(String($0)) ?? 0 }
            func number(_ range: Range<Int>) -> Int { numbers[range].reduce(0) { $0 * 10 + $1 } }
            var year = digits.count == 8 ? number(0 ..< 4) : number(0 ..< 2)
            // As KEDS, TABARI and PETRARCH read two-digit years.
            if digits.count == 6 { year += year <= 30 ? 2000 : 1900 }
            let rest = digits.count == 8 ? 4 : 2
            guard let day = Day(year: year, month: number(rest ..< rest + 2), day: number(rest + 2 ..< rest + 4)) else {
                throw error("\"\(digits)\" is not a day of the calendar; check the month and the day.")
            }
            return day
        }
        if restriction.hasPrefix("<") {
            return Code(code: code, to: try day(String(restriction.dropFirst())), dated: true, place: place)
        }
        if restriction.hasPrefix(">") {
            return Code(code: code, from: try day(String(restriction.dropFirst())), dated: true, place: place)
        }
        let bounds = restriction.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2 else {
            throw error("The restriction \"\(restriction)\" of \(code) is not <date, >date or date-date; write e.g. [\(code) 20090120-20170120].")
        }
        let from = try day(String(bounds[0])), to = try day(String(bounds[1]))
        guard from <= to else {
            throw error("The restriction \"\(restriction)\" of \(code) ends (\(to)) before it starts (\(from)); check the dates.")
        }
        return Code(code: code, from: from, to: to, dated: true, place: place)
    }

    /// Makes the entity of a finished entry.
    private func finish(_ entry: Entry, phrases: inout [String: ImportAssembler.Place], into assembler: inout ImportAssembler) {
        let head = entry.phrases[0].place
        assembler.entriesRead += entry.phrases.count
        let real = entry.codes.filter { $0.code != "---" }
        guard let deciding = real.first(where: { !$0.dated }) ?? real.first else {
            assembler.entriesLeftOut += entry.phrases.count
            assembler.warn(head, "The entry \"\(entry.phrases[0].text)\" is not imported: it has no code\(entry.codes.isEmpty ? "" : " but the null code [---]"), so PETRARCH codes nothing for it.")
            return
        }
        if let mapping = mapping(forCode: deciding.code) { assembler.mappingsUsed.insert(mapping.key) }
        guard let kind = kind(forCode: deciding.code, dated: real.contains(where: \.dated)) else {
            assembler.entriesLeftOut += entry.phrases.count
            assembler.entriesSkipped += entry.phrases.count
            return
        }
        var aliases: [(text: String, place: ImportAssembler.Place)] = []
        for (phrase, place) in entry.phrases {
            let text = phrase.split(whereSeparator: { $0 == "_" || $0.isWhitespace }).joined(separator: " ")
            if let problem = assembler.aliasProblem(text) {
                assembler.leaveOut(place, "The phrase \"\(phrase)\" is not imported: \(problem).")
                continue
            }
            let words = phrase.split(separator: "_", omittingEmptySubsequences: true)
            if words.contains(where: { $0.trimmingCharacters(in: .whitespaces).contains(where: \.isWhitespace) }) {
                assembler.warn(place, "In \"\(phrase)\" a space joins words, which lets PETRARCH match them with other words between; the alias matches them only side by side.")
            }
            let key = assembler.foldedKey(text)
            if let other = phrases[key], other.file != place.file || other.line != place.line {
                assembler.warn(place, "The phrase \"\(phrase)\" is also a phrase of the entry at \(other.file):\(other.line); both entities get the alias, and the resolver chooses between them.")
            } else {
                phrases[key] = place
            }
            aliases.append((text, place))
        }
        guard !aliases.isEmpty else { return }
        let (index, _) = assembler.draft(key: "entry\u{0}\(head.file)\u{0}\(head.line)", kind: kind, idSource: aliases[0].text, at: head)
        for alias in aliases { assembler.add(alias: alias.text, caseSensitive: false, to: index) }
        assembler[index].country = Self.country(of: deciding.code, kind: kind)
        var firstDefault: Code?
        for code in entry.codes {
            if code.dated {
                assembler[index].roles.append(Entity.Role(title: "\(Self.scheme):\(code.code)", from: code.from, to: code.to))
            } else if let first = firstDefault {
                assembler.warn(code.place, "PETRARCH uses only the first code without dates ([\(first.code)] on line \(first.place.line)); [\(code.code)] is not kept.")
            } else {
                firstDefault = code
                assembler[index].externalIDs[Self.scheme] = code.code
            }
        }
    }
}
