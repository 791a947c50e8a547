/// The colors that every drawing and the HTML report give to actor types,
/// so that a type looks the same in all of them. Light fills, readable
/// under dark text.
public enum ActorPalette {
    /// The fill color of an actor type, as `#rrggbb`.
    public static func color(of type: ActorType) -> String {
        switch type {
        case .person: "#a5d8ff"
        case .organization: "#b2f2bb"
        case .country: "#ffd8a8"
        case .city: "#ffec99"
        case .place: "#e9ecef"
        case .product: "#eebefa"
        case .group: "#ffc9c9"
        }
    }

    /// The fill color of event nodes.
    public static let eventColor = "#f1f3f5"
}
