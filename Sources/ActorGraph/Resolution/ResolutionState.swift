/// The mentions resolved so far in one document, with the lookups the resolver needs.
struct ResolutionState {
    let text: TokenizedText
    let gazetteer: Gazetteer
    let date: Day?
    /// Sectors by `type/subtype`, from `sectors.rules`.
    let sectors: [String: String]
    private(set) var mentions: [Mention] = []
    /// The type and subtype of each mention's entity, looked up once when it is added.
    private var kinds: [(type: ActorType?, subtype: String?)] = []
    private var owner: [Int32]                 // token → index into mentions, or -1
    private var discovered: [Entity.ID: Actor] = [:]

    init(text: TokenizedText, gazetteer: Gazetteer, date: Day?, sectors: [String: String]) {
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
            kinds.append(kind(of: mention.candidates[0]))
            for token in mention.tokens { owner[token] = index }
        }
        cache = Cache()
    }

    func isCovered(_ range: Range<Int>) -> Bool {
        // A loop, not `contains` with a closure: the closure would capture, and so copy, the state.
        for token in range where owner.indices.contains(token) && owner[token] >= 0 { return true }
        return false
    }

    /// The mention covering token `index`.
    func mention(at index: Int) -> Mention? {
        guard owner.indices.contains(index), owner[index] >= 0 else { return nil }
        return mentions[Int(owner[index])]
    }

    func gazetteerEntity(_ id: Entity.ID) -> Entity? { gazetteer[id] }

    func type(of mention: Mention) -> ActorType? {
        guard let id = mention.candidates.first else { return nil }
        return gazetteer.type(of: id) ?? discovered[id]?.type
    }

    /// The type of the entity of `mentions[index]`, as looked up when it was added.
    func type(ofMention index: Int) -> ActorType? { kinds[index].type }

    /// The type and subtype of entity `id`, with one look-up of the id: a discovered name is never a gazetteer entity.
    private func kind(of id: Entity.ID) -> (type: ActorType?, subtype: String?) {
        if let entity = gazetteer.index(of: id) {
            return (gazetteer.entities.type(at: entity), gazetteer.entities.subtype(at: entity))
        }
        return (discovered[id]?.type, discovered[id]?.subtype)
    }

    mutating func discover(id: Entity.ID, name: String, type: ActorType, subtype: String?) {
        guard discovered[id] == nil else { return }
        discovered[id] = Actor(id: id, name: name, type: type, subtype: subtype, country: nil, origin: .discovered,
                               externalIDs: [:], roles: [], mentions: [], sector: subtype.flatMap { sectors["\(type.rawValue)/\($0)"] })
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
        guard let last = last(of: people, { $0.tokens.lowerBound < position }),
              let person = gazetteer[mentions[last].candidates[0]] else { return nil }
        for role in person.roles where role.of != office && (date.map(role.holds(on:)) ?? false) {
            if let holder = holder(of: role.title, in: office, before: position), holder != person.id { return holder }
        }
        return nil
    }

    /// The last actor named before `position` with this type (and subtype, when given); demonyms do not count.
    func lastActor(before position: Int, type: ActorType, subtype: String?) -> Entity.ID? {
        // Mentions do not overlap, so in text order their ends grow too.
        guard let list = byKind[Kind(type: type, subtype: subtype)],
              let last = last(of: list, { $0.tokens.upperBound <= position }) else { return nil }
        return mentions[last].candidates[0]
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
        var byKind: [Kind: [Int]]?
    }

    /// An entity type, alone or with a subtype.
    private struct Kind: Hashable {
        var type: ActorType
        var subtype: String?
    }

    private var cache = Cache()

    /// The indices of `mentions` in text order. Mentions do not overlap, so their starts differ.
    private var textOrder: [Int] {
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
        var named: [Entity.ID: [Int]] = [:]
        for index in textOrder where mentions[index].via != .title && mentions[index].via != .nominal && mentions[index].via != .pronoun
            && kinds[index].type == .person {
            named[mentions[index].candidates[0], default: []].append(mentions[index].tokens.lowerBound)
        }
        var roles: [String: [NamedRole]] = [:]
        for (person, positions) in named {
            guard let entity = gazetteer.index(of: person) else { continue }
            for role in gazetteer.entities.roles(at: entity) where date.map(role.holds(on:)) ?? true {
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

    /// The mentions of each type, and of each type and subtype, in text order; demonyms left out.
    private var byKind: [Kind: [Int]] {
        if let byKind = cache.byKind { return byKind }
        var byKind: [Kind: [Int]] = [:]
        for index in textOrder where mentions[index].via != .demonym {
            guard let type = kinds[index].type else { continue }
            byKind[Kind(type: type, subtype: nil), default: []].append(index)
            if let subtype = kinds[index].subtype { byKind[Kind(type: type, subtype: subtype), default: []].append(index) }
        }
        cache.byKind = byKind
        return byKind
    }

    /// The actors, in order of first mention, each with its mentions in text order.
    func actors() -> [Actor] {
        var actors: [Actor] = []
        var position: [Entity.ID: Int] = [:]      // id → index into actors
        for index in textOrder {
            let id = mentions[index].candidates[0]
            let slot: Int
            if let known = position[id] {
                slot = known
            } else {
                guard let actor = makeActor(id) else { continue }
                slot = actors.count
                position[id] = slot
                actors.append(actor)
            }
            actors[slot].mentions.append(mentions[index])
        }
        return actors
    }

    private func makeActor(_ id: Entity.ID) -> Actor? {
        if let actor = discovered[id] { return actor }
        guard let entity = gazetteer[id] else { return nil }
        let roles = date.map { day in entity.roles.filter { $0.holds(on: day) } } ?? entity.roles
        return Actor(id: entity.id, name: entity.name, type: entity.type, subtype: entity.subtype, country: entity.country,
                     origin: .gazetteer, externalIDs: entity.externalIDs, roles: roles, mentions: [],
                     sector: sector(of: entity, roles: date == nil ? [] : roles))
    }

    /// The sector of the entity's kind; for a person of no listed kind, that
    /// of the office of a role held on the date: a country's office is government.
    private func sector(of entity: Entity, roles: [Entity.Role]) -> String? {
        if let subtype = entity.subtype, let sector = sectors["\(entity.type.rawValue)/\(subtype)"] { return sector }
        guard entity.type == .person else { return nil }
        for office in roles.compactMap(\.of) {
            guard let holder = gazetteer[office] else { continue }
            if holder.type == .country { return "government" }
            if let subtype = holder.subtype, let sector = sectors["\(holder.type.rawValue)/\(subtype)"] { return sector }
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
