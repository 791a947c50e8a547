import Foundation
import Testing

/// JSON Lines input of `actorgraph extract`: a line that is not a usable
/// document is an error record naming its column, a key that is a field in
/// other capitals is a warning, and the other documents always come out.
@Suite(.serialized) struct JSONLinesInputTests {
    /// One input line, the output line it gives, and what it says on stderr.
    struct Case: CustomTestStringConvertible {
        var input: String
        var output: String
        var messages: [String] = []
        var testDescription: String { input.count > 60 ? String(input.prefix(60)) + "…" : input }
    }

    /// The graph of a document whose text is "x".
    private static func graph(_ id: String, date: String? = nil) -> String {
        let dated = date.map { "\"date\":\"\($0)\"," } ?? ""
        return #"{"actors":[],"document":{\#(dated)"id":"\#(id)","length":1},"events":[],"relations":[],"schema":"actorgraph/1"}"#
    }

    /// Runs `cases` in one process, between two good documents, as a pipeline
    /// gives them, and expects each line's output and messages; `N` in them
    /// stands for the line's number.
    private func expect(_ cases: [Case], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let all = [Case(input: #"{"id":"first","text":"x"}"#, output: Self.graph("first"))] + cases
            + [Case(input: #"{"id":"last","text":"x","date":"2021-07-27"}"#, output: Self.graph("last", date: "2021-07-27"))]
        let input = all.map(\.input).joined(separator: "\n") + "\n"
        let result = try CommandLine_.run(["extract", "--format", "jsonl"], stdin: Data(input.utf8))
        let outputs = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(outputs.count == all.count, sourceLocation: sourceLocation)
        var messages: [String] = []
        for (index, (wanted, output)) in zip(all, outputs).enumerated() {
            let number = String(index + 1)
            #expect(String(output) == wanted.output.replacingOccurrences(of: "\"line\":N", with: "\"line\":\(number)"),
                    "\(wanted.testDescription)", sourceLocation: sourceLocation)
            messages += wanted.messages.map { "actorgraph: " + $0.replacingOccurrences(of: "<stdin>:N", with: "<stdin>:\(number)") }
        }
        let failed = all.filter { $0.output.contains("\"error\":") }.count
        if failed > 0 { messages.append("actorgraph: \(failed) of \(all.count) documents failed") }
        #expect(result.stderr.split(separator: "\n").map(String.init) == messages, sourceLocation: sourceLocation)
        #expect(result.status == (failed > 0 ? 1 : 0), sourceLocation: sourceLocation)
    }

    @Test func aTrailingCommaIsAnErrorAtTheComma() throws {
        try expect([
            Case(input: #"{"id":"comma","text":"x",}"#,
                 output: #"{"error":"Malformed JSON: a comma before \"}\"; remove the trailing comma.","id":"comma","line":N,"column":25}"#,
                 messages: [#"error: <stdin>:N:25: Malformed JSON: a comma before "}"; remove the trailing comma."#]),
            Case(input: #"{"id":"list","text":"x","tags":["a",]}"#,
                 output: #"{"error":"Malformed JSON: a comma before \"]\"; remove the trailing comma.","id":"list","line":N,"column":36}"#,
                 messages: [#"error: <stdin>:N:36: Malformed JSON: a comma before "]"; remove the trailing comma."#]),
        ])
    }

    @Test func aKeyGivenTwiceIsAnErrorAtTheSecond() throws {
        try expect([
            Case(input: #"{"id":"twice","text":"a","text":"b"}"#,
                 output: #"{"error":"The key \"text\" is given twice in its object; keep one.","id":"twice","line":N,"column":26}"#,
                 messages: [#"error: <stdin>:N:26: The key "text" is given twice in its object; keep one."#]),
            // Inside another key's value too: JSON that gives a key twice loses one of its values wherever it is.
            Case(input: #"{"id":"nested","text":"x","meta":{"a":1,"a":2}}"#,
                 output: #"{"error":"The key \"a\" is given twice in its object; keep one.","id":"nested","line":N,"column":41}"#,
                 messages: [#"error: <stdin>:N:41: The key "a" is given twice in its object; keep one."#]),
            // Other keys are allowed, of any kind.
            Case(input: #"{"id":"extra","text":"x","url":"https://example.org/a","meta":{"tags":["a",1,null,true]}}"#, output: Self.graph("extra")),
        ])
    }

    /// A field in other capitals is not read, with a warning: the document comes out without it.
    @Test func aFieldInOtherCapitalsIsAWarning() throws {
        try expect([
            Case(input: #"{"id":"cased","text":"x","Date":"2021-07-27","Title":"t"}"#, output: Self.graph("cased"),
                 messages: [#"warning: <stdin>:N:26: the key "Date" is not read; did you mean "date"?"#]),
            Case(input: #"{"id":"upper","TEXT":"x"}"#,
                 output: #"{"error":"The line has no \"text\" string; add the article's text.","id":"upper","line":N}"#,
                 messages: [#"warning: <stdin>:N:15: the key "TEXT" is not read; did you mean "text"?"#,
                            #"error: <stdin>:N: The line has no "text" string; add the article's text."#]),
        ])
    }

    /// Each string problem says what is wrong, where. Columns count characters, not bytes.
    @Test func stringProblemsSayWhatIsWrong() throws {
        try expect([
            Case(input: "{\"id\":\"tab\",\"text\":\"a\tb\"}",
                 output: #"{"error":"Malformed JSON: the control character U+0009 inside a string; write it as \\t.","id":"tab","line":N,"column":22}"#,
                 messages: [#"error: <stdin>:N:22: Malformed JSON: the control character U+0009 inside a string; write it as \t."#]),
            Case(input: "{\"id\":\"é\",\"text\":\"ü\u{0}\"}",
                 output: #"{"error":"Malformed JSON: the control character U+0000 inside a string; write it as \\u0000.","id":"é","line":N,"column":20}"#,
                 messages: [#"error: <stdin>:N:20: Malformed JSON: the control character U+0000 inside a string; write it as \u0000."#]),
            Case(input: #"{"id":"escape","text":"a\qb"}"#,
                 output: #"{"error":"Malformed JSON: a backslash before \"q\" is not an escape; write \\\\ for a backslash.","id":"escape","line":N,"column":25}"#,
                 messages: [#"error: <stdin>:N:25: Malformed JSON: a backslash before "q" is not an escape; write \\ for a backslash."#]),
            Case(input: #"{"id":"null","text":null}"#,
                 output: #"{"error":"The \"text\" is null, not a string; write the article's text as a JSON string.","id":"null","line":N,"column":21}"#,
                 messages: [#"error: <stdin>:N:21: The "text" is null, not a string; write the article's text as a JSON string."#]),
            Case(input: #"{"id":"lone","text":"a\ud800b"}"#,
                 output: #"{"error":"Malformed JSON: \\ud800 is half of a surrogate pair, which is no character alone; write the character itself, or both halves (\\ud83d\\ude00 for U+1F600).","id":"lone","line":N,"column":23}"#,
                 messages: [#"error: <stdin>:N:23: Malformed JSON: \ud800 is half of a surrogate pair, which is no character alone; write the character itself, or both halves (\ud83d\ude00 for U+1F600)."#]),
            Case(input: #"{"id":"pair","text":"\ud83d\ude00 x\n"}"#,
                 output: #"{"actors":[],"document":{"id":"pair","length":4},"events":[],"relations":[],"schema":"actorgraph/1"}"#),
        ])
    }

    @Test func syntaxErrorsSayWhereAndWhat() throws {
        try expect([
            Case(input: #"{"id":"cut","text":"abc"#,
                 output: #"{"error":"Malformed JSON: the string that starts here has no closing quote; close it.","id":"cut","line":N,"column":20}"#,
                 messages: [#"error: <stdin>:N:20: Malformed JSON: the string that starts here has no closing quote; close it."#]),
            Case(input: #"{"id":"open","text":"x""#,
                 output: #"{"error":"Malformed JSON: expected \",\" or \"}\", found the end of the line; fix the JSON here.","id":"open","line":N,"column":24}"#,
                 messages: [#"error: <stdin>:N:24: Malformed JSON: expected "," or "}", found the end of the line; fix the JSON here."#]),
            Case(input: #"{"id":"deep","text":"x","meta":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}",
                 output: #"{"error":"Malformed JSON: nested more than 512 levels deep; flatten it.","id":"deep","line":N,"column":543}"#,
                 messages: [#"error: <stdin>:N:543: Malformed JSON: nested more than 512 levels deep; flatten it."#]),
            Case(input: #"{"id":"two","text":"x"}{"id":"three"}"#,
                 output: #"{"error":"Malformed JSON: \"{\" after the end of the top-level value; remove it.","id":"two","line":N,"column":24}"#,
                 messages: [#"error: <stdin>:N:24: Malformed JSON: "{" after the end of the top-level value; remove it."#]),
            Case(input: #"{"id":01,"text":"x"}"#,
                 output: #"{"error":"Malformed JSON: a number that starts with 0 and goes on with digits; leave out the 0, or write it as a string.","line":N,"column":7}"#,
                 messages: [#"error: <stdin>:N:7: Malformed JSON: a number that starts with 0 and goes on with digits; leave out the 0, or write it as a string."#]),
            Case(input: #"{"id":"nbsp","text":"x"}"# + "\u{A0}",
                 output: #"{"error":"Malformed JSON: the character U+00A0 after the end of the top-level value; remove it.","id":"nbsp","line":N,"column":25}"#,
                 messages: [#"error: <stdin>:N:25: Malformed JSON: the character U+00A0 after the end of the top-level value; remove it."#]),
            Case(input: "not json",
                 output: #"{"error":"The line is not a JSON object; write {\"id\": \"…\", \"text\": \"…\"}.","line":N,"column":1}"#,
                 messages: [#"error: <stdin>:N:1: The line is not a JSON object; write {"id": "…", "text": "…"}."#]),
            Case(input: #"{"text":"x","date":"2021-02-30","id":"late"}"#,
                 output: #"{"error":"\"2021-02-30\" is not a day of the calendar; check the month and the day.","id":"late","line":N,"column":20}"#,
                 messages: [#"error: <stdin>:N:20: "2021-02-30" is not a day of the calendar; check the month and the day."#]),
        ])
    }

    /// A whole number id of any size is kept as its digits; other numbers are refused, not rounded.
    @Test func numericIdsAreTheirDigits() throws {
        try expect([
            Case(input: #"{"id":12345678901234567890,"text":"x"}"#, output: Self.graph("12345678901234567890")),
            Case(input: #"{"id":-7,"text":"x"}"#, output: Self.graph("-7")),
            Case(input: #"{"id":1.0,"text":"x"}"#,
                 output: #"{"error":"The \"id\" is 1.0, not a whole number in plain digits; write it in digits only or as a string, \"1.0\".","line":N,"column":7}"#,
                 messages: [#"error: <stdin>:N:7: The "id" is 1.0, not a whole number in plain digits; write it in digits only or as a string, "1.0"."#]),
            Case(input: #"{"id":1e2,"text":"x"}"#,
                 output: #"{"error":"The \"id\" is 1e2, not a whole number in plain digits; write it in digits only or as a string, \"1e2\".","line":N,"column":7}"#,
                 messages: [#"error: <stdin>:N:7: The "id" is 1e2, not a whole number in plain digits; write it in digits only or as a string, "1e2"."#]),
        ])
    }

    /// A byte-order mark before a line is not part of it, and not counted in its columns.
    @Test func aByteOrderMarkIsNotPartOfTheLine() throws {
        try expect([
            Case(input: "\u{FEFF}{\"id\":\"bom\",\"text\":\"x\"}", output: Self.graph("bom")),
            Case(input: "\u{FEFF}{\"id\":\"bom-comma\",\"text\":\"x\",}",
                 output: #"{"error":"Malformed JSON: a comma before \"}\"; remove the trailing comma.","id":"bom-comma","line":N,"column":29}"#,
                 messages: [#"error: <stdin>:N:29: Malformed JSON: a comma before "}"; remove the trailing comma."#]),
        ])
    }

    /// In a file, messages name the file, the line and the column, as other files' messages do.
    @Test func aFieldInOtherCapitalsInAFileIsAWarningAtItsPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("docs.jsonl")
        try Data("{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"x\",\"Date\":\"2021-07-27\"}\r\n".utf8).write(to: file)
        let result = try CommandLine_.run(["extract", file.path, "--format", "jsonl"])
        #expect(result.status == 0)
        #expect(result.stdout == Self.graph("a") + "\n" + Self.graph("b") + "\n")
        #expect(result.stderr == "actorgraph: warning: \(file.path):2:22: the key \"Date\" is not read; did you mean \"date\"?\n")
    }

    @Test func aLineOfAByteOrderMarkAndSpacesIsBlank() throws {
        let input = "\u{FEFF}\n\u{FEFF}  \r\n" + #"{"id":"only","text":"x"}"# + "\n"
        let result = try CommandLine_.run(["extract", "--format", "jsonl"], stdin: Data(input.utf8))
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.stdout == Self.graph("only") + "\n")
    }
}
