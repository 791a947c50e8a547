/// A corpus graph as a self-contained HTML page: its documents, its actors
/// with their mentions, documents, dates and strongest links, the weighted
/// edges heaviest first, a timeline per actor, and the graph drawn as SVG.
///
/// ```swift
/// let corpus = try CorpusGraph(merging: graphs)
/// try CorpusReport(corpus: corpus).render().write(toFile: "corpus.html", atomically: true, encoding: .utf8)
/// ```
///
/// Like ``HTMLReport`` it loads nothing and reads without JavaScript; with
/// it, clicking an actor (a chip, or a node of the graph) marks its row,
/// its edges and its node.
public struct CorpusReport: Sendable {
    /// The corpus shown.
    public let corpus: CorpusGraph
    /// An SVG drawing of the corpus from elsewhere (Graphviz), or nil for the built-in ``SVGDrawing``.
    public let graphSVG: String?
    /// The most nodes the built-in drawing shows (the actors with the most events).
    public let maximumDrawnActors: Int

    /// How many of an actor's strongest links the actors table lists.
    static let topLinks = 3

    /// A report of `corpus`.
    /// - Parameters:
    ///   - corpus: The merged graphs.
    ///   - graphSVG: An SVG document to show as the graph, such as Graphviz `dot -Tsvg` output; its
    ///     XML prolog and DOCTYPE are dropped. It is inserted as markup, so it must come from a
    ///     program you trust. Nil draws the graph with ``SVGDrawing``.
    ///   - maximumDrawnActors: The most actors the built-in drawing shows; the tables list all.
    public init(corpus: CorpusGraph, graphSVG: String? = nil, maximumDrawnActors: Int = SVGDrawing.defaultMaximumNodes) {
        self.corpus = corpus
        self.graphSVG = graphSVG
        self.maximumDrawnActors = maximumDrawnActors
    }

    /// The page as one HTML5 document; the same corpus always gives the same bytes.
    /// - Complexity: O(*a* log *a* + *e* log *e*) for *a* actors and *e* edges and events.
    public func render() -> String {
        var index: [String: Int] = [:]
        for (position, actor) in corpus.actors.enumerated() where index[actor.id] == nil { index[actor.id] = position }
        var body = "<div class=\"page\">\n"
        body += header()
        let figure = ReportPage.graphFigure(given: graphSVG) { SVGDrawing(NodeLinkGraph(corpus), maximumNodes: maximumDrawnActors) }
        body += "<section id=\"graph\" class=\"card\">\n<h2>Graph</h2>\n<div class=\"graph-box\">\n\(figure.svg)</div>\n"
        body += "<p class=\"note\">\(Markup.html(figure.note)) Click an actor to mark its links and its row.</p>\n</section>\n"
        body += documentsSection()
        body += actorsSection(index: index)
        body += edgesSection(index: index)
        body += timelinesSection(index: index)
        body += "<footer>Corpus schema \(Markup.html(corpus.schema)) · made by ActorGraph</footer>\n</div>\n"
        return ReportPage.document(title: "Corpus of \(corpus.documents.count) documents — ActorGraph report", bodyClass: "corpus-report",
                                   body: body, data: Markup.scriptJSON(["actors": [String](), "events": [String]()]))
    }

    private func chip(_ id: String, index: [String: Int]) -> String {
        guard let position = index[id] else { return ReportPage.chip(name: id, id: id, type: nil, anchor: nil) }
        let actor = corpus.actors[position]
        return ReportPage.chip(name: actor.name, id: actor.id, type: actor.type, anchor: "actor-\(position)")
    }

