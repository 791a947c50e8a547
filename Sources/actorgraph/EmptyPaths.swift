import ArgumentParser

/// Refuses an empty path among `paths`: `URL(fileURLWithPath: "")` is the
/// current folder, so an empty string would silently read every file in it.
/// - Parameter option: The option or argument, as the message names it (`--gazetteer`).
/// - Throws: `ValidationError`, a usage error, as for an empty `--output-dir`.
func refuseEmptyPaths(_ paths: [String], of option: String) throws {
    if paths.contains("") {
        throw ValidationError("\(option) is empty; name a file or folder, or \".\" for the current folder.")
    }
}

/// A command whose options name files or folders to read, checked for empty
/// paths after parsing (``ActorGraphCommand/main()``), on top of its own
/// `validate()`: the same usage error, kept out of the commands' own files.
protocol ReadsPaths {
    /// Each option that names paths, with the paths given to it.
    var pathOptions: [(option: String, paths: [String])] { get }
}

extension ReadsPaths {
    /// - Throws: `ValidationError` for the first option given an empty path.
    func validatePaths() throws {
        for (option, paths) in pathOptions { try refuseEmptyPaths(paths, of: option) }
    }
}

extension ExtractCommand: ReadsPaths {
    var pathOptions: [(option: String, paths: [String])] { [("--gazetteer", gazetteers), ("--rules", rules)] }
}

extension EvalCommand: ReadsPaths {
    var pathOptions: [(option: String, paths: [String])] { [("--gazetteer", gazetteers), ("--rules", rules)] }
}
