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
        indexCache = IndexCache()
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
        return gazetteer.type(of: id) ?? discovered[id]?.type
    }

    /// The type and subtype of entity `id`, with one look-up of the id: a discovered name is never a gazetteer entity.
    private func kind(of id: Entity.ID) -> (type: ActorType?, subtype: String?) {
        if let entity = gazetteer.index(of: id) {
            return (gazetteer.entities.type(at: entity), gazetteer.entities.subtype(at: entity))
        }
        return (discovered[id]?.type, discovered[id]?.subtype)
    }

    /// The indices of `mentions` in text order. Mentions do not overlap, so their starts differ.
    private var textOrder: [Int] {
        mentions.indices.sorted { mentions[$0].tokens.lowerBound < mentions[$1].tokens.lowerBound }
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
        let holders = gazetteer.holders(of: title, in: office, on: date)
        guard !holders.isEmpty else { return nil }
        let named = index.named
        var latestBefore: (position: Int, id: Entity.ID)?
        var earliest: (position: Int, id: Entity.ID)?
        for id in holders {
            guard let positions = named[id], let first = positions.first else { continue }
            if first < (earliest?.position ?? Int.max) { earliest = (first, id) }
            if let last = positions.last(before: position), last > (latestBefore?.position ?? Int.min) {
                latestBefore = (last, id)
            }
        }
        if let latestBefore { return latestBefore.id }
        if let earliest { return earliest.id }
        guard office != nil, date != nil else { return nil }
        return holders.first
    }

    /// The holder in `office` of the office held by the person named last before `position`.
    func counterpart(in office: Entity.ID, before position: Int) -> Entity.ID? {
        let people = index.people
        guard let last = people.lastIndex(startingBefore: position), let person = gazetteer[people[last].id] else { return nil }
        for role in person.roles where role.of != office && (date.map(role.holds(on:)) ?? false) {
            if let holder = holder(of: role.title, in: office, before: position), holder != person.id { return holder }
        }
        return nil
    }

    /// The last actor named before `position` with this type (and subtype, when given).
    func lastActor(before position: Int, type: ActorType, subtype: String?) -> Entity.ID? {
        guard let list = index.byKind[Kind(type: type, subtype: subtype)], let last = list.lastIndex(endingBy: position) else { return nil }
        return list[last].id
    }

    // MARK: Index

    /// Mentions sorted for the resolver's questions, rebuilt after each batch of additions.
    struct Index {
        /// Token starts of the mentions that name an entity (not titles, nominals, pronouns), sorted.
        var named: [Entity.ID: [Int]] = [:]
        /// Person mentions in text order.
        var people: [Located] = []
        /// Mentions by type and by type and subtype, in text order (demonyms left out).
        var byKind: [Kind: [Located]] = [:]
    }

    /// A type, or a type and subtype: a key of ``Index/byKind``, made without building a string.
    struct Kind: Hashable {
        var type: ActorType
        var subtype: String?
    }

    struct Located {
        var start: Int
        var end: Int
        var id: Entity.ID
    }

    /// A box, so that a state value can cache its index without being mutated.
    private final class IndexCache {
        var index: Index?
    }

    private var indexCache = IndexCache()

    private var index: Index {
        if let index = indexCache.index { return index }
        var index = Index()
        for position in textOrder {
            let mention = mentions[position]
            guard let id = mention.candidates.first else { continue }
            let located = Located(start: mention.tokens.lowerBound, end: mention.tokens.upperBound, id: id)
            let (type, subtype) = kinds[position]
            if mention.via != .title && mention.via != .nominal && mention.via != .pronoun {
                index.named[id, default: []].append(located.start)
            }
            if type == .person { index.people.append(located) }
            if let type, mention.via != .demonym {
                index.byKind[Kind(type: type, subtype: nil), default: []].append(located)
                if let subtype {
                    index.byKind[Kind(type: type, subtype: subtype), default: []].append(located)
                }
            }
        }
        indexCache.index = index
        return index
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

extension Array where Element == ResolutionState.Located {
    /// The index of the last element that starts before `bound`, in a list sorted by start.
    func lastIndex(startingBefore bound: Int) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].start < bound { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    /// The index of the last element that ends by `bound` (ends grow with starts: mentions do not overlap).
    func lastIndex(endingBy bound: Int) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].end <= bound { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }
}
