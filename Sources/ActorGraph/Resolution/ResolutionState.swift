/// The mentions resolved so far in one document, with the lookups the resolver needs.
struct ResolutionState {
    let text: TokenizedText
    let gazetteer: Gazetteer
    let date: Day?
    /// Sectors by type and subtype, from `sectors.rules`.
    let sectors: [ActorType: [String: String]]
    private(set) var mentions: [Mention] = []
    /// The type and subtype of each mention's entity, looked up once when it is added.
    private var kinds: [(type: ActorType?, subtype: String?)] = []
    /// Each mention's entity as a number, looked up once when it is added: its gazetteer
    /// position, or -1 - its place in `discoveredActors`; `Int32.min` when it is neither.
    private var entityKeys: [Int32] = []
    private var owner: [Int32]                 // token → index into mentions, or -1
    /// The names found in the text, in order of discovery, and the place of each id among them.
    private var discoveredActors: [Actor] = []
    private var discovered: [Entity.ID: Int] = [:]

    init(text: TokenizedText, gazetteer: Gazetteer, date: Day?, sectors: [ActorType: [String: String]]) {
        self.text = text
        self.gazetteer = gazetteer
        self.date = date
        self.sectors = sectors
        owner = Array(repeating: -1, count: text.tokens.count)
    }

    /// Adds resolved mentions (one candidate each); any that overlaps a mention already added is dropped.
    mutating func add(_ new: [Mention]) {
        for mention in new where !isCovered(mention.tokens) && !mention.candidates.isEmpty {
            let index = Int32(mentions.count)
            mentions.append(mention)
            let (key, type, subtype) = kind(of: mention)
            entityKeys.append(key)
            kinds.append((type, subtype))
            for token in mention.tokens { owner[token] = index }
        }
        cache = Cache()
    }

    func isCovered(_ range: Range<Int>) -> Bool {
        // A loop, not `contains` with a closure: the closure would capture, and so copy, the state.
        for token in range where owner.indices.contains(token) && owner[token] >= 0 { return true }
        return false
    }

    /// The index in `mentions` of the mention covering token `index`.
    func mentionIndex(at index: Int) -> Int? {
        guard owner.indices.contains(index), owner[index] >= 0 else { return nil }
        return Int(owner[index])
    }

    /// The type of the entity of `mentions[index]`, as looked up when it was added.
    func type(ofMention index: Int) -> ActorType? { kinds[index].type }

    /// The key (see `entityKeys`), type and subtype of the entity of `mention`: from the
    /// gazetteer position the mention carries, else with one look-up of its id.
    private func kind(of mention: Mention) -> (key: Int32, type: ActorType?, subtype: String?) {
        let entity = mention.position
        guard entity >= 0 else { return kind(of: mention.candidates[0]) }
        return (entity, gazetteer.entities.type(at: Int(entity)), gazetteer.entities.subtype(at: Int(entity)))
    }

    /// The key (see `entityKeys`), type and subtype of entity `id`, with one look-up of the id:
    /// a discovered name is never a gazetteer entity.
    private func kind(of id: Entity.ID) -> (key: Int32, type: ActorType?, subtype: String?) {
        if let entity = gazetteer.index(of: id) {
            return (Int32(entity), gazetteer.entities.type(at: entity), gazetteer.entities.subtype(at: entity))
        }
        guard let place = discovered[id] else { return (Int32.min, nil, nil) }
        return (Int32(-1 - place), discoveredActors[place].type, discoveredActors[place].subtype)
    }

    /// Whether `id` names a gazetteer entity.
    func isGazetteerEntity(_ id: Entity.ID) -> Bool { gazetteer.index(of: id) != nil }

    mutating func discover(id: Entity.ID, name: String, type: ActorType, subtype: String?) {
        guard discovered[id] == nil else { return }
        discovered[id] = discoveredActors.count
        discoveredActors.append(Actor(id: id, name: name, type: type, subtype: subtype, country: nil, origin: .discovered,
                                      externalIDs: [:], roles: [], mentions: [], sector: sector(of: type, subtype)))
    }

