import Foundation

extension SVGDrawing {
    /// A point of the drawing, in SVG user units.
    struct Point: Hashable, Sendable {
        var x: Double
        var y: Double

        func moved(_ dx: Double, _ dy: Double) -> Point { Point(x: x + dx, y: y + dy) }
    }

    /// An axis-aligned rectangle.
    struct Box: Hashable, Sendable {
        var minX: Double, minY: Double, maxX: Double, maxY: Double
    }

    /// A node with its place and form.
    struct PlacedNode: Sendable {
        enum Form: Sendable {
            /// A box with the label inside: one line for an actor, two for an event.
            case box(width: Double, height: Double, lines: [String])
            /// A small shape with its label outside, pointing away from the center at `angle` radians.
            case glyph(radius: Double, angle: Double, label: String)
        }

        var node: NodeLinkGraph.Node
        var center: Point
        var form: Form

        /// The area the node and its label cover.
        var bounds: Box {
            switch form {
            case .box(let width, let height, _):
                return Box(minX: center.x - width / 2, minY: center.y - height / 2, maxX: center.x + width / 2, maxY: center.y + height / 2)
            case .glyph(let radius, let angle, let label):
                let reach = radius + 6 + Double(Markup.columns(label)) * SVGDrawing.glyphLabelColumn
                let endX = center.x + reach * cos(angle), endY = center.y + reach * sin(angle)
                return Box(minX: min(center.x - radius, endX - 8), minY: min(center.y - radius, endY - 8),
                           maxX: max(center.x + radius, endX + 8), maxY: max(center.y + radius, endY + 8))
            }
        }

        func moved(_ dx: Double, _ dy: Double) -> PlacedNode {
            PlacedNode(node: node, center: center.moved(dx, dy), form: form)
        }
    }

    /// One or more links of one kind between two nodes in one direction, drawn as one curve.
    struct PlacedLink: Sendable {
        var links: [NodeLinkGraph.Link]
        /// The curve's points: start, control points, end (cubic with four, quadratic with three).
        var points: [Point]
        var label: String
        var labelAt: Point
        var showsLabel: Bool

        var kind: NodeLinkGraph.LinkKind { links[0].kind }
        var weight: Int { links.reduce(0) { $0 + $1.weight } }

        func moved(_ dx: Double, _ dy: Double) -> PlacedLink {
            PlacedLink(links: links, points: points.map { $0.moved(dx, dy) }, label: label, labelAt: labelAt.moved(dx, dy), showsLabel: showsLabel)
        }

        /// The SVG path data of the curve.
        var pathData: String {
            func pair(_ point: Point) -> String { "\(Markup.number(point.x)) \(Markup.number(point.y))" }
            switch points.count {
            case 4: return "M\(pair(points[0])) C\(pair(points[1])) \(pair(points[2])) \(pair(points[3]))"
            case 3: return "M\(pair(points[0])) Q\(pair(points[1])) \(pair(points[2]))"
            default: return "M" + points.map(pair).joined(separator: " L")
            }
        }
    }

    /// The width of one column of text in a node label at 12 px, and in a circular label at 11 px.
    static let boxLabelColumn = 7.0
    static let glyphLabelColumn = 6.4

    // MARK: - Elements

    func render(_ link: PlacedLink, index: Int) -> String {
        let first = link.links[0]
        let color = ActorPalette.linkColor(link.kind)
        var out = "<g class=\"link \(link.kind.rawValue)\" id=\"ag-l\(index)\" data-source=\"\(Markup.xml(first.source))\""
        out += " data-target=\"\(Markup.xml(first.target))\" data-kind=\"\(link.kind.rawValue)\" data-label=\"\(Markup.xml(link.label))\""
        out += " data-weight=\"\(link.weight)\">"
        out += "<title>\(Markup.xml("\(first.source) → \(first.target): \(link.label)"))</title>"
        // In a circle of actors, relations (capital-of, part-of, …) stay in the background of the events.
        let faint = layout == .circular && link.kind == .relation
        out += "<path d=\"\(link.pathData)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(faint ? "1" : Markup.number(Self.strokeWidth(link.weight)))\""
        if link.kind == .relation { out += " stroke-dasharray=\"5 3\"" }
        if link.kind == .eventLink { out += " stroke-dasharray=\"2 3\"" }
        let opacity = faint ? "0.35" : link.kind == .interaction ? "0.65" : "0.75"
        out += " stroke-opacity=\"\(opacity)\" marker-end=\"url(#ag-arrow-\(link.kind.rawValue))\"/>"
        if link.showsLabel {
            out += "<text class=\"link-label\" x=\"\(Markup.number(link.labelAt.x))\" y=\"\(Markup.number(link.labelAt.y))\" dy=\"0.35em\""
            out += " text-anchor=\"middle\" font-size=\"10\" fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\""
            out += " paint-order=\"stroke\">\(Markup.xml(link.label))</text>"
        }
        return out + "</g>\n"
    }

