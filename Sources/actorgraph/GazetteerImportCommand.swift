import ActorGraph
import ArgumentParser
import Foundation

extension GazetteerCommand {
    /// `actorgraph gazetteer import`: spaCy patterns, GATE lists and PETRARCH dictionaries to `.gaz`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert spaCy patterns, a GATE gazetteer or PETRARCH actor dictionaries into a .gaz file.",
            discussion: """
                Anything the .gaz format cannot hold as it was is reported on stderr as a warning naming \
                its file and line; malformed input is an error naming file:line:column. Exits 0 when the \
                file was written (with or without warnings), 1 on an error, or on any warning with --strict \
                (then nothing is written). Docs/Importing.md describes each format and what is lossy.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case spacy, gate, petrarch
        }

        @Option(name: .customLong("from"), help: "The source format: spacy (JSONL patterns), gate (lists.def files) or petrarch (actor dictionaries).")
        var format: Format

        @Argument(help: "The files to import: .jsonl pattern files, lists.def files, or PETRARCH .txt dictionaries.")
        var files: [String]

        @Option(name: .shortAndLong, help: "The .gaz file to write; standard output when not given.")
        var output: String?

        @Option(name: .customLong("type"),
                help: "LABEL=type[/subtype], or LABEL=skip to leave a label out; repeatable. LABEL is a spaCy label, a GATE majorType or majorType:minorType, or a PETRARCH code pattern (? and * wildcards).")
        var types: [String] = []

        @Option(help: "Put before every generated id, e.g. spacy-.")
        var idPrefix: String = ""

        @Flag(help: "Treat every warning as an error: report them all, write nothing, exit 1.")
        var strict = false

        @Flag(help: "Do not keep generated ids clear of the bundled gazetteer's ids (for a file used with --no-bundled).")
        var noBundled = false

        @Option(help: "gate: the gazetteerFeatureSeparator the lists use (default \":\", as ANNIE's default gazetteer; \"\\t\" for a tab).")
        var separator: String?

        @Flag(help: "gate: the gazetteer ran with caseSensitive=false, so aliases fold (default: exact, as GATE).")
        var caseInsensitive = false

        @Option(help: "spacy: the ruler's phrase_matcher_attr, ORTH (default; exact aliases) or LOWER (folded).")
        var phraseMatcherAttr: String?

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one file to import.") }
            try InputPaths.refuseEmpty(files, of: "The path of a file to import")
            if output == "" { throw ValidationError("-o is empty; name the file to write, e.g. imported.gaz, or leave it out for standard output.") }
            if let output, let harm = InputPaths(files, folderExtensions: []).harm(writing: output) {
                throw ValidationError("-o \"\(output)\" would \(harm); name another file, e.g. imported.gaz.")
            }
            if format != .gate && (separator != nil || caseInsensitive) {
                throw ValidationError("--separator and --case-insensitive apply to --from gate only.")
            }
            if format != .spacy && phraseMatcherAttr != nil {
                throw ValidationError("--phrase-matcher-attr applies to --from spacy only.")
            }
            if let phraseMatcherAttr, SpacyPatternImporter.PhraseAttribute(rawValue: phraseMatcherAttr.uppercased()) == nil {
                throw ValidationError("--phrase-matcher-attr is ORTH or LOWER, not \"\(phraseMatcherAttr)\".")
            }
            if let separator, Self.separatorCharacter(separator) == nil {
                throw ValidationError("--separator is one character (or \\t for a tab), not \"\(separator)\".")
            }
            // Mistakes in the options are usage errors, found before any file is read.
            do {
                try ImportOptions(types: try types.map(ImportOptions.TypeMapping.init(parsing:)), idPrefix: idPrefix).validate()
            } catch let error as ActorGraphError {
                throw ValidationError(error.message)
            }
        }

        private static func separatorCharacter(_ text: String) -> Character? {
            if text == "\\t" { return "\t" }
            return text.count == 1 ? text.first : nil
        }

        func run() throws {
            do {
                var options = ImportOptions(types: try types.map(ImportOptions.TypeMapping.init(parsing:)), idPrefix: idPrefix)
                if !noBundled { options.reservedIDs = Set(try Gazetteer.bundled().entities.map(\.id)) }
                let urls = files.map { URL(fileURLWithPath: $0) }
                let imported: ImportedGazetteer
                switch format {
                case .spacy:
                    let attribute = phraseMatcherAttr.flatMap { SpacyPatternImporter.PhraseAttribute(rawValue: $0.uppercased()) } ?? .orth
                    imported = try SpacyPatternImporter(options: options, phraseAttribute: attribute).importFiles(urls)
                case .gate:
                    let character = separator.flatMap(Self.separatorCharacter) ?? ":"
                    imported = try GATEGazetteerImporter(options: options, featureSeparator: character, caseInsensitive: caseInsensitive).importFiles(urls)
                case .petrarch:
                    imported = try PetrarchActorImporter(options: options).importFiles(urls)
                }
                for warning in imported.warnings { Console.error("warning: \(warning)") }
                for key in imported.unusedTypeMappings {
                    Console.error("warning: --type \(key)=… decided the type of no entry; check the label's spelling in the files.")
                }
                let warningCount = imported.warnings.count + imported.unusedTypeMappings.count
                if strict && warningCount > 0 {
                    throw ActorGraphError(.malformedImport, "\(counted(warningCount, "warning")) with --strict; nothing was written.")
                }
                let header = ["Imported by actorgraph gazetteer import --from \(format.rawValue), from: " + files.joined(separator: ", ")]
                let text = try imported.gazetteerText(header: header)
                if let output {
                    try OutputFile.write(Data(text.utf8), to: output, example: "imported.gaz")
                } else {
                    Console.write(text)
                }
                let aliases = imported.entities.reduce(0) { $0 + $1.aliases.count }
                var summary = "imported \(counted(imported.entities.count, "entity", plural: "entities")) (\(counted(aliases, "alias", plural: "aliases"))) from \(counted(imported.entriesRead, "entry", plural: "entries"))"
                if imported.entriesLeftOut > 0 {
                    summary += "; \(imported.entriesLeftOut) not imported"
                    if imported.entriesSkipped > 0 { summary += " (\(imported.entriesSkipped) by =skip)" }
                }
                summary += "; " + counted(warningCount, "warning")
                Console.error(summary)
            } catch {
                throw fail(error)
            }
        }
    }
}
