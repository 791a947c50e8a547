/// Text made safe for a one-line message.
package enum OneLine {
    /// `message` with every control character and line break shown as `<U+000B>`:
    /// messages quote the input (an alias, a document id), which may hold them,
    /// and must stay one line.
    package static func printable(_ message: String) -> String {
        var shown = ""
        for scalar in message.unicodeScalars {
            if (scalar.value < 0x20 && scalar != "\t") || (0x7F ... 0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                shown += "<" + codePoint(scalar) + ">"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// `scalar` as Unicode writes its code point: `U+0009`, `U+1F600`.
    package static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
