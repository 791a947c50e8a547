/// The mentions resolved so far in one document, with the lookups the resolver needs.
struct ResolutionState {
    let text: TokenizedText
    let gazetteer: Gazetteer
    let date: Day?
    private(set) var mentions: [Mention] = []
    private var owner: [Int32]                 // token → index into mentions, or -1
    private var discovered: [Entity.ID: Actor] = [:]

    init(text: TokenizedText, gazetteer: Gazetteer, date: Day?) {
        self.text = text
        self.gazetteer = gazetteer
        self.date = date
        owner = Array(repeating: -1, count: text.tokens.count)
    }

    /// Adds resolved mentions (one candidate each); any that overlaps a mention already added is dropped.
    mutating func add(_ new: [Mention]) {
        for mention in new where !isCovered(mention.tokens) && !mention.candidates.isEmpty {
            let index = Int32(mentions.count)
            mentions.append(mention)
            for token in mention.tokens { owner[token] = index }
        }
    }

    func isCovered(_ range: Range<Int>) -> Bool {
        range.contains { owner.indices.contains($0) && owner[$0] >= 0 }
    }

    /// The mention covering token `index`.
    func mention(at index: Int) -> Mention? {
        guard owner.indices.contains(index), owner[index] >= 0 else { return nil }
        return mentions[Int(owner[index])]
    }

    func gazetteerEntity(_ id: Entity.ID) -> Entity? { gazetteer[id] }

    func type(of mention: Mention) -> ActorType? {
        guard let id = mention.candidates.first else { return nil }
        return gazetteer[id]?.type ?? discovered[id]?.type
    }

    mutating func discover(id: Entity.ID, name: String, type: ActorType, subtype: String?) {
        guard discovered[id] == nil else { return }
        discovered[id] = Actor(id: id, name: name, type: type, subtype: subtype, country: nil, origin: .discovered,
                               externalIDs: [:], roles: [], mentions: [])
    }

    /// Who held the office `title` (of `office`, when given) on the document's date.
    ///
    /// Without an office, only a holder the document names counts, the one
    /// named last before `position` first.
    func holder(of title: String, in office: Entity.ID?, before position: Int) -> Entity.ID? {
        let holders = gazetteer.entities.filter { entity in
            entity.type == .person && entity.roles.contains { role in
                role.title == title && (office == nil || role.of == office) && (date.map(role.holds(on:)) ?? true)
            }
        }.map(\.id)
        guard !holders.isEmpty else { return nil }
        let named = mentions.filter { $0.via != .title && holders.contains($0.candidates[0]) }
            .sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        if let before = named.last(where: { $0.tokens.lowerBound < position }) { return before.candidates[0] }
        if let after = named.first { return after.candidates[0] }
        guard office != nil, date != nil else { return nil }
        return holders.first
    }

    /// The holder in `office` of the office held by the person named last before `position`.
    func counterpart(in office: Entity.ID, before position: Int) -> Entity.ID? {
        let people = mentions.filter { $0.tokens.lowerBound < position && type(of: $0) == .person }
            .sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        guard let person = people.last.flatMap({ gazetteer[$0.candidates[0]] }) else { return nil }
        for role in person.roles where role.of != office && (date.map(role.holds(on:)) ?? false) {
            if let holder = holder(of: role.title, in: office, before: position), holder != person.id { return holder }
        }
        return nil
    }

    /// The last actor named before `position` with this type (and subtype, when given).
    func lastActor(before position: Int, type: ActorType, subtype: String?) -> Entity.ID? {
        let candidates = mentions.filter { mention in
            guard mention.tokens.upperBound <= position, mention.via != .demonym, let id = mention.candidates.first else { return false }
            let entityType = gazetteer[id]?.type ?? discovered[id]?.type
            let entitySubtype = gazetteer[id]?.subtype ?? discovered[id]?.subtype
            return entityType == type && (subtype == nil || entitySubtype == subtype)
        }
        return candidates.max { $0.tokens.lowerBound < $1.tokens.lowerBound }?.candidates.first
    }

    /// The actors, in order of first mention, each with its mentions in text order.
    func actors() -> [Actor] {
        var byID: [Entity.ID: Actor] = [:]
        var order: [Entity.ID] = []
        for mention in mentions.sorted(by: { ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound) }) {
            let id = mention.candidates[0]
            if byID[id] == nil {
                guard let actor = makeActor(id) else { continue }
                byID[id] = actor
                order.append(id)
            }
            byID[id]?.mentions.append(mention)
        }
        return order.compactMap { byID[$0] }
    }

    private func makeActor(_ id: Entity.ID) -> Actor? {
        if let actor = discovered[id] { return actor }
        guard let entity = gazetteer[id] else { return nil }
        let roles = date.map { day in entity.roles.filter { $0.holds(on: day) } } ?? entity.roles
        return Actor(id: entity.id, name: entity.name, type: entity.type, subtype: entity.subtype, country: entity.country,
                     origin: .gazetteer, externalIDs: entity.externalIDs, roles: roles, mentions: [])
    }
}
