import Foundation

/// Where the bundled gazetteers and event rules are installed.
public enum BundledData {
    /// The folder of bundled entity files (`*.gaz`).
    public static var entities: URL? {
        Bundle.module.url(forResource: "entities", withExtension: nil)
    }

    /// The folder of bundled rule files (`*.rules`).
    public static var rules: URL? {
        Bundle.module.url(forResource: "rules", withExtension: nil)
    }
}