    func render(_ placed: PlacedNode, index: Int) -> String {
        let node = placed.node
        let type = node.actorType
        let typeClass = node.kind == .event ? "t-event" : "t-\(type?.rawValue ?? "group")"
        var out = "<g class=\"node \(node.kind.rawValue) \(typeClass)\" id=\"ag-n\(index)\" data-node=\"\(Markup.xml(node.id))\""
        out += " data-kind=\"\(node.kind.rawValue)\""
        if node.kind == .event, let eventType = Self.attribute("type", of: node) {
            out += " data-type=\"\(Markup.xml(eventType))\""
        } else if let type {
            out += " data-type=\"\(type.rawValue)\""
        }
        out += "><title>\(Markup.xml(tooltip(node)))</title>"
        switch placed.form {
        case .box(let width, let height, let lines):
            let x0 = placed.center.x - width / 2, y0 = placed.center.y - height / 2
            out += Self.shape(node.kind == .event ? nil : type, x: x0, y: y0, width: width, height: height)
            let lineHeight = 14.0
            let top = placed.center.y - lineHeight * Double(lines.count - 1) / 2
            for (number, line) in lines.enumerated() {
                let y = top + lineHeight * Double(number)
                out += "<text x=\"\(Markup.number(placed.center.x))\" y=\"\(Markup.number(y))\" dy=\"0.35em\" text-anchor=\"middle\""
                if node.kind == .event {
                    out += number == 0 ? " fill=\"#ffffff\" font-weight=\"bold\" font-size=\"11\"" : " fill=\"#dfe3ea\" font-style=\"italic\" font-size=\"11\""
                } else {
                    out += " fill=\"#1d232b\""
                }
                out += ">\(Markup.xml(line))</text>"
            }
        case .glyph(let radius, let angle, let label):
            out += Self.shape(type, x: placed.center.x - radius, y: placed.center.y - radius, width: 2 * radius, height: 2 * radius)
            let distance = radius + 5
            let x = placed.center.x + distance * cos(angle), y = placed.center.y + distance * sin(angle)
            let onRight = cos(angle) >= -1e-9
            let degrees = angle * 180 / .pi + (onRight ? 0 : 180)
            out += "<text transform=\"translate(\(Markup.number(x)) \(Markup.number(y))) rotate(\(Markup.number(degrees)))\" dy=\"0.35em\""
            out += " text-anchor=\"\(onRight ? "start" : "end")\" font-size=\"11\" fill=\"#1d232b\">\(Markup.xml(label))</text>"
        }
        return out + "</g>\n"
    }

    /// The hover text of a node: name, id and the facts a reader asks first.
    private func tooltip(_ node: NodeLinkGraph.Node) -> String {
        if node.kind == .event {
            let codes = [Self.attribute("plover", of: node), Self.attribute("cameo", of: node).map { "CAMEO \($0)" }].compactMap { $0 }
            let facts = [Self.attribute("factuality", of: node), Self.attribute("time", of: node)].compactMap { $0 }
            return "\(node.id) \(Self.attribute("type", of: node) ?? node.label)"
                + (codes.isEmpty ? "" : " (\(codes.joined(separator: ", ")))")
                + ": “\(Markup.oneLine(Self.attribute("trigger", of: node) ?? ""))”"
                + (facts.isEmpty ? "" : ", \(facts.joined(separator: ", "))")
        }
        let facts = ["type", "subtype", "country", "sector"].compactMap { Self.attribute($0, of: node) }
        return "\(Markup.oneLine(node.label)) (\(node.id))" + (facts.isEmpty ? "" : ": \(facts.joined(separator: ", "))")
    }

