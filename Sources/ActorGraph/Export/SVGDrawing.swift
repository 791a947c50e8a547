import Foundation

/// A ``NodeLinkGraph`` drawn as SVG with a built-in layout, so that a
/// report can show its graph without Graphviz.
///
/// A graph with events is drawn in columns from left to right: the actors
/// that act, the events, then the actors they act on, since role links run
/// actor → event → actor (``Layout/layered``). A graph of actors only, such as
/// a corpus graph, is drawn as a circle grouped by actor type, with its
/// weighted links as curves through the middle (``Layout/circular``).
///
/// Shapes and colors follow the actor type (person: blue pill, organization:
/// orange rectangle, country: green hexagon, city: teal octagon, place:
/// yellow dashed box, product: purple parallelogram, group: red double box;
/// events: dark boxes), the same colors the HTML reports highlight the text
/// with. Links carry their role, relation or event type (`visit ×3`), an
/// arrowhead, and a stroke as wide as their weight. Every node is a `<g>`
/// with `class="node actor t-person"` (or `node event`), `data-node` (its
/// id), `data-kind` and `data-type`; every link a `<g class="link role">` with
/// `data-source`, `data-target`, `data-kind`, `data-label` and `data-weight`,
/// so a page can find and highlight them.
///
/// To stay readable, at most `maximumNodes` nodes are drawn: whole events
/// with all their actors first, those among the most linked actors first;
/// then the nodes with the most weight in role and interaction links (then
/// the most relations, the most mentions, the first in the graph); and at most ``maximumLinks``
/// links: the heaviest. A circular drawing labels only its
/// ``maximumLinkLabels`` heaviest interactions and draws relations faintly;
/// every link names itself on hover. The drawing says in its caption what it
/// left out, and in the attributes `data-omitted-nodes` and
/// `data-omitted-links` of its root. The same graph always gives the same bytes:
/// the layout has no randomness and coordinates have one decimal.
public struct SVGDrawing: Sendable {
    /// How nodes are placed.
    public enum Layout: String, Hashable, Sendable {
        /// Columns from left to right: acting actors, events, other actors. For graphs with events.
        case layered
        /// A circle of actors grouped by type. For graphs of actors only.
        case circular
    }

    /// The most nodes drawn unless the caller says otherwise.
    public static let defaultMaximumNodes = 60
    /// The most links drawn; the heaviest are kept.
    public static let maximumLinks = 150
    /// In a circular drawing, only this many of the heaviest interaction links are labeled.
    public static let maximumLinkLabels = 24

    /// The layout used: ``Layout/layered`` when the graph has events, else ``Layout/circular``.
    public let layout: Layout
    /// The ids of the nodes drawn, in the graph's order.
    public let drawnNodes: [String]
    /// How many nodes of the graph were left out.
    public let omittedNodes: Int
    /// How many links were left out: those to nodes left out or missing, and those past ``maximumLinks``.
    public let omittedLinks: Int

    let nodes: [PlacedNode]
    let links: [PlacedLink]
    let width: Double
    let height: Double

    /// Lays out `graph`.
    /// - Parameters:
    ///   - graph: The nodes and links to draw.
    ///   - maximumNodes: The most nodes to draw; the rest are counted in the caption.
    /// - Complexity: O(*n* log *n* + *m*) for *n* nodes and *m* links.
    public init(_ graph: NodeLinkGraph, maximumNodes: Int = SVGDrawing.defaultMaximumNodes) {
        let kept = Self.keptNodes(graph, maximumNodes: max(1, maximumNodes))
        let keptIDs = Set(kept.map(\.id))
        let candidates = graph.links.filter { keptIDs.contains($0.source) && keptIDs.contains($0.target) }
        let keptLinks: [NodeLinkGraph.Link]
        if candidates.count > Self.maximumLinks {
            let heaviest = candidates.indices.sorted { (candidates[$0].weight, $1) > (candidates[$1].weight, $0) }.prefix(Self.maximumLinks)
            keptLinks = heaviest.sorted().map { candidates[$0] }
        } else {
            keptLinks = candidates
        }
        layout = graph.nodes.contains { $0.kind == .event } ? .layered : .circular
        drawnNodes = kept.map(\.id)
        omittedNodes = graph.nodes.count - kept.count
        omittedLinks = graph.links.count - keptLinks.count
        let placed = layout == .layered ? Self.layered(kept, keptLinks) : Self.circular(kept, keptLinks)
        let (nodes, links, width, height) = Self.framed(placed)
        let legendWidth = Self.legendEntries(nodes, links).reduce(2 * Self.margin) { $0 + Self.legendWidth($1.label) }
        self.nodes = nodes
        self.links = links
        self.width = max(width, legendWidth.rounded(.up))
        self.height = height
    }

