import Foundation
import ActorGraphGazetteers

/// The whole pipeline in one value: text in, ``ArticleGraph`` out.
///
/// Build it once (loading and compiling gazetteers and rules takes a moment),
/// then share it: it is immutable and `Sendable`, and `extract` may run on
/// many threads at once.
///
/// ```swift
/// let extractor = try Extractor()
/// let graph = try extractor.extract(article, date: "2021-07-27")
/// ```
public struct Extractor: Sendable {
    /// The entities it knows.
    public let gazetteer: Gazetteer
    /// The language rules it applies.
    public let rules: RuleSet
    /// Stage 1: text to tokens and sentences.
    public let tokenizer = Tokenizer()
    /// Stage 2: gazetteer mentions.
    public let matcher: EntityMatcher
    /// Stage 3: mentions to actors.
    public let resolver: MentionResolver
    /// Stage 4: events, links and text relations.
    public let events: EventExtractor

    /// An extractor with the bundled gazetteers and rules, plus the user
    /// gazetteers in `gazetteers` (files or folders of `.gaz` files, or a
    /// compiled gazetteer: one made with the bundled entities is used alone,
    /// memory-mapped) and the
    /// user rules in `rules` (`.rules` files or folders), read after the
    /// bundled ones: a new trigger needs no recompilation. User files are read
    /// in path order, whatever order they are given in, so that the output
    /// does not depend on it.
    /// - Parameters:
    ///   - gazetteers: `.gaz` files, folders of them, or a compiled `.agz` file.
    ///   - rules: `.rules` files or folders of them.
    ///   - bundledRules: `false` to use only the rules in `rules`.
    /// - Throws: ``ActorGraphError`` naming the file, line and column of a malformed gazetteer or rule.
    public init(gazetteers: [URL] = [], rules: [URL] = [], bundledRules: Bool = true) throws {
        guard let ruleFolder = BundledData.rules else {
            throw ActorGraphError(.unreadableInput, "The bundled rules are missing; keep the ActorGraph_ActorGraphGazetteers.resources folder beside the executable, or name a copy of it in ACTORGRAPH_RESOURCES.")
        }
        let byPath = { (urls: [URL]) in urls.sorted { $0.standardizedFileURL.path < $1.standardizedFileURL.path } }
        try self.init(gazetteer: Gazetteer.load(Gazetteer.sources(extendingBundled: byPath(gazetteers))),
                      rules: RuleSet.load((bundledRules ? [ruleFolder] : []) + byPath(rules)))
    }

    /// An extractor with the given gazetteer and rules.
    /// - Throws: ``ActorGraphError`` (`malformedGazetteer`) for a role whose
    ///   title `titles.rules` does not define, naming the entity's file and line.
    public init(gazetteer: Gazetteer, rules: RuleSet) throws {
        let titles = Set(rules.titles.map(\.canonical))
        if titles.isEmpty, let title = gazetteer.roleTitles.keys.filter({ !GazetteerParser.isCodedTitle($0) }).min() {
            // Rules without the bundled ones: the gazetteer's files are not at fault.
            let bundled = BundledData.rules.map { " (\($0.appendingPathComponent("titles.rules").path))" } ?? ""
            throw ActorGraphError(.malformedRules,
                "The rules in use define no titles, and the gazetteer's roles need them (\"\(title)\" and others); add the bundled titles.rules\(bundled) to the rules, or a file of your own that defines them.")
        }
        if let (title, index) = gazetteer.roleTitles.filter({ !titles.contains($0.key) && !GazetteerParser.isCodedTitle($0.key) }).min(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            let id = gazetteer.entities.id(at: index)
            let place = gazetteer.entities.location(at: index)
            throw ActorGraphError(.malformedGazetteer,
                "The role title \"\(title)\" of \"\(id)\" is not a title of titles.rules; use one of: \(titles.sorted().joined(separator: ", ")).",
                file: place?.file, line: place?.line)
        }
        self.gazetteer = gazetteer
        self.rules = rules
        matcher = EntityMatcher(gazetteer: gazetteer)
        resolver = try MentionResolver(gazetteer: gazetteer, rules: rules)
        events = try EventExtractor(rules: rules, sharingFormsWith: resolver)
    }

    /// Extracts the graph of one document.
    ///
    /// - Parameters:
    ///   - text: The document. Any string; an empty one gives an empty graph.
    ///   - date: Its publication day, `YYYY-MM-DD`, against which titles and
    ///     relative times ("last week") resolve.
    ///   - id: The document id to carry into the output.
    /// - Throws: ``ActorGraphError`` with code `invalidDate` for a date that
    ///   is not a real day; `textTooLarge` for 2 GiB of text or more.
    /// - Complexity: O(*n*) in the length of the text, for a given gazetteer and rule set.
    public func extract(_ text: String, date: String? = nil, id: String? = nil) throws -> ArticleGraph {
        try extract(text, day: date.map(Day.init(iso:)), id: id)
    }

    /// Extracts the graph of one document dated `day`.
    /// - Parameters:
    ///   - text: The document.
    ///   - day: Its publication day, or `nil`.
    ///   - id: The document id to carry into the output.
    /// - Throws: ``ActorGraphError`` with code `textTooLarge` for 2 GiB of text or more.
    public func extract(_ text: String, day: Day?, id: String? = nil) throws -> ArticleGraph {
        try extractKeepingText(text, day: day, id: id).graph
    }

    /// The graph of one document, and its text as the extractor tokenized it, from which the
    /// exports make their `SourceText` without tokenizing again.
    package func extractKeepingText(_ text: String, day: Day?, id: String?) throws -> (graph: ArticleGraph, text: TokenizedText) {
        let tokenized = try tokenizer.tokenize(text)
        let mentions = matcher.matches(in: tokenized)
        // One look-up of the document's forms for the rule phrases of both stages.
        let lookup = events.phraseForms.lookUp(tokenized)
        let forms = events.phraseForms.translations(lookup)
        let actors = resolver.resolve(tokenized, mentions: mentions, date: day, forms: Array(forms[EventExtractor.resolverForms]))
        let found = events.extract(from: tokenized, actors: actors, date: day, lookup: lookup, forms: Array(forms[EventExtractor.ownForms]))
        let graph = ArticleGraph(id: id, date: day, text: tokenized, gazetteer: gazetteer, actors: actors,
                                 events: found.events, links: found.links, relations: found.relations)
        return (graph, tokenized)
    }
}
