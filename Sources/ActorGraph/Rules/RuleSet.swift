import Foundation
import ActorGraphGazetteers

/// Everything ActorGraph knows about language beyond names: event types and
/// rules, factuality cues, titles, nominals, discovery cues, relation patterns
/// irregular verbs and common words. Loaded from `*.rules` files,
/// `irregular-verbs.txt` and `common-words.txt` (`Docs/RuleFormat.md`).
public struct RuleSet: Sendable {
    /// Event types by name.
    public internal(set) var eventTypes: [String: EventType] = [:]
    /// Event rules in file order.
    public internal(set) var eventRules: [EventRule] = []
    var boundaries: [String] = []
    var factualityCues: [(factuality: Factuality, phrases: [String])] = []
    var titles: [TitleRule] = []
    var nominals: [NominalRule] = []
    var cues: [CueRule] = []
    var relations: [RelationRule] = []
    var inflector = Inflector()
    /// Sectors by actor kind, `type/subtype` ("organization/ministry" → "government").
    public internal(set) var sectors: [String: String] = [:]
    /// Agent nouns by sector: "troops" after "Israeli" makes the actor act as military.
    var agents: [(sector: String, nouns: [String])] = []
    /// Common English words, folded: names that are also words need more evidence.
    public internal(set) var commonWords: Set<String> = []
    /// Where each event rule's type is written, for errors found after all files are read.
    var ruleLocations: [String: (file: String, line: Int, column: Int)] = [:]

    /// An empty rule set: no event types, rules or cues.
    public init() {}

    /// Loads rule files: `*.rules`, `irregular-verbs.txt` and `common-words.txt`, from files or folders.
    /// A file named in `urls` is read as rules whatever it ends in, unless it is one of the two word lists.
    /// - Throws: ``ActorGraphError`` (`malformedRules`) with file, line and column.
    public static func load(_ urls: [URL]) throws -> RuleSet {
        var rules = RuleSet()
        let files = try SourceFiles.expand(urls, extensions: ["rules", "txt"])
        let wordLists = ["irregular-verbs.txt", "common-words.txt"]
        let named = Set(urls.filter { !SourceFiles.isFolder($0) }.map(\.standardizedFileURL.path))
        for file in files where file.lastPathComponent == "irregular-verbs.txt" {
            try rules.parseIrregularVerbs(SourceFiles.read(file, code: .malformedRules), file: SourceFiles.displayName(file))
        }
        for file in files where file.lastPathComponent == "common-words.txt" {
            try rules.parseCommonWords(SourceFiles.read(file, code: .malformedRules), file: SourceFiles.displayName(file))
        }
        for file in files where file.pathExtension == "rules"
            || (named.contains(file.standardizedFileURL.path) && !wordLists.contains(file.lastPathComponent)) {
            try rules.parse(SourceFiles.read(file, code: .malformedRules), file: SourceFiles.displayName(file))
        }
        for rule in rules.eventRules where rules.eventTypes[rule.type] == nil {
            let place = rules.ruleLocations[rule.id]
            throw ActorGraphError(.malformedRules, "The rule \"\(rule.id)\" has the undeclared type \"\(rule.type)\"; add a \"type \(rule.type)\" line.",
                                  file: place?.file, line: place?.line, column: place?.column)
        }
        return rules
    }

    /// The rules bundled with ActorGraph.
    public static func bundled() throws -> RuleSet {
        guard let folder = BundledData.rules else {
            throw ActorGraphError(.unreadableInput, "The bundled rules are missing; keep the ActorGraph_ActorGraphGazetteers.resources folder beside the executable, or name a copy of it in ACTORGRAPH_RESOURCES.")
        }
        return try load([folder])
    }

    // MARK: Parsing

