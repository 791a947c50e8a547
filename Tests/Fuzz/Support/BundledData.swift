import Foundation

// Stand-in for Gazetteers/BundledData.swift in the fuzz build, which has no
// SwiftPM resource bundle (`Bundle.module`). Compiled as the module
// `ActorGraphGazetteers` so that `import ActorGraphGazetteers` in the library
// resolves. The data folder comes from ACTORGRAPH_DATA_DIR (run.sh sets it to
// <repo>/Gazetteers), else from this file's place in the repository.

/// Where the bundled gazetteers and event rules are installed.
public enum BundledData {
    private static var root: URL {
        if let path = ProcessInfo.processInfo.environment["ACTORGRAPH_DATA_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        // Tests/Fuzz/Support/BundledData.swift -> <repo>/Gazetteers
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Gazetteers", isDirectory: true)
    }

    private static func folder(_ name: String) -> URL? {
        let url = root.appendingPathComponent(name, isDirectory: true)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        return url
    }

    /// The folder of bundled entity files (`*.gaz`).
    public static var entities: URL? { folder("entities") }

    /// The folder of bundled rule files (`*.rules`).
    public static var rules: URL? { folder("rules") }
}
