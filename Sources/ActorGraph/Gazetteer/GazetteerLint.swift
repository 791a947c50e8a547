import Foundation

/// Checks a loaded gazetteer for entries that load but are probably wrong:
/// role titles that `titles.rules` does not define, one alias on several
/// entities, overlapping terms of one office, mojibake, and aliases that are
/// common words yet match in any case.
///
/// Malformed files never get here: loading refuses them with their place,
/// and ``Finding/init(loadError:)`` lists them in the same form.
package struct GazetteerLint {
    /// One line of the report: `file:line[:column]: error|warning|note: message`.
    package struct Finding: Hashable, Sendable, CustomStringConvertible {
        /// `note`: worth knowing, nothing to fix (an alias the document's countries decide).
        package enum Severity: String, Sendable { case error, warning, note }
        package var severity: Severity
        package var file: String?
        package var line: Int?
        package var column: Int?
        package var message: String

        package init(severity: Severity, file: String?, line: Int?, column: Int? = nil, message: String) {
            self.severity = severity
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        /// A problem that stopped part of the load (a malformed line, an id
        /// defined twice, a damaged compiled file), as an error.
        package init(loadError error: ActorGraphError) {
            self.init(severity: .error, file: error.file, line: error.line, column: error.column, message: error.message)
        }

        package var description: String {
            ActorGraphError.place(file: file, line: line, column: column) + severity.rawValue + ": " + message
        }
    }

    let gazetteer: Gazetteer
    /// Folded common English words, for aliases that should be `exact`.
    let commonWords: Set<String>
    /// The canonical titles of `titles.rules`, which every role must use.
    let titles: Set<String>
    /// Where each entity's aliases and roles are written, in entity order, when known.
    let places: [EntityPlaces?]

    /// - Parameter places: Where each entity's aliases and roles are written
    ///   (``Gazetteer/load(_:problems:places:)``), so that a finding about one
    ///   names its line; without them, findings name the `entity` line.
    package init(gazetteer: Gazetteer, rules: RuleSet, places: [EntityPlaces?] = []) {
        self.gazetteer = gazetteer
        commonWords = rules.commonWords
        titles = Set(rules.titles.map(\.canonical))
        self.places = places
    }

    /// Every finding, errors first, then in file order.
    package func findings() throws -> [Finding] {
        var findings: [Finding] = []
        let tokenizer = Tokenizer()
        var owners: [String: [Entity.ID]] = [:]
        for (index, entity) in gazetteer.entities.enumerated() {
            let places = index < self.places.count ? self.places[index] : nil
            func place(ofAlias alias: Int) -> (String, EntityPlaces.Place)? {
                places.flatMap { places in alias < places.aliases.count ? (places.file, places.aliases[alias]) : nil }
            }
            func place(ofRole role: Int) -> (String, EntityPlaces.Place)? {
                places.flatMap { places in role < places.roles.count ? (places.file, places.roles[role]) : nil }
            }
            for title in Set(entity.roles.map(\.title)).subtracting(titles).sorted() where !GazetteerParser.isCodedTitle(title) {
                let role = entity.roles.firstIndex { $0.title == title }.flatMap(place(ofRole:))
                findings.append(finding(.error, entity.id, at: role, "The role title \"\(title)\" of \"\(entity.id)\" is not a title of titles.rules; use one of: \(titles.sorted().joined(separator: ", ")), or add it there."))
            }
            for (number, alias) in entity.aliases.enumerated() {
                if Self.looksLikeMojibake(alias.text) {
                    findings.append(finding(.error, entity.id, at: place(ofAlias: number), "The alias \"\(alias.text)\" of \"\(entity.id)\" looks like mojibake (UTF-8 read as Latin-1); retype it."))
                }
                let tokenized = try tokenizer.tokenize(alias.text, splittingSentences: false)
                let folded = tokenized.tokens.map { tokenized.folded($0) }.joined(separator: " ")
                if !alias.caseSensitive && alias.kind != .demonym && commonWords.contains(folded) {
                    findings.append(finding(.warning, entity.id, at: place(ofAlias: number), "The alias \"\(alias.text)\" of \"\(entity.id)\" is a common word; write it with `exact` so that only \"\(alias.text)\" matches."))
                }
                if !alias.caseSensitive, !(owners[folded]?.contains(entity.id) ?? false) { owners[folded, default: []].append(entity.id) }
            }
        }
        for (alias, ids) in owners.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
            let owners = ids.map(\.rawValue).joined(separator: ", ")
            let countries = ids.map { gazetteer[$0]?.country }
            if countries.allSatisfy({ $0 != nil }) && Set(countries).count == countries.count {
                findings.append(finding(.note, ids[0], "The alias \"\(alias)\" belongs to \(owners); the resolver takes the one the document names unambiguously, else the one whose country it mentions most, else \"\(ids[0])\"."))
            } else {
                findings.append(finding(.warning, ids[0], "The alias \"\(alias)\" belongs to \(owners), which do not each have their own country, so the document's countries cannot decide and the resolver often takes \"\(ids[0])\"; give them distinct aliases unless that is intended."))
            }
        }
        findings += overlappingTerms()
        findings += containmentCycles()
        func rank(_ severity: Finding.Severity) -> Int { severity == .error ? 0 : severity == .warning ? 1 : 2 }
        return findings.sorted {
            (rank($0.severity), $0.file ?? "", $0.line ?? 0, $0.column ?? 0) < (rank($1.severity), $1.file ?? "", $1.line ?? 0, $1.column ?? 0)
        }
    }

    /// Relations that say where an entity belongs, which cannot go round in a circle.
    static let containment: Set<String> = ["part-of", "located-in", "subsidiary-of", "owned-by"]

    /// "a part-of b" and "b part-of a": a containment relation that leads back to where it started.
    private func containmentCycles() -> [Finding] {
        var edges: [Entity.ID: [Entity.ID]] = [:]
        for entity in gazetteer.entities {
            for relation in entity.relations where Self.containment.contains(relation.type) {
                edges[entity.id, default: []].append(relation.target)
            }
        }
        var findings: [Finding] = []
        var state: [Entity.ID: Int] = [:]            // 1 on the current path, 2 done
        var reported = Set<Entity.ID>()
        for start in gazetteer.entities.map(\.id) where state[start] == nil {
            // Iterative depth-first search: hostile files may chain thousands of entities.
            var stack: [(id: Entity.ID, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let targets = edges[top.id] ?? []
                if top.next < targets.count {
                    stack[stack.count - 1].next += 1
                    let target = targets[top.next]
                    if state[target] == 1 {
                        let path = stack.map(\.id)
                        let cycle = Array(path[(path.firstIndex(of: target) ?? 0)...]) + [target]
                        if reported.insert(target).inserted {
                            findings.append(finding(.warning, target, "The relations \(cycle.map(\.rawValue).joined(separator: " → ")) go round in a circle; one of them is probably the wrong way round."))
                        }
                    } else if state[target] == nil {
                        state[target] = 1
                        stack.append((target, 0))
                    }
                } else {
                    state[top.id] = 2
                    stack.removeLast()
                }
            }
        }
        return findings
    }

    /// Two people holding one office (title and entity) on the same days, beyond a handover day.
    private func overlappingTerms() -> [Finding] {
        struct Term { var person: Entity.ID; var from: Day?; var to: Day?; var place: (file: String, place: EntityPlaces.Place)? }
        var offices: [String: [Term]] = [:]
        for (index, entity) in gazetteer.entities.enumerated() where entity.type == .person {
            let places = index < self.places.count ? self.places[index] : nil
            for (number, role) in entity.roles.enumerated() {
                guard let office = role.of else { continue }
                let place = places.flatMap { number < $0.roles.count ? ($0.file, $0.roles[number]) : nil }
                offices[role.title + " of " + office.rawValue, default: []].append(Term(person: entity.id, from: role.from, to: role.to, place: place))
            }
        }
        var findings: [Finding] = []
        for (office, terms) in offices.sorted(by: { $0.key < $1.key }) {
            for (index, first) in terms.enumerated() {
                for second in terms[(index + 1)...] where second.person != first.person {
                    guard let a = first.from, let b = second.from else { continue }
                    let firstEnd = first.to ?? Day(year: 9999, month: 12, day: 31)
                    let secondEnd = second.to ?? Day(year: 9999, month: 12, day: 31)
                    guard let firstEnd, let secondEnd else { continue }
                    let start = max(a, b), end = min(firstEnd, secondEnd)
                    // The handover day belongs to both terms.
                    if start < end {
                        findings.append(finding(.error, second.person, at: second.place, "\"\(first.person)\" and \"\(second.person)\" both hold \(office) from \(start) to \(end); check the dates."))
                    }
                }
            }
        }
        return findings
    }

    /// A finding about the entity `id`, at `place` (a line of one of its
    /// aliases or roles) when given, else at its `entity` line.
    private func finding(_ severity: Finding.Severity, _ id: Entity.ID, at place: (file: String, place: EntityPlaces.Place)? = nil,
                         _ message: String) -> Finding {
        if let place {
            return Finding(severity: severity, file: place.file, line: place.place.line, column: place.place.column, message: message)
        }
        let location = gazetteer.location(of: id)
        return Finding(severity: severity, file: location?.file, line: location?.line, message: message)
    }

    /// UTF-8 decoded as Latin-1 or Windows-1252: "Ã©" for "é", "â€™" for "’".
    static func looksLikeMojibake(_ text: String) -> Bool {
        if text.contains("â€") { return true }
        let scalars = Array(text.unicodeScalars)
        for (lead, next) in zip(scalars, scalars.dropFirst()) where (0xC2 ... 0xC5).contains(lead.value) {
            if (0x80 ... 0xBF).contains(next.value) || windows1252High.contains(next.value) { return true }
        }
        return false
    }

    /// The characters Windows-1252 puts at bytes 0x80–0x9F.
    private static let windows1252High: Set<UInt32> = [
        0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017D,
        0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x017E, 0x0178,
    ]
}
