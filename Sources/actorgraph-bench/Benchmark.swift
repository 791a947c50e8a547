import ActorGraph
import ActorGraphGazetteers
import ArgumentParser
import Foundation

/// Speed and memory of ActorGraph, measured in one run on this machine.
/// Release builds only: `swift run -c release actorgraph-bench`.
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actorgraph-bench",
        abstract: "Measure ActorGraph's load time, memory and extraction speed (release builds only).",
        discussion: "Method: Docs/Benchmarks.md. Every time is the median of --runs runs, all measured in this one process.",
        subcommands: [Load.self, Extract.self, Batch.self, Scaling.self, Tokenize.self, Match.self, Names.self],
        defaultSubcommand: Load.self
    )

    /// Refuses a debug build, whose timings mean nothing.
    static func requireRelease() throws {
        #if DEBUG
        throw ValidationError("benchmarks need a release build: swift run -c release actorgraph-bench")
        #endif
    }
}

struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time loading the bundled gazetteer and rules and building an Extractor; report its memory."
    )

    @Option(help: "Runs per measurement; the median is reported.")
    var runs = 5

    func validate() throws {
        try Benchmark.requireRelease()
        guard runs > 0 else { throw ValidationError("--runs must be at least 1.") }
    }

    func run() throws {
        guard let entities = BundledData.entities else { throw ValidationError("the bundled gazetteers are missing") }
        // Memory: one extractor, measured before any other run leaves garbage behind.
        let before = Memory.residentBytes()
        let extractor = try Extractor(gazetteer: Gazetteer.load([entities]), rules: RuleSet.bundled())
        let resident = Memory.residentBytes() - before
        // The same gazetteer compiled (actorgraph gazetteer compile), loaded by mapping the file.
        let compiled = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-bench-load-\(getpid()).agz")
        defer { try? FileManager.default.removeItem(at: compiled) }
        try extractor.gazetteer.compiledData(includesBundled: true).write(to: compiled)
        var gazetteerTimes: [Double] = [], compiledTimes: [Double] = [], ruleTimes: [Double] = [], extractorTimes: [Double] = []
        for _ in 0 ..< runs {
            let (_, compiledTime) = try Clock.measure { try Gazetteer.load([compiled]) }
            compiledTimes.append(compiledTime)
            let (gazetteer, gazetteerTime) = try Clock.measure { try Gazetteer.load([entities]) }
            let (rules, ruleTime) = try Clock.measure { try RuleSet.bundled() }
            let (_, extractorTime) = try Clock.measure { try Extractor(gazetteer: gazetteer, rules: rules) }
            gazetteerTimes.append(gazetteerTime)
            ruleTimes.append(ruleTime)
            extractorTimes.append(extractorTime)
        }
        let entitiesCount = extractor.gazetteer.entities.count
        let aliases = extractor.gazetteer.entities.reduce(0) { $0 + $1.aliases.count }
        print("bundled gazetteer: \(entitiesCount) entities, \(aliases) aliases; median of \(runs) runs")
        print(String(format: "  load gazetteer      %8.1f ms", Clock.median(gazetteerTimes) * 1000))
        print(String(format: "  load compiled       %8.1f ms (the same gazetteer from `gazetteer compile`, memory-mapped)", Clock.median(compiledTimes) * 1000))
        print(String(format: "  load rules          %8.1f ms", Clock.median(ruleTimes) * 1000))
        print(String(format: "  build extractor     %8.1f ms", Clock.median(extractorTimes) * 1000))
        print(String(format: "  total               %8.1f ms",
                     (Clock.median(gazetteerTimes) + Clock.median(ruleTimes) + Clock.median(extractorTimes)) * 1000))
        print(String(format: "  resident memory     %8.1f MB (one extractor: resident set after loading minus before)",
                     Double(resident) / 1_000_000))
        print(String(format: "  peak resident       %8.1f MB (whole process)", Double(Memory.peakResidentBytes()) / 1_000_000))
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time full extraction, one thread, with the bundled gazetteers and rules."
    )

    @OptionGroup var corpus: CorpusOptions

    func validate() throws { try Benchmark.requireRelease() }

    func run() throws {
        let (texts, copies, bytes) = try corpus.texts()
        let runs = corpus.runs
        let extractor = try Extractor()
        var times: [Double] = []
        var actors = 0
        for _ in 0 ..< runs {
            let ((), time) = try Clock.measure {
                actors = 0
                for _ in 0 ..< copies {
                    for text in texts { actors += try extractor.extract(text, date: "2022-01-01").actors.count }
                }
            }
            times.append(time)
        }
        let median = Clock.median(times)
        print("extract: \(texts.count) articles × \(copies) = \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB, one thread, median of \(runs) runs")
        print(String(format: "  %8.2f MB/s  (%.2f s, %d actors per run)", Double(bytes) / 1_000_000 / median, median, actors))
    }
}

