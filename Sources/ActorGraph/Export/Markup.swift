import Foundation

/// Escaping and number formatting shared by the SVG and HTML writers, so
/// that any text a document holds comes out as text, never as markup.
enum Markup {
    /// `text` escaped for HTML element content and quoted attribute values.
    ///
    /// `&`, `<`, `>`, `"` and `'` become references; a carriage return and
    /// the other C0 controls but tab and line feed become numeric references,
    /// which an HTML parser turns back into the same character (raw, a
    /// parser would fold CR LF into LF). U+0000 becomes U+FFFD, as every HTML
    /// parser would make it anyway.
    static func html(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\u{0}": result += "\u{FFFD}"
            case "\u{1}" ... "\u{1F}": result += "&#\(scalar.value);"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` escaped for XML 1.0 (SVG, GraphML): like ``html(_:)``, but tab,
    /// line feed and carriage return become numeric references (an XML parser
    /// would turn them into spaces inside an attribute value), and characters
    /// XML cannot hold even as references (the other C0 controls, U+FFFE,
    /// U+FFFF) become U+FFFD.
    static func xml(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result += "&#\(scalar.value);"
            case "\u{0}" ... "\u{1F}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `value` with one decimal, `-` only when negative after rounding: the
    /// same bytes on every machine, whatever the locale.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// `value` as JSON that can sit inside a `<script>` element of HTML or
    /// XML: `<`, `>` and `&` are written as `\u` escapes, so no text can end
    /// the element or start markup.
    static func scriptJSON<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let json = String(data: data, encoding: .utf8) else { return "{}" }
        var result = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The number of columns `text` takes in a proportional sans-serif font,
    /// in units of an average Latin letter: wide (East Asian, emoji) characters count two.
    static func columns(_ text: String) -> Int {
        text.reduce(0) { total, character in
            guard let scalar = character.unicodeScalars.first else { return total }
            let wide = scalar.properties.isEmojiPresentation || (0x1100 ... 0x115F).contains(scalar.value) || (0x2E80 ... 0xA4CF).contains(scalar.value)
                || (0xAC00 ... 0xD7A3).contains(scalar.value) || (0xF900 ... 0xFAFF).contains(scalar.value)
                || (0xFF00 ... 0xFF60).contains(scalar.value) || (0x20000 ... 0x3FFFD).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }

    /// `text` cut to at most `limit` columns, with an ellipsis when cut.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard columns(text) > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let width = columns(String(character))
            if used + width > limit - 1 { break }
            result.append(character)
            used += width
        }
        return result + "…"
    }

    /// `text` on one line: line breaks and tabs become spaces.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
