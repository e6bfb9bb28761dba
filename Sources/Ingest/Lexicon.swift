import Foundation
import Geo

/// One word of a cue: exact, a prefix (`reinforc*`), a suffix (`*acak`), a gap of one to
/// three words (`*`), or `NAME`: one capitalised word of the text (a province, a person).
enum CueWord: Sendable, Equatable {
    case exact(String), prefix(String), suffix(String), gap, name

    init(_ w: String) {
        if w == "*" { self = .gap } else if w.hasSuffix("*") { self = .prefix(String(w.dropLast())) }
        else if w.hasPrefix("*") { self = .suffix(String(w.dropFirst())) } else { self = .exact(w) }
    }

    func matches(_ t: Token) -> Bool {
        switch self {
        case .exact(let s): return t.forms.contains(s)
        case .prefix(let p): return t.forms.contains { $0.hasPrefix(p) }
        case .suffix(let s): return t.kind == .word && t.forms[0].count > s.count + 1 && t.forms[0].hasSuffix(s)
        case .gap: return true
        case .name:
            guard t.kind == .word, t.text.unicodeScalars.count >= 3, let c = t.text.unicodeScalars.first else { return false }
            return c.properties.isUppercase
        }
    }
}

/// A cue of the lexicon: its words, what it means (`key`) and its language.
public struct Cue: Sendable {
    public let lang: String
    public let key: String
    public let text: String
    let words: [CueWord]
    /// How specific the cue is: longer and exact cues say more than a prefix.
    var weight: Int {
        words.reduce(0) { s, w in
            switch w { case .exact: return s + 3; case .prefix, .suffix, .name: return s + 2; case .gap: return s }
        }
    }
}

/// Where a cue matched: tokens `start..<end` of the article.
public struct CueMatch: Sendable {
    public let cue: Cue
    public let start: Int
    public let end: Int
    public var key: String { cue.key }
}

/// A set of cues (one lexicon file), indexed by first word for speed.
public struct CueSet: Sendable {
    public let cues: [Cue]
    private var exact: [String: [Int]] = [:]
    private var prefix2: [String: [Int]] = [:]
    private var other: [Int] = []

    public init(_ cues: [Cue]) {
        self.cues = cues
        for (i, c) in cues.enumerated() {
            switch c.words.first {
            case .exact(let s)?: exact[s, default: []].append(i)
            case .prefix(let p)? where p.count >= 2: prefix2[String(p.prefix(2)), default: []].append(i)
            default: other.append(i)
            }
        }
    }

    /// Every match in tokens `range`, for the languages given (`*` cues always apply), longest
    /// first, overlaps removed.
    public func matches(in tokens: [Token], _ range: Range<Int>, lang: String?) -> [CueMatch] {
        var found: [CueMatch] = []
        // Each cue is tried once per token: `stamp` remembers the token it was last tried at.
        var stamp = [Int](repeating: -1, count: cues.count)
        func attempt(_ ci: Int, _ i: Int) {
            guard stamp[ci] != i else { return }
            stamp[ci] = i
            let c = cues[ci]
            if let lang, c.lang != "*", c.lang != lang { return }
            if let end = match(c.words[...], tokens, i, range.upperBound) {
                found.append(CueMatch(cue: c, start: i, end: end))
            }
        }
        for i in range {
            for ci in other { attempt(ci, i) }
            guard tokens[i].kind != .punctuation || tokens[i].text == "/" else { continue }
            for f in tokens[i].forms {
                for ci in exact[f] ?? [] { attempt(ci, i) }
                if f.utf8.count >= 2, let list = prefix2[String(f.prefix(2))] { for ci in list { attempt(ci, i) } }
            }
        }
        // Longest, then most specific, first; drop matches overlapping a better one.
        found.sort { ($0.end - $0.start, $0.cue.weight, -$0.start) > ($1.end - $1.start, $1.cue.weight, -$1.start) }
        guard found.count > 1 else { return found }
        let base = range.lowerBound
        var taken = [Bool](repeating: false, count: range.count + 1)
        var kept: [CueMatch] = []
        for m in found where !(m.start..<m.end).contains(where: { taken[$0 - base] }) {
            for k in m.start..<m.end { taken[k - base] = true }
            kept.append(m)
        }
        return kept.sorted { $0.start < $1.start }
    }

