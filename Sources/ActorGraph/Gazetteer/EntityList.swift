/// The entities of a ``Gazetteer`` in load order, found by position or id.
///
/// Entities built in memory are kept as values; those of a compiled gazetteer
/// stay encoded in its mapped file and are decoded when read, so that a
/// gazetteer of millions of names loads without decoding them.
public struct EntityList: RandomAccessCollection, Sendable {
    /// Where an entity was defined: a `.gaz` file and line.
    public struct Location: Hashable, Sendable {
        /// The file, as shown in messages.
        public var file: String
        /// The 1-based line of its `entity` line.
        public var line: Int
    }

    /// Entities built in memory, with their id table and places.
    final class InMemory: Sendable {
        let entities: [Entity]
        let ids: IDTable
        let locations: [Location?]

        init(entities: [Entity], ids: IDTable, locations: [Location?]) {
            self.entities = entities
            self.ids = ids
            self.locations = locations
        }
    }

    /// One reference per case, so that a switch over the storage, which the
    /// resolver makes for every mention, copies one reference rather than
    /// three arrays.
    enum Storage: Sendable {
        case memory(InMemory)
        case compiled(CompiledEntities)
    }

    let storage: Storage

    /// `ids` gives each entity's position in `entities`.
    init(_ entities: [Entity], ids: IDTable, locations: [Location?]) {
        storage = .memory(InMemory(entities: entities, ids: ids, locations: locations))
    }

    init(compiled: CompiledEntities) {
        storage = .compiled(compiled)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .memory(let memory): return memory.entities.count
        case .compiled(let compiled): return compiled.count
        }
    }

    /// The entity at `index` (decoded from the file for a compiled gazetteer).
    public subscript(index: Int) -> Entity {
        switch storage {
        case .memory(let memory): return memory.entities[index]
        case .compiled(let compiled): return compiled.entity(at: index)
        }
    }

    /// The type of the entity at `index`, without copying the rest of it.
    func type(at index: Int) -> ActorType {
        switch storage {
        case .memory(let memory): return memory.entities[index].type
        case .compiled(let compiled): return compiled.entity(at: index).type
        }
    }

    /// The subtype of the entity at `index`, without copying the rest of it.
    func subtype(at index: Int) -> String? {
        switch storage {
        case .memory(let memory): return memory.entities[index].subtype
        case .compiled(let compiled): return compiled.entity(at: index).subtype
        }
    }

    /// The country of the entity at `index`, without copying the rest of it.
    func country(at index: Int) -> String? {
        switch storage {
        case .memory(let memory): return memory.entities[index].country
        case .compiled(let compiled): return compiled.entity(at: index).country
        }
    }

    /// The roles of the entity at `index`, without copying the rest of it.
    func roles(at index: Int) -> [Entity.Role] {
        switch storage {
        case .memory(let memory): return memory.entities[index].roles
        case .compiled(let compiled): return compiled.entity(at: index).roles
        }
    }

    /// The relations of the entity at `index`, without copying the rest of it.
    func relations(at index: Int) -> [Entity.Relation] {
        switch storage {
        case .memory(let memory): return memory.entities[index].relations
        case .compiled(let compiled): return compiled.entity(at: index).relations
        }
    }

    /// The id of the entity at `index`, without decoding the rest of it.
    func id(at index: Int) -> Entity.ID {
        switch storage {
        case .memory(let memory): return memory.entities[index].id
        case .compiled(let compiled): return compiled.id(at: index)
        }
    }

    /// Whether the entity at `index` exists and has `id`: a position given with an id, checked without a lookup.
    func has(_ id: Entity.ID, at index: Int) -> Bool {
        guard index >= 0, index < endIndex else { return false }
        switch storage {
        case .memory(let memory): return memory.entities[index].id == id
        case .compiled(let compiled): return compiled.id(at: index) == id
        }
    }

    /// The position of the entity with `id`.
    func index(of id: Entity.ID) -> Int? {
        switch storage {
        case .memory(let memory): return memory.ids.index(of: id, hash: IDTable.hash(id)) { memory.entities[$0].id }
        case .compiled(let compiled): return compiled.index(of: id)
        }
    }

    /// Where the entity at `index` was defined, when it was loaded from a file.
    func location(at index: Int) -> Location? {
        switch storage {
        case .memory(let memory): return index < memory.locations.count ? memory.locations[index] : nil
        case .compiled(let compiled): return compiled.location(at: index)
        }
    }
}
