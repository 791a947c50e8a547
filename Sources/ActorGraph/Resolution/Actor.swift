/// One actor of a document: a gazetteer entity or a discovered name, with its mentions.
public struct Actor: Hashable, Sendable {
    /// Where an actor comes from.
    public enum Origin: String, Codable, Hashable, Sendable {
        /// A gazetteer entity.
        case gazetteer
        /// A name found in the text that no gazetteer lists.
        case discovered
    }

    /// The gazetteer id, or for a discovered name its slug.
    public var id: Entity.ID
    /// The canonical name, or the discovered name as written.
    public var name: String
    /// What kind of actor it is.
    public var type: ActorType
    /// The gazetteer subtype or the cue's: `company`, `newspaper`, `politician`, …
    public var subtype: String?
    /// ISO 3166-1 alpha-3.
    public var country: String?
    /// Gazetteer entity or discovered name.
    public var origin: Origin
    /// External ids by scheme (`wikidata`).
    public var externalIDs: [String: String]
    /// The gazetteer roles held on the document's date (all of them when it has no date).
    public var roles: [Entity.Role]
    /// Its mentions in text order; each has exactly one candidate, this actor.
    public var mentions: [Mention]
    /// Government, military, police, judiciary, legislature, rebels, media,
    /// ngo, igo, business or intelligence, when known (`sectors.rules`).
    public var sector: String? = nil
}
