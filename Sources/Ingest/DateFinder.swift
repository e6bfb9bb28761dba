import Situation

/// A date expression in a sentence, resolved against the publication date.
public struct DateMention: Sendable, Equatable {
    public enum Precision: String, Sendable { case day, range, approximate }
    /// Code points of the expression in the article.
    public let start: Int
    public let end: Int
    /// Tokens of the expression.
    public let tokens: Range<Int>
    public let date: Day
    public let dateEnd: Day?
    public let precision: Precision
    /// History the article recalls (an earlier year, "last year"): not an event of the report.
    public let isBackground: Bool
    /// A cumulative count up to publication ("since December"): `date` is the publication date.
    public let since: Day?
}

/// Finds date expressions (explicit dates, weekdays, relative words) in the four languages.
public struct DateFinder: Sendable {
    let lexicon: Lexicon
    /// How far back a date may lie and still be news rather than background.
    public var newsDays = 45

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// The date expressions of tokens `range`. `future` (the sentence speaks of what will
    /// happen) resolves a bare weekday forward instead of back.
    /// `modalEnds`: token positions where a future/modal cue ends; a weekday within six words
    /// after one ("will arrive on Saturday") resolves forward.
    public func find(in article: ArticleText, _ range: Range<Int>, published pub: Day, lang: String?,
                     future: Bool = false, modalEnds: [Int] = []) -> [DateMention] {
        let toks = article.tokens
        var out: [DateMention] = []
        var used = Set<Int>()
        let matches = lexicon.dates.matches(in: toks, range, lang: lang)
        func mention(_ a: Int, _ b: Int, _ d: Day, end: Day? = nil, _ p: DateMention.Precision,
                     background: Bool = false, since: Day? = nil) {
            let bg = background || pub.days(since: end ?? d) > newsDays
            out.append(DateMention(start: toks[a].start, end: toks[b - 1].end, tokens: a..<b, date: d, dateEnd: end,
                                   precision: p, isBackground: bg, since: since))
            for k in a..<b { used.insert(k) }
        }
        func number(_ k: Int) -> Int? {
            guard range.contains(k) else { return nil }
            return DateFinder.leadingInt(toks[k])
        }
        func isYear(_ k: Int) -> Int? {
            guard let n = number(k), toks[k].kind == .number, (1900...2100).contains(n) else { return nil }
            return n
        }
        // "since December", "since the beginning of December", "Aralık'tan beri" (after).
        let sinceAt = Set(matches.filter { $0.key == "since" }.flatMap { m in [m.start - 1, m.start - 2] + Array(m.end...(m.end + 4)) })
        for m in matches {
            let key = m.key
            if key.hasPrefix("month=") {
                guard let month = Int(key.dropFirst(6)) else { continue }
                var a = m.start, b = m.end
                // Arabic pairs the Levantine and the international name: شباط/فبراير.
                if b + 1 < range.upperBound, toks[b].text == "/", matches.contains(where: { $0.start == b + 1 && $0.key == key }) {
                    b += 2
                }
                var day: Int?
                if let d = number(a - 1), (1...31).contains(d), toks[a - 1].kind != .number || toks[a - 1].text.count <= 2 {
                    day = d; a -= 1
                } else if let d = number(a - 2), (1...31).contains(d), ["de", "من"].contains(toks[a - 1].folded) {
                    day = d; a -= 2
                } else if let d = number(b), (1...31).contains(d), toks[b].text.count <= 4 {
                    day = d; b += 1
                    if b < range.upperBound, toks[b].text == "." { b += 1 }
                }
                var year: Int?
                for k in [b, b + 1] where year == nil {
                    if let y = isYear(k) { year = y; b = k + 1 }
                }
                if let day {
                    let y = year ?? DateFinder.inferYear(month: month, day: day, published: pub)
                    guard let d = DateFinder.day(y, month, day) else { continue }
                    if sinceAt.contains(a) || sinceAt.contains(a - 1), year == nil || y == DateFinder.components(pub).year
                        || pub.days(since: d) <= 100 {
                        // "since December 1": a running count from that day to publication.
                        out.append(DateMention(start: toks[a].start, end: toks[b - 1].end, tokens: a..<b, date: d, dateEnd: pub,
                                               precision: .range, isBackground: false, since: d))
                        for k in a..<b { used.insert(k) }
                    } else {
                        mention(a, b, d, .day)
                    }
                } else if let year {
                    guard let d = DateFinder.day(year, month, 1) else { continue }
                    mention(a, b, d, .approximate)
                } else if matches.contains(where: { $0.key == "inmonth" && $0.end == a }),
                          let first = DateFinder.day(DateFinder.inferYear(month: month, day: 1, published: pub), month, 1),
                          pub.days(since: first) <= 100 {
                    // "in December": that month, up to the publication date at the latest.
                    let nextMonth = first.adding(days: 32)
                    let last = DateFinder.day(nextMonth.components.year, nextMonth.components.month, 1)?.adding(days: -1) ?? first
                    out.append(DateMention(start: toks[a].start, end: toks[b - 1].end, tokens: a..<b, date: first,
                                           dateEnd: min(last, pub), precision: .range, isBackground: false, since: nil))
                    for k in a..<b { used.insert(k) }
                } else if sinceAt.contains(a) || sinceAt.contains(a - 1) {
                    let y = DateFinder.inferYear(month: month, day: 1, published: pub)
                    guard let d = DateFinder.day(y, month, 1) else { continue }
                    out.append(DateMention(start: toks[a].start, end: toks[b - 1].end, tokens: a..<b, date: d, dateEnd: pub,
                                           precision: .range, isBackground: false, since: d))
                    for k in a..<b { used.insert(k) }
                }
            } else if key.hasPrefix("weekday=") {
                guard let wd = Int(key.dropFirst(8)) else { continue }
                let back = (DateFinder.weekday(pub) - wd + 7) % 7
                let ahead = future || modalEnds.contains { $0 <= m.start && m.start - $0 <= 6 }
                let d = ahead ? pub.adding(days: back == 0 ? 7 : 7 - back) : pub.adding(days: -back)
                if sinceAt.contains(m.start) {
                    mention(m.start, m.end, d, end: pub, .range)
                } else {
                    mention(m.start, m.end, d, .day)
                }
            } else if key.hasPrefix("offset="), let n = Int(key.dropFirst(7)) {
                mention(m.start, m.end, pub.adding(days: n), .day)
            } else if key.hasPrefix("range=") {
                let parts = key.dropFirst(6).components(separatedBy: "..").compactMap { Int($0) }
                guard parts.count == 2 else { continue }
                mention(m.start, m.end, pub.adding(days: parts[0]), end: pub.adding(days: parts[1]), .range)
            } else if key == "week=this" || key == "week=last" {
                let monday = pub.adding(days: -(DateFinder.weekday(pub) - 1))
                if key == "week=this" {
                    mention(m.start, m.end, monday, end: max(monday, pub.adding(days: -1)), .range)
                } else {
                    mention(m.start, m.end, monday.adding(days: -7), end: monday.adding(days: -1), .range)
                }
            } else if key == "thismonth" || key == "lastmonth" {
                let c = pub.components
                guard let first = DateFinder.day(c.year, c.month, 1) else { continue }
                if key == "thismonth" {
                    mention(m.start, m.end, first, end: max(first, pub.adding(days: -1)), .range)
                } else {
                    let prevLast = first.adding(days: -1)
                    guard let prevFirst = DateFinder.day(prevLast.components.year, prevLast.components.month, 1) else { continue }
                    mention(m.start, m.end, prevFirst, end: prevLast, .range)
                }
            } else if key == "approx" {
                mention(m.start, m.end, pub, .approximate)
            } else if key == "background" {
                mention(m.start, m.end, pub, .approximate, background: true)
            }
        }
        // ISO dates, day/month/year, and bare years (history when earlier than the report).
        for k in range where !used.contains(k) {
            let t = toks[k]
            if t.kind == .word, t.text.count == 10, let d = Day(t.text) {
                mention(k, k + 1, d, .day); continue
            }
            if t.kind == .number, k + 4 < range.upperBound, toks[k + 1].text == "/", toks[k + 3].text == "/",
               let a = number(k), let b = number(k + 2), let y = number(k + 4), (1900...2100).contains(y) {
                let (dd, mm) = lang == "en" && a <= 12 ? (b, a) : (a, b)
                if let d = DateFinder.day(y, mm, dd) { mention(k, k + 5, d, .day) }
                continue
            }
            if let y = isYear(k), y < DateFinder.components(pub).year, !(k + 1 < range.upperBound && toks[k + 1].kind == .word
                    && lexicon.figures.matches(in: toks, (k + 1)..<(k + 2), lang: lang).contains { $0.key.hasPrefix("unit=") }) {
                guard let d = DateFinder.day(y, 1, 1) else { continue }
                mention(k, k + 1, d, .approximate, background: true)
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    static func leadingInt(_ t: Token) -> Int? {
        let digits = t.folded.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        // 7th, 1er, 1st, 7'si: an ordinal suffix is fine, other letters are not a day.
        let rest = t.folded.dropFirst(digits.count)
        guard rest.isEmpty || ["st", "nd", "rd", "th", "er", "e", "eme"].contains(rest) || rest.hasPrefix("'")
                || t.kind == .number else { return nil }
        if t.kind == .number, t.folded.contains(",") || t.folded.contains(".") { return nil }
        return Int(digits)
    }

    /// The year that puts day/month closest to publication, never more than a week after it.
    static func inferYear(month: Int, day: Int, published pub: Day) -> Int {
        let y = components(pub).year
        if let d = DateFinder.day(y, month, day), d.days(since: pub) > 7 { return y - 1 }
        return y
    }

    static func components(_ d: Day) -> (year: Int, month: Int, day: Int) { d.components }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day? {
        Day(String(format: "%04d-%02d-%02d", y, m, d))
    }

    /// 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday.
    static func weekday(_ d: Day) -> Int { ((d.ordinal % 7) + 7 + 3) % 7 + 1 }
}