    mutating func parse(_ text: String, file: String) throws {
        let reader = DirectiveReader(file: file, code: .malformedRules)
        var current: EventRule?
        var currentRelation: RelationRule?
        var ruleIDs = Set(eventRules.map(\.id) + relations.map(\.id))
        func finish() {
            if let rule = current { eventRules.append(rule) }
            if let rule = currentRelation { relations.append(rule) }
            current = nil
            currentRelation = nil
        }
        for directive in try reader.directives(in: text) {
            let fail = { (message: String) in reader.error(message, line: directive.line, column: directive.valueColumn) }
            let failAtKey = { (message: String) in reader.error(message, line: directive.line, column: directive.keywordColumn) }
            if directive.indented {
                if var rule = current {
                    try eventAttribute(directive, of: &rule, fail: fail, failAtKey: failAtKey)
                    current = rule
                } else if var rule = currentRelation {
                    try relationAttribute(directive, of: &rule, fail: fail, failAtKey: failAtKey)
                    currentRelation = rule
                } else {
                    throw reader.error("The indented line \"\(directive.keyword)\" belongs to no rule; start a block with \"rule <id> <type>\".",
                                       line: directive.line, column: directive.keywordColumn)
                }
                continue
            }
            finish()
            switch directive.keyword {
            case "type":
                let type = try eventType(directive.value, fail: fail)
                eventTypes[type.name] = type
            case "boundary":
                boundaries += try list(directive.value, fail: fail)
            case "rule", "relation":
                let parts = directive.value.split(whereSeparator: \.isSpace).map(String.init)
                guard parts.count == 2 else {
                    throw fail("The header needs an id and a type, e.g. \"\(directive.keyword) visit.travel visit\".")
                }
                guard ruleIDs.insert(parts[0]).inserted else {
                    throw fail("The rule id \"\(parts[0])\" is used twice; give each rule its own id.")
                }
                if directive.keyword == "rule" {
                    current = EventRule(id: parts[0], type: parts[1])
                    let typeOffset = directive.value.distance(from: directive.value.startIndex,
                                                              to: directive.value.range(of: parts[1], range: directive.value.index(directive.value.startIndex, offsetBy: parts[0].count) ..< directive.value.endIndex)?.lowerBound ?? directive.value.startIndex)
                    ruleLocations[parts[0]] = (file, directive.line, directive.valueColumn + typeOffset)
                } else {
                    currentRelation = RelationRule(id: parts[0], type: parts[1], phrases: [], source: .after)
                }
            case "cue":
                let (head, items) = try split(directive.value, fail: fail)
                if let position = CueRule.Position(rawValue: head) {
                    let (type, subtype) = try actorType(items.type, fail: fail)
                    cues.append(CueRule(position: position, words: try list(items.list, fail: fail), type: type, subtype: subtype))
                } else if let factuality = Factuality(rawValue: head) {
                    factualityCues.append((factuality, try list(items.list, fail: fail)))
                } else {
                    throw fail("A cue starts with before, after, ends or a factuality (\(Factuality.allCases.map(\.rawValue).joined(separator: ", "))), not \"\(head)\".")
                }
            case "title":
                guard let colon = directive.value.firstIndex(of: ":") else {
                    throw fail("Write a title as \"title <Canonical Title>: <spelling>, <spelling>\".")
                }
                let canonical = directive.value[..<colon].trimmingCharacters(in: .whitespaces)
                let spellings = try list(String(directive.value[directive.value.index(after: colon)...]), fail: fail)
                titles.append(TitleRule(canonical: canonical, spellings: spellings))
            case "sector":
                guard let colon = directive.value.firstIndex(of: ":") else {
                    throw fail("Write a sector as \"sector <name>: <type>/<subtype>, <type>/<subtype>\".")
                }
                let name = directive.value[..<colon].trimmingCharacters(in: .whitespaces)
                for kind in try list(String(directive.value[directive.value.index(after: colon)...]), fail: fail) {
                    let (type, subtype) = try actorType(kind, fail: fail)
                    guard let subtype else { throw fail("Give the subtype of \"\(kind)\", e.g. \"organization/ministry\".") }
                    let key = "\(type.rawValue)/\(subtype)"
                    if let other = sectors[key], other != name {
                        throw fail("\"\(key)\" is already in the sector \(other); give it one sector.")
                    }
                    sectors[key] = name
                }
            case "agent":
                guard let colon = directive.value.firstIndex(of: ":") else {
                    throw fail("Write agent nouns as \"agent <sector>: <noun>, <noun>\".")
                }
                let sector = directive.value[..<colon].trimmingCharacters(in: .whitespaces)
                agents.append((sector, try list(String(directive.value[directive.value.index(after: colon)...]), fail: fail)))
            case "nominal":
                guard let colon = directive.value.lastIndex(of: ":") else {
                    throw fail("Write a nominal as \"nominal <noun>, <noun>: <type>[/<subtype>]\".")
                }
                let (type, subtype) = try actorType(String(directive.value[directive.value.index(after: colon)...]), fail: fail)
                nominals.append(NominalRule(nouns: try list(String(directive.value[..<colon]), fail: fail), type: type, subtype: subtype))
            default:
                throw reader.error("Unknown directive \"\(directive.keyword)\"; use type, boundary, rule, relation, cue, title, nominal, sector or agent.",
                                   line: directive.line, column: directive.keywordColumn)
            }
        }
        finish()
    }

