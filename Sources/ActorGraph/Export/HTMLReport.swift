/// One article's graph as a self-contained HTML page: the text with every
/// mention highlighted by actor type, the events, the relations, the actors,
/// and the graph drawn as SVG.
///
/// ```swift
/// let graph = try extractor.extract(text, date: "2021-07-27", id: "seed")
/// let page = HTMLReport(graph: graph, source: try SourceText(text)).render()
/// try page.write(toFile: "seed.html", atomically: true, encoding: .utf8)
/// ```
///
/// The page has inline CSS and JavaScript and loads nothing, so it opens from
/// disk anywhere. It reads without JavaScript (highlights, tables and the
/// graph are plain markup; hover titles name each mention's actor); with it,
/// hovering a mention shows a tooltip, clicking one pins the actor's details
/// in a side panel and marks all its mentions, its graph node and its rows,
/// and an event's trigger link scrolls to its sentence and flashes it.
///
/// In the text, each sentence is a `<span class="sentence" id="s-N">` (`N` is
/// the graph's 0-based `sentence`), each mention a `<mark class="mention
/// t-TYPE" id="m-K">` with `data-actor`, `data-start`, `data-end`, `data-via`,
/// `data-rule` and `data-sentence`, each event trigger a `<span
/// class="trigger">` with `data-events`. Overlapping spans never break the
/// markup: elements nest by containment, and when two spans cross, one is
/// cut in pieces (mentions stay whole before sentences, sentences before
/// triggers; of two crossing mentions the later one is cut). Only the first
/// piece has the id; every piece has the same `data-*` attributes, and later
/// pieces the class `cont`. The text between the tags, unescaped, is the
/// input exactly; a carriage return is written as `&#13;` so that browsers
/// keep it, and U+0000 shows as U+FFFD, as browsers show it anyway.
public struct HTMLReport: Sendable {
    /// The graph shown.
    public let graph: ArticleGraph
    /// The text it was extracted from.
    public let source: SourceText
    /// An SVG drawing of the graph from elsewhere (Graphviz), or nil for the built-in ``SVGDrawing``.
    public let graphSVG: String?

    /// A report of `graph`.
    /// - Parameters:
    ///   - graph: The graph of `source`.
    ///   - source: The text the graph was extracted from, as ``SourceText`` reads it.
    ///   - graphSVG: An SVG document to show as the graph, such as the output of Graphviz
    ///     `dot -Tsvg` on the DOT export; its XML prolog and DOCTYPE are dropped. It is
    ///     inserted as markup, so it must come from a program you trust, not from the text.
    ///     Nil draws the graph with ``SVGDrawing``.
    public init(graph: ArticleGraph, source: SourceText, graphSVG: String? = nil) {
        self.graph = graph
        self.source = source
        self.graphSVG = graphSVG
    }

    /// The page as one HTML5 document; the same graph and text always give the same bytes.
    /// - Complexity: O(*n* log *n*) in the number of mentions, sentences and events, plus the text's length.
    public func render() -> String {
        let title = graph.document.id ?? "Document"
        var body = "<div class=\"page\">\n"
        body += header(title: title)
        body += "<section id=\"article\" class=\"card\" aria-label=\"Article text\">\n<h2>Text</h2>\n"
        body += "<div id=\"text\" class=\"text\">\(text())</div>\n</section>\n"
        body += graphSection()
        body += eventsSection()
        body += relationsSection()
        body += actorsSection()
        body += "<footer>Graph schema \(Markup.html(graph.schema)) · offsets are Unicode scalars · made by ActorGraph</footer>\n"
        body += "</div>\n"
        body += "<aside id=\"panel\" class=\"panel\" aria-live=\"polite\"><h2>Actor</h2><div id=\"panel-body\">"
        body += "<p class=\"hint\">Point at a highlighted name to see its actor; click it to pin the actor here and mark all its mentions and its node in the graph.</p>"
        body += "</div></aside>\n"
        return ReportPage.document(title: "\(title) — ActorGraph report", bodyClass: "article-report", body: body, data: scriptData())
    }

    // MARK: - Look-ups

    private var actorIndex: [String: Int] {
        var index: [String: Int] = [:]
        for (position, actor) in graph.actors.enumerated() where index[actor.id] == nil { index[actor.id] = position }
        return index
    }

    private func chip(_ id: String, index: [String: Int]) -> String {
        guard let position = index[id] else { return ReportPage.chip(name: id, id: id, type: nil, anchor: nil) }
        let actor = graph.actors[position]
        return ReportPage.chip(name: actor.name, id: actor.id, type: actor.type, anchor: "actor-\(position)")
    }