    private func match(_ words: ArraySlice<CueWord>, _ tokens: [Token], _ i: Int, _ limit: Int) -> Int? {
        guard let w = words.first else { return i }
        guard i < limit else { return nil }
        if w == .gap {
            for skip in 1...3 where i + skip <= limit {
                if let e = match(words.dropFirst(), tokens, i + skip, limit) { return e }
            }
            return nil
        }
        guard w.matches(tokens[i]) else { return nil }
        return match(words.dropFirst(), tokens, i + 1, limit)
    }
}

/// The multilingual cues ingest reads news by: the language cues of `Lexicon/` (shared by every
/// theatre), each file extended by the theatre's own `Reading/` file of the same name (its actors,
/// sources, capitals…), and the theatre's parties (`Reading/parties.tsv`).
public struct Lexicon: Sendable {
    public let events: CueSet
    public let actors: CueSet
    public let sources: CueSet
    public let reporting: CueSet
    public let dates: CueSet
    public let numbers: CueSet
    public let figures: CueSet
    public let places: CueSet
    public let stopwords: CueSet
    public var parties = Parties()

    /// The languages a cue may be written for (`*`: every language).
    public static let languages = ["en", "ar", "fr", "tr", "uk", "ru"]

    /// `directory`: the shared `Lexicon/`; `theatre`: the theatre's `Reading/` folder (nil: none).
    /// A file missing from both is an empty set (a theatre without actors reads none).
    public static func load(directory: URL, theatre: URL? = nil) throws -> Lexicon {
        func set(_ name: String) throws -> CueSet {
            var cues: [Cue] = []
            var found = false
            for dir in [directory] + (theatre.map { [$0] } ?? []) {
                let url = dir.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                let text: String
                do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                    throw DataError(file: url.relativeDisplay, "cannot read the lexicon file (not UTF-8?)", fix: "save it as UTF-8")
                }
                cues += try parse(text, file: url.relativeDisplay)
                found = true
            }
            if !found && ["events.tsv", "dates.tsv", "reporting.tsv", "numbers.tsv", "figures.tsv", "places.tsv", "stopwords.tsv"].contains(name) {
                throw DataError(file: directory.appendingPathComponent(name).relativeDisplay, "cannot read the lexicon file",
                                fix: "run from the project folder or pass --data DIR holding Lexicon/")
            }
            return CueSet(cues)
        }
        var lex = Lexicon(events: try set("events.tsv"), actors: try set("actors.tsv"), sources: try set("sources.tsv"),
                          reporting: try set("reporting.tsv"), dates: try set("dates.tsv"), numbers: try set("numbers.tsv"),
                          figures: try set("figures.tsv"), places: try set("places.tsv"), stopwords: try set("stopwords.tsv"))
        if let theatre { lex.parties = try Parties.load(theatre.appendingPathComponent("parties.tsv")) }
        return lex
    }

    static func parse(_ text: String, file: String) throws -> [Cue] {
        var out: [Cue] = []
        for (line, f) in tsvRows(text) {
            if f.first == "lang" { continue }
            guard f.count >= 3, !f[2].isEmpty else {
                throw DataError(file: file, line: line, "expected lang, key and cue", fix: "separate the three columns with tabs")
            }
            let lang = String(f[0])
            guard lang == "*" || languages.contains(lang) else {
                throw DataError(file: file, line: line, "unknown language \"\(lang)\"", fix: "use \(languages.joined(separator: ", ")) or *")
            }
            // The cue is tokenized and folded exactly as article text is.
            let toks = ArticleText.tokenize(Array(String(f[2]).unicodeScalars))
            var words: [CueWord] = []
            var k = 0
            while k < toks.count {
                if toks[k].text == "NAME" { words.append(.name); k += 1; continue }
                var w = toks[k].folded
                // `word*` and `*word`: the star is its own punctuation token; glue it back.
                if w == "*" {
                    if k + 1 < toks.count, toks[k + 1].start == toks[k].end { w = "*" + toks[k + 1].folded; k += 1 }
                } else if k + 1 < toks.count, toks[k + 1].folded == "*", toks[k + 1].start == toks[k].end {
                    w += "*"; k += 1
                }
                words.append(CueWord(w))
                k += 1
            }
            out.append(Cue(lang: lang, key: String(f[1]), text: String(f[2]), words: words))
        }
        return out
    }
}
