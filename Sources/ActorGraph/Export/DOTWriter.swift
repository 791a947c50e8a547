import Foundation

/// Writes a ``NodeLinkGraph`` in Graphviz's DOT language.
///
/// Actors are nodes shaped and colored by type as in the HTML report's
/// drawing (``SVGDrawing``), events dark rounded boxes, roles
/// and relations labeled edges; an interaction edge is as thick as the
/// number of events it stands for. `dot -Tsvg` renders the output without
/// warnings.
public struct DOTWriter: Sendable {
    /// The graph's name and title, shown above the drawing.
    public var title: String

    public init(title: String) {
        self.title = title
    }

    /// The DOT text of `graph`, ending with a line feed.
    public func render(_ graph: NodeLinkGraph) -> String {
        var lines = [
            "digraph \(Self.quoted(title)) {",
            "  graph [rankdir=LR, label=\(Self.quoted(title)), labelloc=t, fontsize=16, nodesep=0.3, ranksep=0.6];",
            "  node [fontsize=11, style=filled, color=\"#555555\"];",
            "  edge [fontsize=9, color=\"#555555\", fontcolor=\"#333333\"];",
        ]
        for node in graph.nodes {
            var attributes = [("label", Self.quoted(node.label))]
            if let type = node.actorType {
                let style = ActorPalette.style(type)
                attributes += Self.shape(of: type) + [("fillcolor", Self.quoted(style.fill)), ("color", Self.quoted(style.stroke))]
            } else {
                attributes += [("shape", "box"), ("style", "\"rounded,filled\""), ("fillcolor", Self.quoted(ActorPalette.event.fill)),
                               ("fontcolor", "white")]
            }
            let tooltip = ([node.id] + node.attributes.map { "\($0.key): \($0.value.description)" }).joined(separator: "\n")
            attributes.append(("tooltip", Self.quoted(tooltip)))
            lines.append("  \(Self.quoted(node.id)) [\(Self.list(attributes))];")
        }
        for link in graph.links {
            var attributes: [(String, String)]
            switch link.kind {
            case .role:
                attributes = [("label", Self.quoted(link.label))]
            case .interaction:
                let label = link.weight > 1 ? "\(link.label) ×\(link.weight)" : link.label
                attributes = [("label", Self.quoted(label)), ("weight", String(link.weight)),
                              ("penwidth", Self.width(of: link.weight))]
            case .relation, .eventLink:
                let title = link.attributes.first { $0.key == "title" }.map { " (\($0.value.description))" } ?? ""
                attributes = [("label", Self.quoted(link.label + title)), ("style", "dashed"), ("color", "\"#999999\""),
                              ("fontcolor", "\"#777777\"")]
            }
            lines.append("  \(Self.quoted(link.source)) -> \(Self.quoted(link.target)) [\(Self.list(attributes))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Graphviz shape of an actor type: the shapes the built-in drawing and its legend use.
    static func shape(of type: ActorType) -> [(String, String)] {
        switch type {
        case .person: [("shape", "box"), ("style", "\"rounded,filled\"")]
        case .organization: [("shape", "box")]
        case .country: [("shape", "hexagon")]
        case .city: [("shape", "octagon")]
        case .place: [("shape", "box"), ("style", "\"rounded,dashed,filled\"")]
        case .product: [("shape", "parallelogram")]
        case .group: [("shape", "box"), ("peripheries", "2")]
        }
    }

    /// Line width 1 for one event, growing with the logarithm of the number.
    private static func width(of weight: Int) -> String {
        var width = 1.0, count = weight
        while count > 1 { width += 0.75; count /= 2 }
        return String(format: "%.2f", width)
    }

    private static func list(_ attributes: [(String, String)]) -> String {
        attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }


    /// A DOT double-quoted string: quotes and backslashes escaped, line breaks as `\n`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r", "\u{2028}", "\u{2029}": result += "\\n"
            default: result.unicodeScalars.append(character)
            }
        }
        return result + "\""
    }
}