/// The documents a speed benchmark runs on: the `.txt` files of some folders, repeated to a size.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "Folders of .txt articles; the test corpora (Tests/Corpus, Tests/Coverage) by default.")
    var folders: [String] = ["Tests/Corpus", "Tests/Coverage"]

    @Option(help: "Repeat the texts until they hold at least this many megabytes.")
    var megabytes = 5.0

    @Option(help: "Repeat the texts exactly this many times instead (overrides --megabytes).")
    var `repeat`: Int?

    @Option(help: "Runs; the median is reported.")
    var runs = 3

    func validate() throws {
        guard runs > 0, megabytes > 0, (`repeat` ?? 1) > 0 else { throw ValidationError("--runs, --megabytes and --repeat must be positive.") }
    }

    /// The texts in folder and name order, how many times to repeat them, and the bytes in all.
    func texts() throws -> (texts: [String], copies: Int, bytes: Int) {
        var texts: [String] = []
        for folder in folders {
            let url = URL(fileURLWithPath: folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                throw ValidationError("cannot read the folder \(folder); give a folder of .txt articles.")
            }
            for name in names.filter({ $0.hasSuffix(".txt") }).sorted() {
                guard let text = try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) else {
                    throw ValidationError("\(folder)/\(name) is not readable UTF-8 text.")
                }
                texts.append(text)
            }
        }
        guard !texts.isEmpty else { throw ValidationError("no .txt file in \(folders.joined(separator: ", ")).") }
        let unit = texts.reduce(0) { $0 + $1.utf8.count }
        let copies = `repeat` ?? max(1, Int((megabytes * 1_000_000 / Double(unit)).rounded(.up)))
        return (texts, copies, unit * copies)
    }
}

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time a batch of documents on one thread and on every core; check the outputs are identical."
    )

    @OptionGroup var corpus: CorpusOptions

    func validate() throws { try Benchmark.requireRelease() }

    func run() throws {
        let (texts, copies, bytes) = try corpus.texts()
        let documents = Array(repeatElement(texts, count: copies).joined())
        let runs = corpus.runs
        let extractor = try Extractor()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        func batch(threads: Int) throws -> (outputs: [Data], time: Double) {
            let outputs = Outputs(count: documents.count)
            let (_, time) = Clock.measure {
                // Each worker takes the next document, as `actorgraph extract` does:
                // a worker slowed by the machine's other work takes fewer.
                DispatchQueue.concurrentPerform(iterations: threads) { _ in
                    while let index = outputs.nextIndex() {
                        do {
                            outputs.set(index, try extractor.extract(documents[index], date: "2022-01-01").jsonData())
                        } catch {
                            outputs.set(index, Data("\(error)".utf8))      // compared like any output
                        }
                    }
                }
            }
            return (outputs.values, time)
        }
        var one: [Double] = [], all: [Double] = []
        var identical = true
        for _ in 0 ..< runs {
            let sequential = try batch(threads: 1)
            let parallel = try batch(threads: cores)
            one.append(sequential.time)
            all.append(parallel.time)
            identical = identical && sequential.outputs == parallel.outputs
        }
        let megabytesTotal = Double(bytes) / 1_000_000
        print(String(format: "batch: %d documents, %.1f MB, median of %d runs", documents.count, megabytesTotal, runs))
        print(String(format: "  1 thread    %6.2f MB/s", megabytesTotal / Clock.median(one)))
        print(String(format: "  %d threads   %6.2f MB/s  (×%.2f)", cores, megabytesTotal / Clock.median(all), Clock.median(one) / Clock.median(all)))
        print("  outputs identical: \(identical ? "yes" : "NO")")
        if !identical { throw ExitCode(1) }
    }

    /// One slot per document, each written by the one worker that took it.
    private final class Outputs: @unchecked Sendable {
        private var slots: [Data]
        private var taken = 0
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: Data(), count: count) }
        /// The next document no worker has taken, if any.
        func nextIndex() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard taken < slots.count else { return nil }
            taken += 1
            return taken - 1
        }
        func set(_ index: Int, _ data: Data) { lock.lock(); slots[index] = data; lock.unlock() }
        var values: [Data] { lock.lock(); defer { lock.unlock() }; return slots }
    }
}

