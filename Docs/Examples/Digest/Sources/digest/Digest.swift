import ActorGraph

/// A digest of graphs: for each, its most mentioned actors and its events;
/// then, over all of them, the most mentioned actors and the counts.
struct Digest {
    /// How many actors to list per article, and for the whole folder.
    var actorsPerArticle = 5
    var actorsOverall = 10

    /// An actor's mentions, in one article or in all of them.
    private struct Tally {
        var id: String
        var name: String
        var type: ActorType
        var mentions: Int
        var articles: Int

        /// `  12  Pegasus (product)`: the count right-aligned in four columns.
        var label: String {
            let count = String(mentions)
            return String(repeating: " ", count: max(0, 4 - count.count)) + count + "  \(name) (\(type.rawValue))"
        }
    }

    private var articles = 0
    private var events = 0
    private var eventTypes: [String: Int] = [:]
    private var actors: [String: Tally] = [:]

    /// Adds one article's graph and returns its lines.
    mutating func add(_ graph: ArticleGraph) -> [String] {
        articles += 1
        events += graph.events.count
        let tallies = graph.actors.map { Tally(id: $0.id, name: $0.name, type: $0.type, mentions: $0.mentions.count, articles: 1) }
        for tally in tallies {
            var total = actors[tally.id] ?? Tally(id: tally.id, name: tally.name, type: tally.type, mentions: 0, articles: 0)
            total.mentions += tally.mentions
            total.articles += 1
            actors[tally.id] = total
        }
        let names = Dictionary(tallies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let header = (graph.document.id ?? "article") + (graph.document.date.map { " (\($0))" } ?? " (no date)")
        var lines = ["== \(header): \(graph.actors.count) actors, \(graph.events.count) events"]
        lines += Self.ranked(tallies).prefix(actorsPerArticle).map { "  " + $0.label }
        for event in graph.events {
            eventTypes[event.type, default: 0] += 1
            // The source, and the first other role (target, place, destination, …): roles come source first.
            let source = event.roles.first { $0.role == .source }.map { names[$0.actor] ?? $0.actor } ?? "?"
            let target = event.roles.first { $0.role != .source }.map { names[$0.actor] ?? $0.actor } ?? "?"
            lines.append("  \(source) —\(event.type)→ \(target) (\(event.factuality.rawValue))")
        }
        return lines
    }

    /// The lines for all the articles added.
    func summary() -> [String] {
        var lines = ["== all \(articles) articles: \(actors.count) actors, \(events) events"]
        lines += Self.ranked(Array(actors.values)).prefix(actorsOverall).map { "  \($0.label), in \($0.articles) of \(articles)" }
        let types = eventTypes.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        lines.append("  events by type: " + types.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        return lines
    }

    /// Most mentioned first; ties by name, then id, so the output is the same every run.
    private static func ranked(_ tallies: [Tally]) -> [Tally] {
        tallies.sorted { ($1.mentions, $0.name, $0.id) < ($0.mentions, $1.name, $1.id) }
    }
}