    private func header() -> String {
        let dates = corpus.documents.compactMap(\.date).sorted()
        var out = "<header class=\"page-header\">\n<h1><span class=\"kicker\">ActorGraph corpus report</span>"
        out += "\(ReportPage.grouped(corpus.documents.count)) document\(corpus.documents.count == 1 ? "" : "s")</h1>\n<dl class=\"facts\">"
        var facts: [(String, String)] = [
            ("Actors", ReportPage.grouped(corpus.actors.count)), ("Events", ReportPage.grouped(corpus.events.count)),
            ("Edges", ReportPage.grouped(corpus.edges.count)), ("Relations", ReportPage.grouped(corpus.relations.count)),
        ]
        if let first = dates.first, let last = dates.last { facts.insert(("Dates", first == last ? first : "\(first) – \(last)"), at: 0) }
        for (term, value) in facts {
            out += "<div><dt>\(term)</dt><dd id=\"count-\(term.lowercased())\">\(Markup.html(value))</dd></div>"
        }
        out += "</dl>\n<ul class=\"legend\" aria-label=\"Colors\">"
        for type in ActorType.allCases {
            let count = corpus.actors.filter { $0.type == type }.count
            guard count > 0 else { continue }
            out += "<li><span class=\"sample t-\(type.rawValue)\">\(type.rawValue)<b>\(count)</b></span></li>"
        }
        return out + "</ul>\n</header>\n"
    }

