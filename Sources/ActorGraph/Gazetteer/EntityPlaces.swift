/// Where the aliases and roles of one entity are written in its `.gaz` file,
/// so that a message about one of them (`gazetteer lint`) names its line.
///
/// The parser keeps these only when asked: a compiled gazetteer records the
/// `entity` line alone, and so do ordinary loads.
package struct EntityPlaces: Hashable, Sendable {
    /// A 1-based line and column (in characters).
    package struct Place: Hashable, Sendable {
        package var line: Int
        package var column: Int
    }

    /// The file, as shown in messages.
    package var file: String
    /// One place per alias, in the order of ``Entity/aliases`` (the `name` line for the name).
    package var aliases: [Place] = []
    /// One place per role, in the order of ``Entity/roles``.
    package var roles: [Place] = []
}