    /// A link to sentence `index`, when the text has it.
    private func sentenceLink(_ index: Int, event: String?, label: String) -> String {
        guard source.sentences.indices.contains(index) else { return "<span class=\"muted\">\(Markup.html(label)) (not in the text)</span>" }
        let eventAttribute = event.map { " data-event=\"\(Markup.html($0))\"" } ?? ""
        return "<a href=\"#s-\(index)\" class=\"sentence-link\" data-sentence=\"\(index)\"\(eventAttribute)>\(Markup.html(label))</a>"
    }

    // MARK: - Sections

    private func header(title: String) -> String {
        let mentions = graph.actors.reduce(0) { $0 + $1.mentions.count }
        var out = "<header class=\"page-header\">\n<h1><span class=\"kicker\">ActorGraph report</span>\(Markup.html(title))</h1>\n<dl class=\"facts\">"
        let facts: [(String, String)] = [
            ("Date", graph.document.date ?? "none given"), ("Length", "\(ReportPage.grouped(graph.document.length)) characters"),
            ("Sentences", ReportPage.grouped(source.sentences.count)), ("Actors", ReportPage.grouped(graph.actors.count)),
            ("Mentions", ReportPage.grouped(mentions)), ("Events", ReportPage.grouped(graph.events.count)),
            ("Relations", ReportPage.grouped(graph.relations.count)),
        ]
        for (term, value) in facts {
            out += "<div><dt>\(term)</dt><dd id=\"count-\(term.lowercased())\">\(Markup.html(value))</dd></div>"
        }
        out += "</dl>\n<ul class=\"legend\" aria-label=\"Colors\">"
        for type in ActorType.allCases {
            let count = graph.actors.filter { $0.type == type }.count
            guard count > 0 else { continue }
            out += "<li><span class=\"sample t-\(type.rawValue)\">\(type.rawValue)<b>\(count)</b></span></li>"
        }
        out += "<li><span class=\"sample trigger-sample\">event trigger</span></li></ul>\n</header>\n"
        return out
    }

    /// The text with sentences, mentions and triggers marked (``NestedMarkup``).
    func text() -> String {
        var spans: [NestedMarkup.Span] = []
        for (index, range) in source.sentences.enumerated() {
            spans.append(NestedMarkup.Span(range: range, kind: .sentence, open: "<span class=\"sentence\" id=\"s-\(index)\" data-sentence=\"\(index)\">",
                                           openContinued: "<span class=\"sentence cont\" data-sentence=\"\(index)\">", close: "</span>"))
        }
        var mentions: [(actor: ArticleGraph.ActorNode, mention: ArticleGraph.MentionNode)] = []
        for actor in graph.actors { for mention in actor.mentions { mentions.append((actor, mention)) } }
        let ordered = mentions.indices.sorted { (mentions[$0].mention.start, -mentions[$0].mention.end, $0) < (mentions[$1].mention.start, -mentions[$1].mention.end, $1) }
        for (number, position) in ordered.enumerated() {
            let (actor, mention) = mentions[position]
            let type = actor.type.rawValue
            let tip = "\(actor.name) · \(actor.subtype.map { "\(type), \($0)" } ?? type)\(actor.country.map { " · \($0)" } ?? "") · via \(mention.via.rawValue)"
            let attributes = "data-mention=\"m-\(number)\" data-actor=\"\(Markup.html(actor.id))\" data-start=\"\(mention.start)\" data-end=\"\(mention.end)\""
                + " data-via=\"\(mention.via.rawValue)\" data-rule=\"\(Markup.html(mention.rule))\" data-sentence=\"\(mention.sentence)\""
                + " data-text=\"\(Markup.html(mention.text))\" title=\"\(Markup.html(tip))\""
            spans.append(NestedMarkup.Span(range: mention.start ..< mention.end, kind: .mention,
                                           open: "<mark class=\"mention t-\(type)\" id=\"m-\(number)\" \(attributes)>",
                                           openContinued: "<mark class=\"mention t-\(type) cont\" \(attributes)>", close: "</mark>"))
        }
        // One trigger element per distinct span: a compound source gives several events one trigger.
        var triggers: [(range: Range<Int>, events: [ArticleGraph.EventNode])] = []
        var triggerPosition: [Range<Int>: Int] = [:]
        for event in graph.events {
            let range = event.trigger.start ..< max(event.trigger.start, event.trigger.end)
            if let position = triggerPosition[range] {
                triggers[position].events.append(event)
            } else {
                triggerPosition[range] = triggers.count
                triggers.append((range, [event]))
            }
        }
        for (number, trigger) in triggers.enumerated() {
            let ids = trigger.events.map(\.id).joined(separator: " ")
            let tip = trigger.events.map { "\($0.id) \($0.type)" }.joined(separator: ", ")
            let attributes = "data-events=\"\(Markup.html(ids))\" title=\"\(Markup.html("event \(tip)"))\""
            spans.append(NestedMarkup.Span(range: trigger.range, kind: .trigger, open: "<span class=\"trigger\" id=\"t-\(number)\" \(attributes)>",
                                           openContinued: "<span class=\"trigger cont\" \(attributes)>", close: "</span>"))
        }
        return NestedMarkup(source: source, spans: spans).render()
    }