    /// The shape of a node of actor `type` (nil for an event) filling the given box.
    static func shape(_ type: ActorType?, x: Double, y: Double, width: Double, height: Double) -> String {
        let style = type.map(ActorPalette.style) ?? ActorPalette.event
        let paint = "fill=\"\(style.fill)\" stroke=\"\(style.stroke)\" stroke-width=\"1.5\""
        let x1 = x + width, y1 = y + height, midY = y + height / 2
        func rect(_ radius: Double, extra: String = "") -> String {
            "<rect x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" width=\"\(Markup.number(width))\" height=\"\(Markup.number(height))\""
                + " rx=\"\(Markup.number(radius))\" \(paint)\(extra)/>"
        }
        func polygon(_ points: [(Double, Double)]) -> String {
            "<polygon points=\"" + points.map { "\(Markup.number($0.0)),\(Markup.number($0.1))" }.joined(separator: " ") + "\" \(paint)/>"
        }
        switch type {
        case nil:
            return rect(4)
        case .person:
            return rect(height / 2)
        case .organization:
            return rect(2)
        case .country:
            let inset = min(height / 2, width / 4)
            return polygon([(x + inset, y), (x1 - inset, y), (x1, midY), (x1 - inset, y1), (x + inset, y1), (x, midY)])
        case .city:
            let cut = min(width, height) * 0.29
            return polygon([(x + cut, y), (x1 - cut, y), (x1, y + cut), (x1, y1 - cut), (x1 - cut, y1), (x + cut, y1), (x, y1 - cut), (x, y + cut)])
        case .place:
            return rect(min(8, height / 3), extra: " stroke-dasharray=\"4 2\"")
        case .product:
            let skew = min(height * 0.3, width / 4)
            return polygon([(x + skew, y), (x1, y), (x1 - skew, y1), (x, y1)])
        case .group:
            let inset = min(3, min(width, height) / 5)
            return rect(2) + "<rect x=\"\(Markup.number(x + inset))\" y=\"\(Markup.number(y + inset))\" width=\"\(Markup.number(width - 2 * inset))\""
                + " height=\"\(Markup.number(height - 2 * inset))\" rx=\"1\" fill=\"none\" stroke=\"\(style.stroke)\" stroke-width=\"1\"/>"
        }
    }

    /// One arrowhead per link kind, in the kind's color.
    func markers() -> String {
        var out = "<defs>"
        for kind in [NodeLinkGraph.LinkKind.role, .relation, .eventLink, .interaction] {
            out += "<marker id=\"ag-arrow-\(kind.rawValue)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\""
            out += " markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"\(ActorPalette.linkColor(kind))\"/></marker>"
        }
        return out + "</defs>\n"
    }

    /// The legend entries: the actor types drawn, events, and the kinds of links drawn.
    var legendEntries: [(kind: String, label: String)] { Self.legendEntries(nodes, links) }

    static func legendEntries(_ nodes: [PlacedNode], _ links: [PlacedLink]) -> [(kind: String, label: String)] {
        let types = ActorType.allCases.filter { type in nodes.contains { $0.node.kind == .actor && $0.node.actorType == type } }
        var entries = types.map { (kind: "t-\($0.rawValue)", label: $0.rawValue) }
        if nodes.contains(where: { $0.node.kind == .event }) { entries.append((kind: "t-event", label: "event")) }
        let kinds: [(NodeLinkGraph.LinkKind, String)] = [(.role, "role"), (.interaction, "events"), (.relation, "relation"), (.eventLink, "event link")]
        for (kind, label) in kinds where links.contains(where: { $0.kind == kind }) {
            entries.append((kind: kind.rawValue, label: label))
        }
        return entries
    }

    /// The width of one legend entry with its label.
    static func legendWidth(_ label: String) -> Double { 34 + Double(Markup.columns(label)) * 6.6 + 16 }

    func legend() -> String {
        let y = height - Self.margin - Self.legendHeight / 2 + 6
        var x = Self.margin
        var out = "<g class=\"legend\" font-size=\"11\" fill=\"#3a404a\">"
        for entry in legendEntries {
            if entry.kind.hasPrefix("t-") {
                let type = ActorType(rawValue: String(entry.kind.dropFirst(2)))
                out += Self.shape(type, x: x, y: y - 7, width: 26, height: 14)
            } else if let kind = NodeLinkGraph.LinkKind(rawValue: entry.kind) {
                let dash = kind == .relation ? " stroke-dasharray=\"5 3\"" : kind == .eventLink ? " stroke-dasharray=\"2 3\"" : ""
                out += "<path d=\"M\(Markup.number(x)) \(Markup.number(y)) L\(Markup.number(x + 24)) \(Markup.number(y))\" stroke=\"\(ActorPalette.linkColor(kind))\""
                out += " stroke-width=\"1.5\"\(dash) marker-end=\"url(#ag-arrow-\(kind.rawValue))\"/>"
            }
            out += "<text x=\"\(Markup.number(x + 32))\" y=\"\(Markup.number(y))\" dy=\"0.35em\">\(Markup.xml(entry.label))</text>"
            x += Self.legendWidth(entry.label)
        }
        return out + "</g>\n"
    }
}
