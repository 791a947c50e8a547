/// The colors and shapes of actor types and events, shared by the SVG drawing
/// and the HTML reports so that a person is the same blue in the text, the
/// legend and the graph.
enum ActorPalette {
    /// How one kind of node is drawn.
    struct Style {
        /// The strong color: outlines, underlines, arrows.
        let stroke: String
        /// The light tint: node fill and text highlight.
        let fill: String
        /// The shape of the node in the drawing, named in the legend.
        let shape: String
    }

    /// The style of actors of `type`.
    static func style(_ type: ActorType) -> Style {
        switch type {
        case .person: Style(stroke: "#2f6ea8", fill: "#dce8f4", shape: "pill")
        case .organization: Style(stroke: "#d9731a", fill: "#fde4cc", shape: "rectangle")
        case .country: Style(stroke: "#3f8f3a", fill: "#dcefd8", shape: "hexagon")
        case .city: Style(stroke: "#23918b", fill: "#d4efed", shape: "octagon")
        case .place: Style(stroke: "#a88a12", fill: "#f8efc4", shape: "rounded rectangle, dashed")
        case .product: Style(stroke: "#8d4f86", fill: "#f0dff0", shape: "parallelogram")
        case .group: Style(stroke: "#c43c3f", fill: "#f8d7d8", shape: "double rectangle")
        }
    }

    /// The style of events: dark boxes, so they stand apart from every actor.
    static let event = Style(stroke: "#3c4452", fill: "#3c4452", shape: "dark box")

    /// The color of links by kind.
    static func linkColor(_ kind: NodeLinkGraph.LinkKind) -> String {
        switch kind {
        case .role: "#5b6472"
        case .relation: "#9a7b4f"
        case .eventLink: "#b0463c"
        case .interaction: "#4a5a78"
        }
    }

    /// CSS custom properties and classes `t-person`, … that give each actor
    /// type its colors as `--c` (strong) and `--tint` (light).
    static var css: String {
        ActorType.allCases.map { type in
            let style = style(type)
            return ".t-\(type.rawValue){--c:\(style.stroke);--tint:\(style.fill)}"
        }.joined(separator: "\n") + "\n.t-event{--c:\(event.stroke);--tint:#e4e6ea}"
    }
}
