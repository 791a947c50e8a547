import Foundation

/// Checks a loaded gazetteer for entries that load but are probably wrong:
/// role titles that `titles.rules` does not define, one alias on several
/// entities, overlapping terms of one office, mojibake, and aliases that are
/// common words yet match in any case.
///
/// Malformed files never get here: loading refuses them with their place.
package struct GazetteerLint {
    package struct Finding: Hashable, Sendable, CustomStringConvertible {
        /// `note`: worth knowing, nothing to fix (an alias the document's countries decide).
        package enum Severity: String, Sendable { case error, warning, note }
        package var severity: Severity
        package var file: String?
        package var line: Int?
        package var message: String

        package var description: String {
            let place = file.map { file in line.map { "\(file):\($0): " } ?? "\(file): " } ?? ""
            return place + severity.rawValue + ": " + message
        }
    }

    let gazetteer: Gazetteer
    /// Folded common English words, for aliases that should be `exact`.
    let commonWords: Set<String>
    /// The canonical titles of `titles.rules`, which every role must use.
    let titles: Set<String>

    package init(gazetteer: Gazetteer, rules: RuleSet) {
        self.gazetteer = gazetteer
        commonWords = rules.commonWords
        titles = Set(rules.titles.map(\.canonical))
    }

    /// Every finding, errors first, then in file order.
    package func findings() throws -> [Finding] {
        var findings: [Finding] = []
        let tokenizer = Tokenizer()
        var owners: [String: [Entity.ID]] = [:]
        for entity in gazetteer.entities {
            for title in Set(entity.roles.map(\.title)).subtracting(titles).sorted() where !GazetteerParser.isCodedTitle(title) {
                findings.append(finding(.error, entity.id, "The role title \"\(title)\" of \"\(entity.id)\" is not a title of titles.rules; use one of: \(titles.sorted().joined(separator: ", ")), or add it there."))
            }
            for alias in entity.aliases {
                if Self.looksLikeMojibake(alias.text) {
                    findings.append(finding(.error, entity.id, "The alias \"\(alias.text)\" of \"\(entity.id)\" looks like mojibake (UTF-8 read as Latin-1); retype it."))
                }
                let tokenized = try tokenizer.tokenize(alias.text, splittingSentences: false)
                let folded = tokenized.tokens.map { tokenized.folded($0) }.joined(separator: " ")
                if !alias.caseSensitive && alias.kind != .demonym && commonWords.contains(folded) {
                    findings.append(finding(.warning, entity.id, "The alias \"\(alias.text)\" of \"\(entity.id)\" is a common word; write it with `exact` so that only \"\(alias.text)\" matches."))
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
        return findings.sorted { (rank($0.severity), $0.file ?? "", $0.line ?? 0) < (rank($1.severity), $1.file ?? "", $1.line ?? 0) }
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
        struct Term { var person: Entity.ID; var from: Day?; var to: Day? }
        var offices: [String: [Term]] = [:]
        for entity in gazetteer.entities where entity.type == .person {
            for role in entity.roles {
                guard let office = role.of else { continue }
                offices[role.title + " of " + office.rawValue, default: []].append(Term(person: entity.id, from: role.from, to: role.to))
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
                        findings.append(finding(.error, second.person, "\"\(first.person)\" and \"\(second.person)\" both hold \(office) from \(start) to \(end); check the dates."))
                    }
                }
            }
        }
        return findings
    }

    private func finding(_ severity: Finding.Severity, _ id: Entity.ID, _ message: String) -> Finding {
        let place = gazetteer.location(of: id)
        return Finding(severity: severity, file: place?.file, line: place?.line, message: message)
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
