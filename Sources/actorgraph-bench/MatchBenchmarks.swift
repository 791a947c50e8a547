import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph-bench names`: writes a generated gazetteer, one alias per line.
struct Names: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the benchmark's generated gazetteer: COUNT realistic multi-word names, one per line.",
        discussion: "The same count gives the same file on every machine (NameGenerator.swift); the peer comparison reads it."
    )

    @Option(help: "How many names.")
    var count: Int

    @Option(name: .shortAndLong, help: "The file to write; standard output if omitted.")
    var output: String?

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1.") }
    }

    func run() throws {
        let names = NameGenerator.names(count: count, bundled: try Gazetteer.bundled())
        let data = Data((names.joined(separator: "\n") + "\n").utf8)
        guard let output else { FileHandle.standardOutput.write(data); return }
        do { try data.write(to: URL(fileURLWithPath: output)) } catch {
            throw ValidationError("cannot write \(output); check the folder exists and that you may write to it.")
        }
    }
}

/// `actorgraph-bench tokenize`: the tokenizer alone.
struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time tokenization alone (tokens and sentences), one thread.")

    @OptionGroup var corpus: CorpusOptions

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws { try Benchmark.requireRelease() }

    func run() throws {
        let (texts, copies, bytes) = try corpus.texts()
        let tokenizer = Tokenizer()
        var tokens = 0
        var times: [Double] = []
        for _ in 0 ..< corpus.runs {
            let ((), time) = try Clock.measure {
                tokens = 0
                for _ in 0 ..< copies { for text in texts { tokens += try tokenizer.tokenize(text).tokens.count } }
            }
            times.append(time)
        }
        let median = Clock.median(times)
        let speed = Double(bytes) / 1_000_000 / median
        if json {
            Report.json(["bytes": bytes, "medianSeconds": median, "megabytesPerSecond": speed, "tokens": tokens])
        } else {
            print(String(format: "tokenize: %.1f MB, one thread, median of %d runs", Double(bytes) / 1_000_000, corpus.runs))
            print(String(format: "  %8.2f MB/s  (%d tokens per run)", speed, tokens))
        }
    }
}

/// `actorgraph-bench match`: tokenize and match against a large gazetteer.
struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time tokenize + match (leftmost-longest, case-folded) against a gazetteer of many names, one thread.",
        discussion: """
            The gazetteer is one entity per line of --names (or --count generated names). Also times building it, \
            compiling it, loading the compiled file, and the resident memory of each.
            """
    )

    @Option(help: "A file of names, one per line (actorgraph-bench names writes one).")
    var names: String?

    @Option(help: "Generate this many names instead of reading --names.")
    var count: Int?

    @OptionGroup var corpus: CorpusOptions

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        try Benchmark.requireRelease()
        guard (names == nil) != (count == nil) else { throw ValidationError("give either --names FILE or --count N.") }
    }

    func run() throws {
        let aliases = try loadNames()
        let (texts, copies, bytes) = try corpus.texts()

        let before = Memory.residentBytes()
        let (builder, addTime) = try Clock.measure { () throws -> Gazetteer.Builder in
            var builder = Gazetteer.Builder()
            for (index, alias) in aliases.enumerated() {
                try builder.add(Entity(id: Entity.ID(rawValue: "n\(index)"), type: .organization, name: alias,
                                       aliases: [Entity.Alias(text: alias, kind: .name)]))
            }
            return builder
        }
        let (built, compileTime) = try Clock.measure { try builder.build() }
        let buildTime = addTime + compileTime
        let builtResident = Memory.residentBytes() - before

        // The compiled file, written once and loaded --runs times; one more load is matched with and its memory measured.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-bench-\(getpid()).agz")
        defer { try? FileManager.default.removeItem(at: file) }
        let data = built.compiledData(includesBundled: false)
        try data.write(to: file)
        var loadTimes: [Double] = []
        for _ in 0 ..< corpus.runs {
            let (_, time) = try Clock.measure { try Gazetteer.load([file]) }
            loadTimes.append(time)
        }

        let tokenizer = Tokenizer()
        func timeMatching(_ gazetteer: Gazetteer) throws -> (median: Double, matches: Int) {
            let matcher = EntityMatcher(gazetteer: gazetteer)
            var matches = 0
            var times: [Double] = []
            for _ in 0 ..< corpus.runs {
                let ((), time) = try Clock.measure {
                    matches = 0
                    for _ in 0 ..< copies {
                        for text in texts { matches += matcher.matches(in: try tokenizer.tokenize(text)).count }
                    }
                }
                times.append(time)
            }
            return (Clock.median(times), matches)
        }
        let inMemory = try timeMatching(built)
        let mappedBefore = Memory.residentBytes()
        let compiled = try Gazetteer.load([file])
        let mapped = try timeMatching(compiled)
        let mappedResident = Memory.residentBytes() - mappedBefore
        withExtendedLifetime(compiled) {}
        guard mapped.matches == inMemory.matches else {
            throw ValidationError("the compiled gazetteer found \(mapped.matches) matches and the built one \(inMemory.matches)")
        }

        let speed = Double(bytes) / 1_000_000 / inMemory.median
        if json {
            Report.json([
                "aliases": aliases.count, "bytes": bytes, "buildSeconds": buildTime, "medianSeconds": inMemory.median,
                "megabytesPerSecond": speed, "matches": inMemory.matches, "residentMegabytes": Double(builtResident) / 1_000_000,
                "compiledMegabytes": Double(data.count) / 1_000_000, "compiledLoadSeconds": Clock.median(loadTimes),
                "compiledMegabytesPerSecond": Double(bytes) / 1_000_000 / mapped.median,
                "compiledResidentMegabytes": Double(mappedResident) / 1_000_000,
            ])
        } else {
            print(String(format: "match: %d aliases, %.1f MB of text, one thread, median of %d runs", aliases.count, Double(bytes) / 1_000_000, corpus.runs))
            print(String(format: "  build               %8.3f s (entities %.3f s, tables %.3f s), %.1f MB resident",
                         buildTime, addTime, compileTime, Double(builtResident) / 1_000_000))
            print(String(format: "  tokenize + match    %8.2f MB/s  (%d matches per run)", speed, inMemory.matches))
            print(String(format: "  compiled file       %8.1f MB", Double(data.count) / 1_000_000))
            print(String(format: "  load compiled       %8.1f ms", Clock.median(loadTimes) * 1000))
            print(String(format: "  match, compiled     %8.2f MB/s, %.1f MB resident after matching", Double(bytes) / 1_000_000 / mapped.median,
                         Double(mappedResident) / 1_000_000))
        }
    }

    private func loadNames() throws -> [String] {
        if let count { return NameGenerator.names(count: count, bundled: try Gazetteer.bundled()) }
        guard let names else { throw ValidationError("give either --names FILE or --count N.") }
        // An unreadable file, or the line and column of the first byte that is not UTF-8.
        let text = try SourceFiles.read(URL(fileURLWithPath: names), code: .unreadableInput)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw ValidationError("\(names) holds no name; give a file of names, one per line.") }
        return lines
    }
}

enum Report {
    /// One JSON object on standard output, keys sorted.
    static func json(_ object: [String: Any]) {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