    /// The sector of a kind of entity, from `sectors.rules`.
    private func sector(of type: ActorType, _ subtype: String?) -> String? {
        guard let subtype else { return nil }
        return sectors[type]?[subtype]
    }

    /// Who held the office `title` (of `office`, when given) on the document's date.
    ///
    /// Without an office, only a holder the document names counts, the one
    /// named last before `position` first.
    func holder(of title: String, in office: Entity.ID?, before position: Int) -> Entity.ID? {
        // The document's named people are asked, not every holder of the title: a title such as
        // "President" has hundreds of holders, and a document names few people.
        var latestBefore: (position: Int, id: Entity.ID)?
        var earliest: (position: Int, id: Entity.ID)?
        // Starts differ between mentions, so neither choice depends on the order of the list.
        for holding in namedRoles[title] ?? [] where office == nil || holding.office == office {
            let positions = holding.positions
            guard let first = positions.first else { continue }
            if first < (earliest?.position ?? Int.max) { earliest = (first, holding.person) }
            if let last = positions.last(before: position), last > (latestBefore?.position ?? Int.min) {
                latestBefore = (last, holding.person)
            }
        }
        if let latestBefore { return latestBefore.id }
        if let earliest { return earliest.id }
        guard office != nil, let date else { return nil }
        return gazetteer.holders(of: title, in: office, on: date).first
    }

    /// The holder in `office` of the office held by the person named last before `position`.
    func counterpart(in office: Entity.ID, before position: Int) -> Entity.ID? {
        guard let last = last(of: people, { $0.tokens.lowerBound < position }), entityKeys[last] >= 0 else { return nil }
        let person = mentions[last].candidates[0]
        for role in gazetteer.entities.roles(at: Int(entityKeys[last])) where role.of != office && (date.map(role.holds(on:)) ?? false) {
            if let holder = holder(of: role.title, in: office, before: position), holder != person { return holder }
        }
        return nil
    }

    /// The mention of the last actor named before `position` with this type (and subtype, when given); demonyms do not count.
    func lastActor(before position: Int, type: ActorType, subtype: String?) -> Mention? {
        // Mentions do not overlap, so in text order their ends grow too.
        let list = indices(of: Kind(type: type, subtype: subtype))
        guard let last = last(of: list, { $0.tokens.upperBound <= position }) else { return nil }
        return mentions[last]
    }