    /// The drawing as a standalone SVG document (no XML prolog, so it can also be inlined in HTML).
    public func render() -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"actorgraph-drawing \(layout.rawValue)\""
        out += " width=\"\(Markup.number(width))\" height=\"\(Markup.number(height))\" viewBox=\"0 0 \(Markup.number(width)) \(Markup.number(height))\""
        out += " font-family=\"\(Self.fontFamily)\" font-size=\"12\" role=\"img\" data-omitted-nodes=\"\(omittedNodes)\" data-omitted-links=\"\(omittedLinks)\">\n"
        out += "<title>\(Markup.xml(caption))</title>\n"
        out += markers()
        out += "<text class=\"caption\" x=\"\(Markup.number(Self.margin))\" y=\"\(Markup.number(Self.margin + 4))\" fill=\"#555b66\">\(Markup.xml(caption))</text>\n"
        out += "<g class=\"links\">\n"
        for (index, link) in links.enumerated() { out += render(link, index: index) }
        out += "</g>\n<g class=\"nodes\">\n"
        for (index, node) in nodes.enumerated() { out += render(node, index: index) }
        out += "</g>\n"
        out += legend()
        out += "</svg>\n"
        return out
    }

    /// What the drawing shows, and what it left out.
    var caption: String {
        let actors = nodes.filter { $0.node.kind == .actor }.count
        let events = nodes.count - actors
        var parts = ["\(actors) actor\(actors == 1 ? "" : "s")"]
        if layout == .layered { parts.append("\(events) event\(events == 1 ? "" : "s")") }
        let linkCount = links.reduce(0) { $0 + $1.links.count }
        parts.append("\(linkCount) link\(linkCount == 1 ? "" : "s")")
        var text = parts.joined(separator: ", ")
        if omittedNodes > 0 { text += "; \(omittedNodes) less linked node\(omittedNodes == 1 ? "" : "s") not drawn" }
        if omittedLinks > 0 { text += "; \(omittedLinks) link\(omittedLinks == 1 ? "" : "s") not drawn" }
        return text
    }

    // MARK: - Choosing what to draw

    /// The nodes to draw, in graph order: all of them, or `maximumNodes` of them.
    ///
    /// With events, whole events come first, each with all its actors, those
    /// whose actors are the most linked first, as long as they fit; then, as
    /// without events, the nodes with the most role and interaction weight,
    /// the most relations, the most mentions, the first in the graph.
    private static func keptNodes(_ graph: NodeLinkGraph, maximumNodes: Int) -> [NodeLinkGraph.Node] {
        guard graph.nodes.count > maximumNodes else { return graph.nodes }
        let weights = linkWeights(graph.links.filter { $0.kind != .relation })
        let relations = linkWeights(graph.links.filter { $0.kind == .relation })
        var position = [String: Int]()
        for (index, node) in graph.nodes.enumerated() where position[node.id] == nil { position[node.id] = index }
        var chosen = Set<Int>()

        var actorsOfEvent: [Int: [Int]] = [:]
        for link in graph.links where link.kind == .role {
            guard let source = position[link.source], let target = position[link.target] else { continue }
            let (event, actor) = graph.nodes[source].kind == .event ? (source, target) : (target, source)
            if !(actorsOfEvent[event] ?? []).contains(actor) { actorsOfEvent[event, default: []].append(actor) }
        }
        let events = graph.nodes.indices.filter { graph.nodes[$0].kind == .event }.map { event in
            (event: event, weight: (actorsOfEvent[event] ?? []).reduce(0) { $0 + (weights[graph.nodes[$1].id] ?? 0) })
        }.sorted { ($0.weight, $1.event) > ($1.weight, $0.event) }
        for (event, _) in events {
            let needed = ([event] + (actorsOfEvent[event] ?? [])).filter { !chosen.contains($0) }
            if chosen.count + needed.count <= maximumNodes { chosen.formUnion(needed) }
        }

        let ranked = graph.nodes.indices.filter { !chosen.contains($0) }.sorted { first, second in
            let a = graph.nodes[first], b = graph.nodes[second]
            let keyA = (weights[a.id] ?? 0, relations[a.id] ?? 0, mentions(a)), keyB = (weights[b.id] ?? 0, relations[b.id] ?? 0, mentions(b))
            return keyA != keyB ? keyA > keyB : first < second
        }
        chosen.formUnion(ranked.prefix(maximumNodes - chosen.count))
        return chosen.sorted().map { graph.nodes[$0] }
    }

    /// The summed weight of the links at each node.
    static func linkWeights(_ links: [NodeLinkGraph.Link]) -> [String: Int] {
        var weights: [String: Int] = [:]
        for link in links {
            weights[link.source, default: 0] += link.weight
            if link.target != link.source { weights[link.target, default: 0] += link.weight }
        }
        return weights
    }

    private static func mentions(_ node: NodeLinkGraph.Node) -> Int {
        for attribute in node.attributes where attribute.key == "mentions" {
            if case .int(let count) = attribute.value { return count }
        }
        return 0
    }

    /// The string value of attribute `key`, if the node has one.
    static func attribute(_ key: String, of node: NodeLinkGraph.Node) -> String? {
        for attribute in node.attributes where attribute.key == key {
            switch attribute.value {
            case .string(let text): return text
            case .int(let number): return String(number)
            case .double(let number): return Markup.number(number)
            }
        }
        return nil
    }

    /// Links of the same kind between the same two nodes in the same direction, drawn as one.
    static func merged(_ links: [NodeLinkGraph.Link]) -> [[NodeLinkGraph.Link]] {
        var groups: [[NodeLinkGraph.Link]] = []
        var position: [String: Int] = [:]
        for link in links {
            let key = "\(link.kind.rawValue)\u{0}\(link.source)\u{0}\(link.target)"
            if let index = position[key] {
                groups[index].append(link)
            } else {
                position[key] = groups.count
                groups.append([link])
            }
        }
        return groups
    }

    /// The text a drawn link is labeled with.
    static func label(_ group: [NodeLinkGraph.Link]) -> String {
        var seen = Set<String>()
        return group.map { link -> String in
            var text = link.label
            if link.kind == .relation, let title = link.attributes.first(where: { $0.key == "title" }), case .string(let held) = title.value {
                text = held
            }
            return link.weight > 1 ? "\(text) ×\(link.weight)" : text
        }.filter { seen.insert($0).inserted }.joined(separator: " · ")
    }

    /// The stroke width of a link of `weight` events: grows with the logarithm, up to 8.
    static func strokeWidth(_ weight: Int) -> Double {
        min(1.3 + 1.5 * log2(Double(max(weight, 1))), 8)
    }

    // MARK: - Fitting the drawing to its canvas

    static let margin = 16.0
    static let captionHeight = 26.0
    static let legendHeight = 30.0
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"

    /// Moves the drawing so that it starts at the margins, below the caption, and gives its size.
    private static func framed(_ placed: (nodes: [PlacedNode], links: [PlacedLink])) -> ([PlacedNode], [PlacedLink], Double, Double) {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func include(_ x: Double, _ y: Double) {
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
        for node in placed.nodes {
            let bounds = node.bounds
            include(bounds.minX, bounds.minY)
            include(bounds.maxX, bounds.maxY)
        }
        for link in placed.links {
            for point in link.points { include(point.x, point.y) }
            if link.showsLabel {
                let half = Double(Markup.columns(link.label)) * 3.2 + 4
                include(link.labelAt.x - half, link.labelAt.y - 8)
                include(link.labelAt.x + half, link.labelAt.y + 8)
            }
        }
        if !minX.isFinite { minX = 0; minY = 0; maxX = 0; maxY = 0 }
        let dx = margin - minX, dy = margin + captionHeight - minY
        let nodes = placed.nodes.map { $0.moved(dx, dy) }
        let links = placed.links.map { $0.moved(dx, dy) }
        let width = max(maxX - minX + 2 * margin, 420)
        let height = maxY - minY + 2 * margin + captionHeight + legendHeight
        return (nodes, links, width.rounded(.up), height.rounded(.up))
    }
}
