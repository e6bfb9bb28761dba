import Foundation

/// Reads the roles of a sentence's places from the words round them: origin ("from",
/// "left", Hatay'dan), destination ("towards", "into", İdlib'e), relative positions ("west of",
/// "15 km south-east of", "between A and B", "the highway linking A to B", "on the M4").
public struct PlaceRoleReader: Sendable {
    let lexicon: Lexicon

    /// Words that may stand between a role cue and the place ("towards the town of Binnish"):
    /// the `filler` cues of Lexicon/places.tsv.
    let fillers: Set<String>

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        fillers = Set(lexicon.places.cues.filter { $0.key == "filler" }.map { Folding.fold($0.text) })
    }

    public func read(_ article: ArticleText, _ range: Range<Int>, places: [PlaceSpan], lang: String?) -> (places: [RoledPlace], roads: [String]) {
        let toks = article.tokens
        let cues = lexicon.places.matches(in: toks, range, lang: lang)
        // Token index of each place's first and last token.
        func tokenRange(_ p: PlaceSpan) -> Range<Int>? {
            guard let a = range.first(where: { toks[$0].end > p.start }),
                  let b = range.last(where: { toks[$0].start < p.end }), a <= b else { return nil }
            return a..<(b + 1)
        }
        var roads: [String] = []
        for t in toks[range] {
            let f = t.folded.replacingOccurrences(of: "-", with: "")
            if ["m4", "m5"].contains(f) { let r = f.uppercased(); if !roads.contains(r) { roads.append(r) } }
        }
        let spans = places.compactMap { p in tokenRange(p).map { (p, $0) } }
        var out: [RoledPlace] = []
        var partnerOf: [Int: Int] = [:]   // index in spans → index of the first place of a pair
        for (i, (p, r)) in spans.enumerated() {
            var role = PlaceRole.at
            var relation = "at"
            var km: Double?
            // The cue ending just before the place, skipping filler words.
            var k = r.lowerBound
            while k > range.lowerBound, fillers.contains(toks[k - 1].folded) { k -= 1 }
            let before = cues.last { $0.end == k || $0.end == r.lowerBound }
            if let c = before {
                switch c.key {
                case "from": role = .from
                case "to": role = .to
                case "via": role = .via
                case let d where d.hasSuffix("-of"):
                    relation = d
                    // "15 km south-east of": the distance before the direction.
                    if c.start >= 2, cues.contains(where: { $0.key == "km" && $0.end == c.start }),
                       let v = FigureFinder.digits(toks[c.start - 2].folded) { km = v }
                    else if c.start >= 1, let v = FigureFinder.digitsPrefix(toks[c.start - 1].folded) { km = v }
                    if c.start >= 2, cues.contains(where: { $0.key == "mi" && $0.end == c.start }),
                       let v = FigureFinder.digits(toks[c.start - 2].folded) { km = v * 1.609 }
                default: break
                }
            }
            // Turkish case endings on the name itself: Hatay'dan (from), İdlib'e (to).
            if lang == "tr", let last = r.last, toks[last].end > p.end {
                let suffix = article.slice(p.end, toks[last].end).lowercased()
                    .trimmingCharacters(in: CharacterSet(charactersIn: "'’"))
                if ["dan", "den", "tan", "ten"].contains(where: { suffix.hasPrefix($0) }) { role = .from }
                else if ["a", "e", "ya", "ye", "na", "ne"].contains(suffix) { role = .to }
            }
            // Turkish and Arabic put the direction after the name: Sarmin'in batısında, غرب سرمين is before.
            if lang == "tr", let d = cues.first(where: { $0.start == r.upperBound && $0.key.hasSuffix("-of") }) {
                relation = d.key
            }
            // "between A and B", "linking A to B": the second place is A's partner.
            if i > 0, partnerOf[i - 1] == nil, spans[i - 1].1.upperBound <= r.lowerBound {
                let (prev, pr) = spans[i - 1]
                let gap = pr.upperBound..<r.lowerBound
                let joined = gap.count <= 4 && cues.contains { $0.key == "and" && gap.contains($0.start) }
                    || (lang == "tr" && gap.count <= 2 && cues.contains { $0.key == "and" && gap.contains($0.start) })
                var kk = pr.lowerBound
                while kk > range.lowerBound, fillers.contains(toks[kk - 1].folded) { kk -= 1 }
                let opener = cues.last { $0.key == "between" && ($0.end == kk || $0.end == pr.lowerBound) }
                let trBetween = lang == "tr" && cues.contains { $0.key == "between" && $0.start == r.upperBound }
                if joined, opener != nil || trBetween {
                    partnerOf[i] = i - 1
                    let isRoad = cues.contains { c in c.key == "road" && c.end <= pr.lowerBound && pr.lowerBound - c.end <= 4 }
                        || opener?.cue.text == "linking" || opener?.cue.text == "connecting"
                    if var first = out.popLast() {
                        first.relation = isRoad ? "on-road" : "between"
                        first.partner = p
                        first.role = .at
                        out.append(first)
                        _ = prev
                    }
                    continue
                }
            }
            out.append(RoledPlace(span: p, role: role, relation: relation, offsetKm: km, partner: nil, road: nil))
        }
        return (out, roads)
    }
}
