extension SVGDrawing {
    /// The gap between columns, wide enough for a link label.
    static let columnGap = 170.0

    /// Three columns: actors that are mostly sources, events in trigger order,
    /// then the other actors; each actor as near as it can be to the mean
    /// height of its events, so links run mostly level.
    static func layered(_ nodes: [NodeLinkGraph.Node], _ links: [NodeLinkGraph.Link]) -> (nodes: [PlacedNode], links: [PlacedLink]) {
        let kinds = Dictionary(nodes.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var sourceRoles: [String: Int] = [:], otherRoles: [String: Int] = [:]
        var eventsOfActor: [String: [String]] = [:]
        var partners: [String: [String]] = [:]
        for link in links {
            if link.kind == .role {
                if kinds[link.source] == .actor {
                    sourceRoles[link.source, default: 0] += 1
                    eventsOfActor[link.source, default: []].append(link.target)
                } else {
                    otherRoles[link.target, default: 0] += 1
                    eventsOfActor[link.target, default: []].append(link.source)
                }
            } else if link.kind == .relation || link.kind == .interaction {
                partners[link.source, default: []].append(link.target)
                partners[link.target, default: []].append(link.source)
            }
        }
        func column(_ node: NodeLinkGraph.Node) -> Int {
            if node.kind == .event { return 1 }
            let sources = sourceRoles[node.id] ?? 0
            return sources > 0 && sources >= otherRoles[node.id] ?? 0 ? 0 : 2
        }

        // Sizes, then events stacked in their order.
        var placed = nodes.map { node in PlacedNode(node: node, center: Point(x: 0, y: 0), form: boxForm(node)) }
        var position = [String: Int]()
        for (index, node) in nodes.enumerated() where position[node.id] == nil { position[node.id] = index }
        var top = 0.0
        for index in placed.indices where nodes[index].kind == .event {
            let height = placed[index].height
            placed[index].center.y = top + height / 2
            top += height + 12
        }

        // Where each actor would like to be: beside its events, else beside its partners.
        var desired: [String: Double] = [:]
        for node in nodes where node.kind == .actor {
            let ys = (eventsOfActor[node.id] ?? []).compactMap { position[$0].map { placed[$0].center.y } }
            if !ys.isEmpty { desired[node.id] = ys.reduce(0, +) / Double(ys.count) }
        }
        for node in nodes where node.kind == .actor && desired[node.id] == nil {
            let ys = (partners[node.id] ?? []).compactMap { desired[$0] }
            if !ys.isEmpty { desired[node.id] = ys.reduce(0, +) / Double(ys.count) }
        }
        for side in [0, 2] {
            let members = nodes.indices.filter { nodes[$0].kind == .actor && column(nodes[$0]) == side }
            let wanted = members.filter { desired[nodes[$0].id] != nil }
                .sorted { (desired[nodes[$0].id] ?? 0, $0) < (desired[nodes[$1].id] ?? 0, $1) }
            var bottom = -Double.infinity
            for index in wanted + members.filter({ desired[nodes[$0].id] == nil }) {
                let height = placed[index].height
                let wish = desired[nodes[index].id].map { $0 - height / 2 } ?? 0
                let y = max(wish, bottom + 8, 0)
                placed[index].center.y = y + height / 2
                bottom = y + height
            }
        }

        // Columns side by side: the first right-aligned, the events centered, the last left-aligned.
        var widths = [0.0, 0.0, 0.0]
        for (index, node) in nodes.enumerated() { widths[column(node)] = max(widths[column(node)], placed[index].width) }
        let eventLeft = widths[0] > 0 ? widths[0] + columnGap : 0
        let lastLeft = eventLeft + widths[1] + (widths[1] > 0 ? columnGap : 0)
        for (index, node) in nodes.enumerated() {
            let width = placed[index].width
            switch column(node) {
            case 0: placed[index].center.x = widths[0] - width / 2
            case 1: placed[index].center.x = eventLeft + widths[1] / 2
            default: placed[index].center.x = lastLeft + width / 2
            }
        }

        let columns = Dictionary(nodes.map { ($0.id, column($0)) }, uniquingKeysWith: { first, _ in first })
        let drawn = layeredLinks(merged(links), placed: placed, position: position, columns: columns)
        return (placed, drawn)
    }

    /// The form of a node in a layered drawing: a box sized to its label.
    private static func boxForm(_ node: NodeLinkGraph.Node) -> PlacedNode.Form {
        if node.kind == .event {
            let type = Markup.truncated("\(node.id) \(Markup.oneLine(attribute("type", of: node) ?? node.label))", to: 28)
            let trigger = "“" + Markup.truncated(Markup.oneLine(attribute("trigger", of: node) ?? ""), to: 24) + "”"
            let columns = max(Markup.columns(type), Markup.columns(trigger))
            return .box(width: max(60, Double(columns) * 6.6 + 22), height: 40, lines: [type, trigger])
        }
        let name = Markup.truncated(Markup.oneLine(node.label), to: 30)
        return .box(width: max(56, Double(Markup.columns(name)) * boxLabelColumn + 22), height: 26, lines: [name])
    }

    /// Curves between the columns: level S-curves from one column to another,
    /// arcs outside the column between nodes of the same column; links
    /// between the same two nodes are spread apart.
    private static func layeredLinks(_ groups: [[NodeLinkGraph.Link]], placed: [PlacedNode], position: [String: Int],
                                     columns: [String: Int]) -> [PlacedLink] {
        var pairCounts: [String: Int] = [:]
        func pairKey(_ link: NodeLinkGraph.Link) -> String {
            link.source < link.target ? "\(link.source)\u{0}\(link.target)" : "\(link.target)\u{0}\(link.source)"
        }
        for group in groups { pairCounts[pairKey(group[0]), default: 0] += 1 }
        var pairSeen: [String: Int] = [:]
        return groups.compactMap { group in
            let first = group[0]
            guard let from = position[first.source], let to = position[first.target] else { return nil }
            let key = pairKey(first)
            let rank = pairSeen[key, default: 0]
            pairSeen[key] = rank + 1
            let offset = (Double(rank) - Double(pairCounts[key, default: 1] - 1) / 2) * 14
            let a = placed[from].bounds, b = placed[to].bounds
            let ay = (a.minY + a.maxY) / 2, by = (b.minY + b.maxY) / 2
            let columnA = columns[first.source] ?? 2, columnB = columns[first.target] ?? 2
            let points: [Point]
            if from == to {
                points = [Point(x: a.maxX, y: ay - 5), Point(x: a.maxX + 40, y: ay - 28), Point(x: a.maxX + 40, y: ay + 28), Point(x: a.maxX, y: ay + 5)]
            } else if columnA < columnB {
                let half = (b.minX - a.maxX) / 2
                points = [Point(x: a.maxX, y: ay), Point(x: a.maxX + half, y: ay + offset), Point(x: b.minX - half, y: by + offset), Point(x: b.minX, y: by)]
            } else if columnA > columnB {
                let half = (a.minX - b.maxX) / 2
                points = [Point(x: a.minX, y: ay), Point(x: a.minX - half, y: ay + offset), Point(x: b.maxX + half, y: by + offset), Point(x: b.maxX, y: by)]
            } else {
                let bulge = 30 + min(abs(by - ay) * 0.3, 120) + abs(offset)
                if columnA == 0 {
                    let x = min(a.minX, b.minX) - bulge
                    points = [Point(x: a.minX, y: ay), Point(x: x, y: ay), Point(x: x, y: by), Point(x: b.minX, y: by)]
                } else {
                    let x = max(a.maxX, b.maxX) + bulge
                    points = [Point(x: a.maxX, y: ay), Point(x: x, y: ay), Point(x: x, y: by), Point(x: b.maxX, y: by)]
                }
            }
            let middle = Point(x: (points[0].x + 3 * points[1].x + 3 * points[2].x + points[3].x) / 8,
                               y: (points[0].y + 3 * points[1].y + 3 * points[2].y + points[3].y) / 8)
            return PlacedLink(links: group, points: points, label: label(group), labelAt: middle, showsLabel: true)
        }
    }
}

extension SVGDrawing.PlacedNode {
    /// The width and height of a box; the diameter of a glyph.
    var width: Double {
        switch form {
        case .box(let width, _, _): width
        case .glyph(let radius, _, _): 2 * radius
        }
    }

    var height: Double {
        switch form {
        case .box(_, let height, _): height
        case .glyph(let radius, _, _): 2 * radius
        }
    }
}