    private func documentsSection() -> String {
        var out = "<section id=\"documents\" class=\"card\">\n<h2>Documents<span class=\"count\">\(corpus.documents.count)</span></h2>\n"
        guard !corpus.documents.isEmpty else { return out + "<p class=\"muted\">The corpus has no documents.</p>\n</section>\n" }
        out += "<table>\n<thead><tr><th>Document</th><th>Date</th><th class=\"num\">Length</th><th class=\"num\">Actors</th>"
        out += "<th class=\"num\">Events</th></tr></thead>\n<tbody>\n"
        for (position, document) in corpus.documents.enumerated() {
            out += "<tr id=\"document-\(position)\"><td><code>\(Markup.html(document.id))</code></td><td>\(Markup.html(document.date ?? ""))</td>"
            out += "<td class=\"num\">\(ReportPage.grouped(document.length))</td><td class=\"num\">\(document.actors)</td>"
            out += "<td class=\"num\">\(document.events)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// Every actor's neighbors by summed edge weight, heaviest first, then by id.
    private func neighbors() -> [String: [(actor: String, weight: Int)]] {
        var weights: [String: [String: Int]] = [:]
        for edge in corpus.edges where edge.source != edge.target {
            weights[edge.source, default: [:]][edge.target, default: 0] += edge.weight
            weights[edge.target, default: [:]][edge.source, default: 0] += edge.weight
        }
        return weights.mapValues { byActor in
            byActor.map { (actor: $0.key, weight: $0.value) }.sorted { ($0.weight, $1.actor) > ($1.weight, $0.actor) }
        }
    }

    private func actorsSection(index: [String: Int]) -> String {
        var out = "<section id=\"actors\" class=\"card\">\n<h2>Actors<span class=\"count\">\(corpus.actors.count)</span></h2>\n"
        guard !corpus.actors.isEmpty else { return out + "<p class=\"muted\">No actors were found.</p>\n</section>\n" }
        let linked = neighbors()
        out += "<table>\n<thead><tr><th>Actor</th><th>Type</th><th>Country</th><th class=\"num\">Mentions</th><th class=\"num\">Documents</th>"
        out += "<th class=\"num\">Events</th><th>First</th><th>Last</th><th>Strongest links</th></tr></thead>\n<tbody>\n"
        for (position, actor) in corpus.actors.enumerated() {
            out += "<tr id=\"actor-\(position)\" class=\"actor-row\" data-actor=\"\(Markup.html(actor.id))\">"
            out += "<td>\(ReportPage.chip(name: actor.name, id: actor.id, type: actor.type, anchor: "actor-\(position)")) <code>\(Markup.html(actor.id))</code></td>"
            out += "<td>\(actor.type.rawValue)\(actor.subtype.map { " · \(Markup.html($0))" } ?? "")</td><td>\(Markup.html(actor.country ?? ""))</td>"
            out += "<td class=\"num\">\(actor.mentions)</td><td class=\"num\">\(actor.documents.count)</td>"
            out += "<td class=\"num\">\(actor.timeline.isEmpty ? "0" : "<a href=\"#timeline-\(position)\">\(actor.timeline.count)</a>")</td>"
            out += "<td>\(Markup.html(actor.firstDate ?? ""))</td><td>\(Markup.html(actor.lastDate ?? ""))</td><td>"
            out += (linked[actor.id] ?? []).prefix(Self.topLinks).map { "\(chip($0.actor, index: index)) ×\($0.weight)" }.joined(separator: " ")
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func edgesSection(index: [String: Int]) -> String {
        var out = "<section id=\"edges\" class=\"card\">\n<h2>Edges<span class=\"count\">\(corpus.edges.count)</span></h2>\n"
        guard !corpus.edges.isEmpty else { return out + "<p class=\"muted\">No events link two actors.</p>\n</section>\n" }
        let sorted = corpus.edges.enumerated().sorted { first, second in
            first.element.weight != second.element.weight ? first.element.weight > second.element.weight : first.offset < second.offset
        }.map(\.element)
        out += "<table>\n<thead><tr><th>Source</th><th>Event type</th><th>Target</th><th class=\"num\">Weight</th><th>First</th><th>Last</th>"
        out += "</tr></thead>\n<tbody>\n"
        for edge in sorted {
            out += "<tr data-source=\"\(Markup.html(edge.source))\" data-target=\"\(Markup.html(edge.target))\" title=\"\(Markup.html(edge.events.joined(separator: " ")))\">"
            out += "<td>\(chip(edge.source, index: index))</td><td><span class=\"badge\">\(Markup.html(edge.type))</span></td>"
            out += "<td>\(chip(edge.target, index: index))</td><td class=\"num\">\(edge.weight)</td>"
            out += "<td>\(Markup.html(edge.firstDate ?? ""))</td><td>\(Markup.html(edge.lastDate ?? ""))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func timelinesSection(index: [String: Int]) -> String {
        var out = "<section id=\"timelines\" class=\"card\">\n<h2>Timelines</h2>\n"
        let actors = corpus.actors.enumerated().filter { !$0.element.timeline.isEmpty }
        guard !actors.isEmpty else { return out + "<p class=\"muted\">No actor takes part in an event.</p>\n</section>\n" }
        var events: [String: CorpusGraph.EventNode] = [:]
        for event in corpus.events where events[event.id] == nil { events[event.id] = event }
        for (position, actor) in actors {
            let dates = actor.timeline.compactMap(\.date)
            out += "<details class=\"timeline\" id=\"timeline-\(position)\" data-actor=\"\(Markup.html(actor.id))\"><summary>"
            out += "\(ReportPage.chip(name: actor.name, id: actor.id, type: actor.type, anchor: "actor-\(position)")) "
            out += "<span class=\"muted\">\(actor.timeline.count) event\(actor.timeline.count == 1 ? "" : "s")"
            if let first = dates.min(), let last = dates.max() { out += ", \(first == last ? first : "\(first) – \(last)")" }
            out += "</span></summary>\n<table><thead><tr><th>Date</th><th>Document</th><th>Event</th><th>Role</th><th>Trigger</th>"
            out += "<th>With</th></tr></thead><tbody>\n"
            for entry in actor.timeline {
                let event = events[entry.event]
                let others = (event?.roles ?? []).filter { $0.actor != actor.id }
                out += "<tr><td>\(Markup.html(entry.date ?? ""))</td><td><code>\(Markup.html(entry.document))</code></td>"
                out += "<td><span class=\"badge\">\(Markup.html(entry.type))</span> <code>\(Markup.html(entry.event))</code></td>"
                out += "<td>\(entry.role.rawValue)</td><td>\(event.map { "“\(Markup.html(Markup.oneLine($0.trigger)))”" } ?? "")</td><td>"
                out += others.map { "<span class=\"role\">\($0.role.rawValue)</span>\(chip($0.actor, index: index))" }.joined(separator: " ")
                out += "</td></tr>\n"
            }
            out += "</tbody></table></details>\n"
        }
        return out + "</section>\n"
    }
}
