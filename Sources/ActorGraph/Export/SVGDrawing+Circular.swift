import Foundation

extension SVGDrawing {
    /// Actors on a circle, clockwise from the top, grouped by type (a gap
    /// between groups) and within a type by link weight; each a small shape
    /// sized by its weight with its name pointing outward; links as curves
    /// bent toward the center, relations faint behind the events.
    static func circular(_ nodes: [NodeLinkGraph.Node], _ links: [NodeLinkGraph.Link]) -> (nodes: [PlacedNode], links: [PlacedLink]) {
        let weights = linkWeights(links)
        let typeOrder = Dictionary(uniqueKeysWithValues: ActorType.allCases.enumerated().map { ($1, $0) })
        let order = nodes.indices.sorted { first, second in
            let a = nodes[first], b = nodes[second]
            let groupA = a.actorType.flatMap { typeOrder[$0] } ?? ActorType.allCases.count
            let groupB = b.actorType.flatMap { typeOrder[$0] } ?? ActorType.allCases.count
            if groupA != groupB { return groupA < groupB }
            let weightA = weights[a.id] ?? 0, weightB = weights[b.id] ?? 0
            return weightA != weightB ? weightA > weightB : first < second
        }

        // One slot per node and one empty slot between type groups.
        var slots: [Double] = []
        var slot = 0.0
        var previousType: ActorType?? = .none
        for index in order {
            let type = nodes[index].actorType
            if case .some(let previous) = previousType, previous != type { slot += 1 }
            previousType = .some(type)
            slots.append(slot)
            slot += 1
        }
        let total = max(slot, 1)
        let radius = max(150, total * 30 / (2 * .pi))
        var slotted = [PlacedNode?](repeating: nil, count: nodes.count)
        for (rank, index) in order.enumerated() {
            let angle = -Double.pi / 2 + 2 * .pi * slots[rank] / total
            let weight = Double(weights[nodes[index].id] ?? 0)
            let size = min(5 + 1.6 * weight.squareRoot(), 13)
            let label = Markup.truncated(Markup.oneLine(nodes[index].label), to: 26)
            slotted[index] = PlacedNode(node: nodes[index], center: Point(x: radius * cos(angle), y: radius * sin(angle)),
                                       form: .glyph(radius: size, angle: angle, label: label))
        }
        let placed = slotted.compactMap { $0 }

        var position = [String: Int]()
        for (index, node) in nodes.enumerated() where position[node.id] == nil { position[node.id] = index }
        let groups = merged(links)
        // The heaviest interactions keep their labels; the others, and relations, show them on hover.
        let labeled = Set(groups.indices.filter { groups[$0][0].kind != .relation }
            .sorted { (groups[$0].reduce(0) { $0 + $1.weight }, $1) > (groups[$1].reduce(0) { $0 + $1.weight }, $0) }
            .prefix(maximumLinkLabels))
        var pairCounts: [String: Int] = [:], pairSeen: [String: Int] = [:]
        func pairKey(_ link: NodeLinkGraph.Link) -> String {
            link.source < link.target ? "\(link.source)\u{0}\(link.target)" : "\(link.target)\u{0}\(link.source)"
        }
        for group in groups { pairCounts[pairKey(group[0]), default: 0] += 1 }
        let drawn: [PlacedLink] = groups.enumerated().compactMap { number, group in
            let first = group[0]
            guard let from = position[first.source], let to = position[first.target] else { return nil }
            let a = placed[from], b = placed[to]
            let key = pairKey(first)
            let rank = pairSeen[key, default: 0]
            pairSeen[key] = rank + 1
            let spread = (Double(rank) - Double(pairCounts[key, default: 1] - 1) / 2) * 16
            let points: [Point]
            if from == to {
                let out = Point(x: a.center.x * 1.18, y: a.center.y * 1.18)
                points = [a.center, Point(x: out.x - a.center.y * 0.12, y: out.y + a.center.x * 0.12), a.center]
            } else {
                let middle = Point(x: (a.center.x + b.center.x) / 2, y: (a.center.y + b.center.y) / 2)
                let dx = b.center.x - a.center.x, dy = b.center.y - a.center.y
                let length = max((dx * dx + dy * dy).squareRoot(), 1)
                let control = Point(x: middle.x * 0.4 - dy / length * spread, y: middle.y * 0.4 + dx / length * spread)
                points = [pulled(a, toward: control, extra: 0), control, pulled(b, toward: control, extra: 1.5)]
            }
            let labelAt = Point(x: 0.25 * points[0].x + 0.5 * points[1].x + 0.25 * points[2].x,
                                y: 0.25 * points[0].y + 0.5 * points[1].y + 0.25 * points[2].y)
            return PlacedLink(links: group, points: points, label: label(group), labelAt: labelAt, showsLabel: labeled.contains(number))
        }
        return (placed, drawn)
    }

    /// The point on the edge of `node`'s glyph that faces `point`, `extra` units further out.
    private static func pulled(_ node: PlacedNode, toward point: Point, extra: Double) -> Point {
        let dx = point.x - node.center.x, dy = point.y - node.center.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1)
        let reach = node.width / 2 + extra
        return Point(x: node.center.x + dx / length * reach, y: node.center.y + dy / length * reach)
    }
}
