/// Spans of a text turned into properly nested HTML elements, whatever
/// their overlaps, with the text between them escaped.
///
/// The rule: elements nest by containment; for identical ranges sentences
/// are outermost, then mentions, then triggers. When two spans cross (each
/// holds a part of the other), one of them is cut in pieces at the other's
/// boundaries, so that every piece nests. Which one is cut goes by kind:
/// mentions stay whole before sentences, sentences before triggers; between
/// two mentions, the one that starts later (or, from the same start, is
/// shorter) is cut. The first piece of a span has its id; later pieces carry
/// the same `data-*` attributes and the class `cont`. Spans are clamped to
/// the text; an empty span becomes an empty element. The text between the
/// tags, unescaped, is the input exactly.
struct NestedMarkup {
    /// What a span marks; the raw value orders identical ranges, outermost first.
    enum Kind: Int, Comparable {
        case sentence = 0, mention = 1, trigger = 2

        /// The order in which kinds claim the right to stay whole.
        var priority: Int {
            switch self {
            case .mention: 0
            case .sentence: 1
            case .trigger: 2
            }
        }

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A span and the tags that mark it.
    struct Span {
        var range: Range<Int>
        var kind: Kind
        /// The opening tag of the first piece.
        var open: String
        /// The opening tag of every later piece.
        var openContinued: String
        var close: String
    }

    /// A part of a span that nests with every other piece.
    struct Piece: Equatable {
        var start: Int
        var end: Int
        var span: Int
        var first: Bool
    }

    let source: SourceText
    let spans: [Span]

    /// The pieces every span is drawn as, in the order their tags open.
    /// - Complexity: O(*n* log *n*) for *n* spans, plus the boundaries that lie inside each span.
    func pieces() -> [Piece] {
        let length = source.length
        let clamped = spans.map { span -> Range<Int> in
            let lower = min(max(span.range.lowerBound, 0), length)
            return lower ..< min(max(span.range.upperBound, lower), length)
        }
        var placed: [Piece] = []
        for kind in [Kind.mention, .sentence, .trigger] {
            // Boundaries of the pieces of kinds placed before: (position, other end, is a start).
            let boundaries = placed.flatMap { [($0.start, $0.end, true), ($0.end, $0.start, false)] }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            let members = spans.indices.filter { spans[$0].kind == kind }
                .sorted { (clamped[$0].lowerBound, -clamped[$0].upperBound, $0) < (clamped[$1].lowerBound, -clamped[$1].upperBound, $1) }
            var active: [Piece] = []
            for index in members {
                let start = clamped[index].lowerBound, end = clamped[index].upperBound
                active.removeAll { $0.end <= start }
                var cuts = Set<Int>()
                var lower = 0, upper = boundaries.count
                while lower < upper {
                    let middle = (lower + upper) / 2
                    if boundaries[middle].0 <= start { lower = middle + 1 } else { upper = middle }
                }
                while lower < boundaries.count, boundaries[lower].0 < end {
                    let (position, other, isStart) = boundaries[lower]
                    if isStart ? other > end : other < start { cuts.insert(position) }
                    lower += 1
                }
                for piece in active {
                    if piece.start < start, piece.end > start, piece.end < end { cuts.insert(piece.end) }
                    if piece.start > start, piece.start < end, piece.end > end { cuts.insert(piece.start) }
                }
                let edges = [start] + cuts.sorted() + [end]
                for part in 0 ..< edges.count - 1 {
                    let piece = Piece(start: edges[part], end: edges[part + 1], span: index, first: part == 0)
                    placed.append(piece)
                    active.append(piece)
                }
            }
        }
        return placed.enumerated().sorted { first, second in
            let a = first.element, b = second.element
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end > b.end }
            if spans[a.span].kind != spans[b.span].kind { return spans[a.span].kind < spans[b.span].kind }
            return first.offset < second.offset
        }.map(\.element)
    }

    /// The text with every span's elements, escaped for HTML.
    func render() -> String {
        var out = ""
        var position = 0
        var open: [Piece] = []
        func advance(to target: Int) {
            while let top = open.last, top.end <= target {
                out += Markup.html(source.slice(position ..< top.end))
                position = max(position, top.end)
                out += spans[top.span].close
                open.removeLast()
            }
            out += Markup.html(source.slice(position ..< target))
            position = max(position, target)
        }
        for piece in pieces() {
            advance(to: piece.start)
            out += piece.first ? spans[piece.span].open : spans[piece.span].openContinued
            open.append(piece)
        }
        advance(to: source.length)
        return out
    }
}