    /// The last of `list` (mention indices in text order) whose mention is
    /// `before` a point, found by binary search: `before` holds for a prefix of the list.
    private func last(of list: [Int], _ before: (Mention) -> Bool) -> Int? {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if before(mentions[list[middle]]) { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? list[low - 1] : nil
    }

    // MARK: Cached orders

    /// A box, so that a state value can cache what it derives from its mentions
    /// without being mutated; a new one is made after each batch of additions.
    private final class Cache {
        var textOrder: [Int]?
        var namedRoles: [String: [NamedRole]]?
        var people: [Int]?
        /// Filled for the kinds asked about, not for every kind of the document.
        var byKind: [Kind: [Int]] = [:]
    }

    /// An entity type, alone or with a subtype.
    private struct Kind: Hashable {
        var type: ActorType
        var subtype: String?
    }

    private var cache = Cache()

    /// The indices of `mentions` in text order. Mentions do not overlap, so their starts differ.
    var textOrder: [Int] {
        if let order = cache.textOrder { return order }
        let mentions = self.mentions      // for the closure: not a copy of the whole state
        let order = mentions.indices.sorted { mentions[$0].tokens.lowerBound < mentions[$1].tokens.lowerBound }
        cache.textOrder = order
        return order
    }

    /// A role held on the document's date (at any time without a date) by a person the document names.
    private struct NamedRole {
        var person: Entity.ID
        var office: Entity.ID?
        /// The token starts, in text order, of the mentions that name the person (not titles, nominals, pronouns).
        var positions: [Int]
    }

    /// The roles of the people the document names, by title.
    private var namedRoles: [String: [NamedRole]] {
        if let roles = cache.namedRoles { return roles }
        // By gazetteer position (discovered people hold no roles), in order of first mention.
        var named: [(entity: Int32, positions: [Int])] = []
        var slots: [Int32: Int] = [:]
        for index in textOrder where mentions[index].via != .title && mentions[index].via != .nominal && mentions[index].via != .pronoun
            && kinds[index].type == .person && entityKeys[index] >= 0 {
            let entity = entityKeys[index], start = mentions[index].tokens.lowerBound
            if let slot = slots[entity] {
                named[slot].positions.append(start)
            } else {
                slots[entity] = named.count
                named.append((entity, [start]))
            }
        }
        var roles: [String: [NamedRole]] = [:]
        for (entity, positions) in named {
            let person = gazetteer.entities.id(at: Int(entity))
            for role in gazetteer.entities.roles(at: Int(entity)) where date.map(role.holds(on:)) ?? true {
                roles[role.title, default: []].append(NamedRole(person: person, office: role.of, positions: positions))
            }
        }
        cache.namedRoles = roles
        return roles
    }

    /// The mentions of people, in text order.
    private var people: [Int] {
        if let people = cache.people { return people }
        let people = textOrder.filter { kinds[$0].type == .person }
        cache.people = people
        return people
    }

    /// The mentions of a type, or of a type and subtype, in text order; demonyms left out.
    private func indices(of kind: Kind) -> [Int] {
        if let list = cache.byKind[kind] { return list }
        var list: [Int] = []
        for index in textOrder where mentions[index].via != .demonym && kinds[index].type == kind.type
            && (kind.subtype == nil || kinds[index].subtype == kind.subtype) {
            list.append(index)
        }
        cache.byKind[kind] = list
        return list
    }

    /// The actors, in order of first mention, each with its mentions in text order.
    func actors() -> [Actor] {
        var actors: [Actor] = []
        var slots: [Int32: Int] = [:]      // entity key → index into actors
        for index in textOrder {
            let key = entityKeys[index]
            let slot: Int
            if let known = slots[key] {
                slot = known
            } else {
                guard let actor = makeActor(key) else { continue }
                slot = actors.count
                slots[key] = slot
                actors.append(actor)
            }
            actors[slot].mentions.append(mentions[index])
        }
        return actors
    }

    /// The actor of an entity key (see `entityKeys`), without its mentions.
    private func makeActor(_ key: Int32) -> Actor? {
        guard key >= 0 else { return key == Int32.min ? nil : discoveredActors[Int(-1 - key)] }
        let entity = gazetteer.entities[Int(key)]
        let roles = date.map { day in entity.roles.filter { $0.holds(on: day) } } ?? entity.roles
        return Actor(id: entity.id, name: entity.name, type: entity.type, subtype: entity.subtype, country: entity.country,
                     origin: .gazetteer, externalIDs: entity.externalIDs, roles: roles, mentions: [],
                     sector: sector(of: entity, roles: date == nil ? [] : roles))
    }

    /// The sector of the entity's kind; for a person of no listed kind, that
    /// of the office of a role held on the date: a country's office is government.
    private func sector(of entity: Entity, roles: [Entity.Role]) -> String? {
        if let sector = sector(of: entity.type, entity.subtype) { return sector }
        guard entity.type == .person else { return nil }
        for office in roles.compactMap(\.of) {
            guard let holder = gazetteer.index(of: office) else { continue }
            let type = gazetteer.entities.type(at: holder)
            if type == .country { return "government" }
            if let sector = sector(of: type, gazetteer.entities.subtype(at: holder)) { return sector }
        }
        return nil
    }
}

extension Array where Element == Int {
    /// The last element below `bound`, in a sorted array.
    func last(before bound: Int) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? self[low - 1] : nil
    }
}