    private func eventAttribute(_ directive: Directive, of rule: inout EventRule, fail: (String) -> ActorGraphError,
                                failAtKey: (String) -> ActorGraphError) throws {
        let value = directive.value
        switch directive.keyword {
        case "verb": rule.verbs += try list(value, fail: fail)
        case "noun": rule.nouns += try list(value, fail: fail)
        case "phrase": rule.phrases += try list(value, fail: fail)
        case "requires": rule.requires += try list(value, fail: fail)
        case "excludes": rule.excludes += try list(value, fail: fail)
        case "factuality":
            guard let factuality = Factuality(rawValue: value) else {
                throw fail("Unknown factuality \"\(value)\"; use one of: \(Factuality.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            rule.factuality = factuality
        default:
            guard let role = EventRole(rawValue: directive.keyword) else {
                throw failAtKey("Unknown key \"\(directive.keyword)\" in rule \"\(rule.id)\"; use verb, noun, phrase, requires, excludes, factuality or a role (\(EventRole.allCases.map(\.rawValue).joined(separator: ", "))).")
            }
            let slots = try value.split(separator: "|").map { try slot(String($0), fail: fail) }
            guard !slots.isEmpty else { throw fail("The role \"\(role.rawValue)\" lists no slot; use subject, object, after <word>, possessor or by.") }
            rule.slots.append(EventRule.RoleSlots(role: role, slots: slots))
        }
    }

    private func relationAttribute(_ directive: Directive, of rule: inout RelationRule, fail: (String) -> ActorGraphError,
                                   failAtKey: (String) -> ActorGraphError) throws {
        let value = directive.value
        switch directive.keyword {
        case "phrase": rule.phrases += try list(value, fail: fail)
        case "source":
            guard let side = RelationRule.Side(rawValue: value) else { throw fail("Write \"source before\" or \"source after\", not \"\(value)\".") }
            rule.source = side
        case "source-type": rule.sourceType = try actorType(value, fail: fail).0
        case "target-type": rule.targetType = try actorType(value, fail: fail).0
        default:
            throw failAtKey("Unknown key \"\(directive.keyword)\" in relation \"\(rule.id)\"; use phrase, source, source-type or target-type.")
        }
    }

    private func slot(_ text: String, fail: (String) -> ActorGraphError) throws -> EventRule.Slot {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "subject": return .subject
        case "object": return .object
        case "possessor": return .possessor
        case "by": return .by
        default:
            if trimmed.hasPrefix("after ") {
                return .after(try list(String(trimmed.dropFirst(6)), fail: fail).map { $0.lowercased() })
            }
            throw fail("Unknown slot \"\(trimmed)\"; use subject, object, after <word>, possessor or by.")
        }
    }

    private func eventType(_ value: String, fail: (String) -> ActorGraphError) throws -> EventType {
        let parts = value.split(whereSeparator: \.isSpace).map(String.init)
        guard let name = parts.first else { throw fail("A type line needs a name, e.g. \"type visit plover=CONSULT cameo=042\".") }
        var type = EventType(name: name)
        for part in parts.dropFirst() {
            if part.hasPrefix("plover=") { type.plover = String(part.dropFirst(7)) }
            else if part.hasPrefix("cameo=") { type.cameo = String(part.dropFirst(6)) }
            else { throw fail("Unknown field \"\(part)\" of type \"\(name)\"; use plover= or cameo=.") }
        }
        return type
    }

    private func actorType(_ text: String, fail: (String) -> ActorGraphError) throws -> (ActorType, String?) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let type = ActorType(rawValue: first) else {
            throw fail("Unknown actor type \"\(text.trimmingCharacters(in: .whitespaces))\"; use one of: \(ActorType.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return (type, parts.count > 1 ? parts[1] : nil)
    }

    /// "before spokesman, spokeswoman: person" → ("before", list, type).
    private func split(_ value: String, fail: (String) -> ActorGraphError) throws -> (String, (list: String, type: String)) {
        let head = String(value.prefix { !$0.isSpace })
        let rest = value.dropFirst(head.count)
        if let colon = rest.lastIndex(of: ":") {
            return (head, (String(rest[..<colon]), String(rest[rest.index(after: colon)...])))
        }
        return (head, (String(rest), ""))
    }

    private func list(_ value: String, fail: (String) -> ActorGraphError) throws -> [String] {
        let items = value.commaSeparated()
        if let empty = items.firstIndex(where: \.isEmpty) {
            throw fail("Item \(empty + 1) of \"\(value.trimmingCharacters(in: .whitespaces))\" is empty; remove the extra comma.")
        }
        return items
    }

    mutating func parseCommonWords(_ text: String, file: String) throws {
        var lineNumber = 0
        for line in DirectiveReader.lines(of: text) {
            lineNumber += 1
            let content = (line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            guard !content.contains(where: \.isSpace) else {
                throw ActorGraphError(.malformedRules, "Write one word a line in common-words.txt, not \"\(content)\".", file: file, line: lineNumber, column: 1)
            }
            commonWords.insert(content.lowercased())
        }
    }

    mutating func parseIrregularVerbs(_ text: String, file: String) throws {
        var lineNumber = 0
        for line in DirectiveReader.lines(of: text) {
            lineNumber += 1
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: \.isSpace).map(String.init)
            if words.isEmpty { continue }
            guard (3 ... 5).contains(words.count) else {
                throw ActorGraphError(.malformedRules, "Write an irregular verb as \"lemma past participle [third-person] [gerund]\", not \"\(content.trimmingCharacters(in: .whitespaces))\".",
                                      file: file, line: lineNumber, column: 1)
            }
            inflector.irregular[words[0]] = Inflector.Irregular(
                past: words[1].split(separator: "/").map(String.init),
                participle: words[2].split(separator: "/").map(String.init),
                thirdPerson: words.count > 3 ? words[3] : nil,
                gerund: words.count > 4 ? words[4] : nil)
        }
    }
}