struct Scaling: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that time and memory grow linearly on hostile text; exit 1 when a bound is broken.",
        discussion: """
            Each shape is extracted at --megabytes and at four times that size. The bounds, with a wide margin \
            for a shared machine: four times the input may take at most eight times as long, and the \
            process's peak resident memory may grow by at most 150 bytes per input byte.
            """
    )

    @Option(help: "The smaller size, in megabytes; the larger is four times it.")
    var megabytes = 2.0

    func validate() throws {
        try Benchmark.requireRelease()
        guard megabytes > 0 else { throw ValidationError("--megabytes must be positive.") }
    }

    /// Deterministic hostile texts of about `bytes` UTF-8 bytes.
    static let shapes: [(name: String, make: @Sendable (Int) -> String)] = [
        ("prose without a sentence break", { bytes in
            let words = ["the", "talks", "went", "on", "and", "officials", "said", "that", "Emmanuel", "Macron", "met",
                         "Olaf", "Scholz", "in", "Berlin", "while", "Russia", "shelled", "Kharkiv"]
            var text = "", state: UInt64 = 1
            text.reserveCapacity(bytes + 16)
            while text.utf8.count < bytes {
                state = state &* 6364136223846793005 &+ 1442695040888963407      // a fixed LCG: same text every run
                text += words[Int(state >> 33) % words.count] + " "
            }
            return text
        }),
        ("one name repeated", { bytes in String(repeating: "Emmanuel Macron ", count: max(1, bytes / 16)) }),
        ("one long token run", { bytes in String(repeating: "x", count: bytes) }),
        // Each "the company" looks back for a company and finds none: the look-back must not walk the text.
        ("nouns that refer to no one", { bytes in
            String(repeating: "France said the company would leave. ", count: max(1, bytes / 37))
        }),
        // Each strike answers the attack told before it: linking one response must not walk every event.
        ("attacks and responses", { bytes in
            let names = ["Hamas", "Israel", "Iran", "France", "Russia", "Ukraine", "China", "Japan", "India", "Egypt", "Turkey", "Syria"]
            var text = "", state: UInt64 = 1, day = 0
            text.reserveCapacity(bytes + 128)
            while text.utf8.count < bytes {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let a = names[Int(state >> 33) % names.count], b = names[(Int(state >> 40) % (names.count - 1) + 1 + Int(state >> 33) % names.count) % names.count]
                day += 1
                text += "\(a) fired rockets at \(b) on day \(day). \(b) struck targets in \(a) in retaliation for the rocket attack number \(day). "
            }
            return text
        }),
    ]

    func run() throws {
        let extractor = try Extractor()
        let small = Int(megabytes * 1_000_000)
        var broken = false
        print(String(format: "scaling: %.1f MB and %.1f MB, one thread", megabytes, megabytes * 4))
        for shape in Self.shapes {
            let texts = [shape.make(small), shape.make(small * 4)]
            var times: [Double] = []
            var growth = 0
            for text in texts {
                let before = Memory.residentBytes()
                let (_, time) = try Clock.measure { _ = try extractor.extract(text, date: "2023-01-01") }
                growth = Memory.peakResidentBytes() - before      // the peak of the larger text comes last
                times.append(time)
            }
            let ratio = times[1] / max(times[0], 1e-6)
            let perByte = Double(max(growth, 0)) / Double(texts[1].utf8.count)
            let ok = ratio <= 8 && perByte <= 150
            broken = broken || !ok
            print("  " + shape.name.padding(toLength: 32, withPad: " ", startingAt: 0)
                + String(format: "%6.2f s → %6.2f s  (×%.1f)  peak +%.0f bytes per input byte  ", times[0], times[1], ratio, perByte)
                + (ok ? "ok" : "BOUND BROKEN"))
        }
        if broken { throw ExitCode(1) }
    }
}

enum Clock {
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

enum Memory {
    /// Resident set size now, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The process's peak resident set size.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