    private func graphSection() -> String {
        let figure = ReportPage.graphFigure(given: graphSVG) { SVGDrawing(NodeLinkGraph(graph)) }
        return "<section id=\"graph\" class=\"card\">\n<h2>Graph</h2>\n<div class=\"graph-box\">\n\(figure.svg)</div>\n"
            + "<p class=\"note\">\(Markup.html(figure.note)) Click an actor to select it, an event to find its sentence.</p>\n</section>\n"
    }

    private func eventsSection() -> String {
        let index = actorIndex
        var out = "<section id=\"events\" class=\"card\">\n<h2>Events<span class=\"count\">\(graph.events.count)</span></h2>\n"
        guard !graph.events.isEmpty else { return out + "<p class=\"muted\">No events were found.</p>\n</section>\n" }
        out += "<table>\n<thead><tr><th>Event</th><th>Trigger</th><th>Roles</th><th>Factuality</th><th>Time</th><th>Attributed to</th>"
        out += "<th>Rule</th><th class=\"num\">Confidence</th></tr></thead>\n<tbody>\n"
        for (position, event) in graph.events.enumerated() {
            out += "<tr id=\"event-\(position)\" data-event=\"\(Markup.html(event.id))\">"
            out += "<td><code>\(Markup.html(event.id))</code> <span class=\"badge\">\(Markup.html(event.type))</span>"
            if let plover = event.plover { out += "<span class=\"code\" title=\"PLOVER\">\(Markup.html(plover))</span>" }
            if let cameo = event.cameo { out += "<span class=\"code\" title=\"CAMEO\">CAMEO \(Markup.html(cameo))</span>" }
            out += "</td><td>" + sentenceLink(event.trigger.sentence, event: event.id, label: "“\(Markup.oneLine(event.trigger.text))”")
            out += " <span class=\"muted\">sentence \(event.trigger.sentence)</span>"
            if let retellings = event.retellings, !retellings.isEmpty {
                out += "<br/><span class=\"muted\">told again:</span> " + retellings.map {
                    sentenceLink($0.sentence, event: event.id, label: "“\(Markup.oneLine($0.text))”")
                }.joined(separator: ", ")
            }
            out += "</td><td><ul class=\"roles\">"
            for role in event.roles {
                out += "<li><span class=\"role\">\(role.role.rawValue)</span>\(chip(role.actor, index: index))"
                if let sector = role.sector { out += " <span class=\"muted\">(\(Markup.html(sector)))</span>" }
                out += "</li>"
            }
            out += "</ul></td><td class=\"fact-\(event.factuality.rawValue)\">\(event.factuality.rawValue)</td><td>"
            if let time = event.time {
                out += "“\(Markup.html(Markup.oneLine(time.text)))”" + (time.value.map { " → \(Markup.html($0))" } ?? "")
            }
            out += "</td><td>\(event.attributedTo.map { chip($0, index: index) } ?? "")</td>"
            out += "<td><code>\(Markup.html(event.rule))</code></td><td class=\"num\">\(Markup.number(event.confidence))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func relationsSection() -> String {
        let index = actorIndex
        var eventRows: [String: Int] = [:]
        for (position, event) in graph.events.enumerated() where eventRows[event.id] == nil { eventRows[event.id] = position }
        func end(_ id: String) -> String {
            if index[id] == nil, let row = eventRows[id] { return "<a href=\"#event-\(row)\"><code>\(Markup.html(id))</code></a>" }
            return chip(id, index: index)
        }
        var out = "<section id=\"relations\" class=\"card\">\n<h2>Relations<span class=\"count\">\(graph.relations.count)</span></h2>\n"
        guard !graph.relations.isEmpty else { return out + "<p class=\"muted\">No relations were found.</p>\n</section>\n" }
        out += "<table>\n<thead><tr><th>Type</th><th>Source</th><th>Target</th><th>Origin</th><th>Evidence</th><th>Rule</th></tr></thead>\n<tbody>\n"
        for relation in graph.relations {
            out += "<tr data-source=\"\(Markup.html(relation.source))\" data-target=\"\(Markup.html(relation.target))\">"
            out += "<td>\(Markup.html(relation.type))\(relation.title.map { " <span class=\"muted\">(\(Markup.html($0)))</span>" } ?? "")</td>"
            out += "<td>\(end(relation.source))</td><td>\(end(relation.target))</td><td>\(relation.origin.rawValue)</td><td>"
            if let sentence = relation.sentence {
                out += sentenceLink(sentence, event: nil, label: relation.text.map { "“\(Markup.oneLine($0))”" } ?? "sentence \(sentence)")
            } else {
                out += "<span class=\"muted\">gazetteer</span>"
            }
            out += "</td><td>\(relation.rule.map { "<code>\(Markup.html($0))</code>" } ?? "")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private func actorsSection() -> String {
        var out = "<section id=\"actors\" class=\"card\">\n<h2>Actors<span class=\"count\">\(graph.actors.count)</span></h2>\n"
        guard !graph.actors.isEmpty else { return out + "<p class=\"muted\">No actors were found.</p>\n</section>\n" }
        out += "<table>\n<thead><tr><th>Actor</th><th>Id</th><th>Type</th><th>Country</th><th>Sector</th><th>Roles on the date</th>"
        out += "<th class=\"num\">Mentions</th><th>As written</th></tr></thead>\n<tbody>\n"
        for (position, actor) in graph.actors.enumerated() {
            out += "<tr id=\"actor-\(position)\" class=\"actor-row\" data-actor=\"\(Markup.html(actor.id))\">"
            out += "<td>\(ReportPage.chip(name: actor.name, id: actor.id, type: actor.type, anchor: "actor-\(position)"))"
            if actor.origin == .discovered { out += " <span class=\"muted\">discovered</span>" }
            out += "</td><td><code>\(Markup.html(actor.id))</code></td>"
            out += "<td>\(actor.type.rawValue)\(actor.subtype.map { " · \(Markup.html($0))" } ?? "")</td>"
            out += "<td>\(Markup.html(actor.country ?? ""))</td><td>\(Markup.html(actor.sector ?? ""))</td><td>"
            out += (actor.roles ?? []).map { Markup.html($0.title + ($0.of.map { " of \($0)" } ?? "")) }.joined(separator: "<br/>")
            out += "</td><td class=\"num\">\(actor.mentions.count)</td><td>"
            var seen = Set<String>()
            let written = actor.mentions.map { "“\(Markup.oneLine($0.text))” \($0.via.rawValue)" }.filter { seen.insert($0).inserted }
            out += written.prefix(6).map(Markup.html).joined(separator: ", ") + (written.count > 6 ? ", …" : "")
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: - Data for the script

    private struct ScriptActor: Encodable {
        var id, name, type: String
        var subtype, country, sector: String?
        var origin: String
        var roles: [String]
        var mentions: Int
        /// Event id and role, in event order.
        var events: [[String]]
    }

    private struct ScriptEvent: Encodable {
        var id, type, trigger: String
        var sentence: Int
        /// The id of the event's table row.
        var row: String
    }

    private struct ScriptData: Encodable {
        var actors: [ScriptActor]
        var events: [ScriptEvent]
    }

    /// What the script shows in the panel, as JSON.
    private func scriptData() -> String {
        var eventsOfActor: [String: [[String]]] = [:]
        for event in graph.events {
            var seen = Set<String>()
            for role in event.roles where seen.insert("\(role.actor)\u{0}\(role.role.rawValue)").inserted {
                eventsOfActor[role.actor, default: []].append([event.id, role.role.rawValue])
            }
        }
        let actors = graph.actors.map { actor in
            ScriptActor(id: actor.id, name: actor.name, type: actor.type.rawValue, subtype: actor.subtype, country: actor.country,
                        sector: actor.sector, origin: actor.origin.rawValue,
                        roles: (actor.roles ?? []).map { $0.title + ($0.of.map { " of \($0)" } ?? "") },
                        mentions: actor.mentions.count, events: eventsOfActor[actor.id] ?? [])
        }
        let events = graph.events.enumerated().map { position, event in
            ScriptEvent(id: event.id, type: event.type, trigger: Markup.oneLine(event.trigger.text), sentence: event.trigger.sentence, row: "event-\(position)")
        }
        return Markup.scriptJSON(ScriptData(actors: actors, events: events))
    }
}
