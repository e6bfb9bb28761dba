import Foundation
import Geo

/// Picks one place per span from the places that share its name, by what else the text names.
///
/// Each candidate scores a prior (kind and rank: a city over a village of the same name; a
/// province when the text says "province"/"countryside"), a bonus for lying in the theatre,
/// and a bonus for lying near the places the other names of the text most likely are
/// (CLAVIN/Mordecai: the places of one article cluster). Two rounds: priors first, then
/// context from the first round's picks. Confidence is the winner's share of the scores,
/// times how well the words matched; a winner far from everything else is marked unsure.
///
/// Spans that matched the same places with the same cue are decided once: an article names
/// Idlib forty times, and each time is the same decision.
struct Disambiguator {
    let places: [NamedPlace]
    let focus: LonLat

    enum Cue: Hashable { case none, province, city, site }

    struct Choice { let place: Int; let confidence: Double; let alternatives: [Int] }

    private struct Group: Hashable { let places: [Int]; let cue: Cue }

    func choose(_ spans: [(span: Span, cue: Cue)]) -> [Choice] {
        // Distinct decisions, and for each the spans' match quality (the best of them).
        var groupOf: [Group: Int] = [:]
        var groups: [Group] = []
        var quality: [Double] = []
        var spanGroup: [Int] = []
        for s in spans {
            let g = Group(places: s.span.places, cue: s.cue)
            if let i = groupOf[g] {
                spanGroup.append(i)
                quality[i] = max(quality[i], s.span.quality.rawValue)
            } else {
                groupOf[g] = groups.count
                spanGroup.append(groups.count)
                groups.append(g)
                quality.append(s.span.quality.rawValue)
            }
        }
        let priors = groups.map { g in g.places.map { prior($0, g.cue) } }
        var picks = priors.indices.map { gi in priors[gi].indices.max { priors[gi][$0] < priors[gi][$1] }.map { groups[gi].places[$0] } ?? -1 }
        var scores = priors
        for _ in 0..<2 {
            var next = picks
            for gi in groups.indices {
                let context = contextPoints(picks, groups: groups, except: gi)
                let sc = groups[gi].places.indices.map { priors[gi][$0] + near(groups[gi].places[$0], context) }
                scores[gi] = sc
                if let best = sc.indices.max(by: { sc[$0] < sc[$1] }) { next[gi] = groups[gi].places[best] }
            }
            picks = next
        }
        let choices: [Choice] = groups.indices.map { gi in
            let ranked = zip(groups[gi].places, scores[gi]).sorted { $0.1 > $1.1 }
            let top = ranked.first?.1 ?? 0
            // Softmax share with a temperature that makes a 1.5-point lead about 90 %.
            let total = ranked.reduce(0.0) { $0 + exp(($1.1 - top) * 1.5) }
            var conf = (1 / total) * quality[gi]
            let pick = picks[gi]
            guard pick >= 0 else { return Choice(place: -1, confidence: 0, alternatives: []) }
            let p = places[pick]
            if !p.isArea && p.kind != .capital && p.rank < 5 {
                let context = contextPoints(picks, groups: groups, except: gi)
                let d = min(context.map { Self.km(p.location, $0) }.min() ?? .infinity, Self.km(focus, p.location))
                if d > 150 { conf *= 0.5 }
            }
            let alts = ranked.dropFirst().filter { $0.1 > top - 4 }.prefix(5).map(\.0)
            return Choice(place: pick, confidence: conf, alternatives: Array(alts))
        }
        return spanGroup.map { choices[$0] }
    }

    /// Kind and size: what a bare name most likely means.
    func prior(_ i: Int, _ cue: Cue) -> Double {
        let p = places[i]
        var s: Double
        switch p.kind {
        case .country: s = 3.2
        case .capital: s = 3.0
        case .province: s = 1.8
        case .road: s = 3.0
        // A post shares its town's name ("Atarib"): the town, unless the text says "post".
        case .site: s = 0.4
        case .airbase, .crossing, .base: s = 1.0
        case .city: s = 2.4
        default: s = [0: 0.3, 1: 0.3, 2: 0.6, 3: 1.0, 4: 1.5, 5: 2.4][p.rank] ?? 0.6
        }
        s += min(0.6, log10(Double(max(p.population, 1))) / 10)
        switch cue {
        case .province: if p.kind == .province { s += 4 }
        case .city: if p.kind != .province && p.kind != .country { s += 1 }
        case .site: if p.kind == .site || p.kind == .base || p.kind == .airbase { s += 2 }
        case .none: break
        }
        // Near the theatre's focus place (theatre.yaml geoparse_focus).
        if Self.km(p.location, focus) < 160 { s += 0.8 }
        return s
    }

    /// Up to 2 points for a candidate near the places the rest of the text names.
    func near(_ i: Int, _ context: [LonLat]) -> Double {
        guard !context.isEmpty else { return 0 }
        let p = places[i]
        if p.isArea { return 0 }
        let d = context.map { Self.km($0, p.location) }.min() ?? .infinity
        return 2 * exp(-d / 40)
    }

    /// The places the other names of the text were given; a name the text repeats is no
    /// evidence for itself, and countries, provinces, roads and far capitals say little about
    /// which village is meant.
    private func contextPoints(_ picks: [Int], groups: [Group], except gi: Int) -> [LonLat] {
        var seen = Set<Int>()
        var out: [LonLat] = []
        for (g, p) in picks.enumerated() where g != gi && p >= 0 && groups[g].places != groups[gi].places {
            let q = places[p]
            if q.isArea || q.kind == .road { continue }
            if q.kind == .capital && Self.km(q.location, focus) > 300 { continue }
            if seen.insert(p).inserted { out.append(q.location) }
        }
        return out
    }

    /// Equirectangular distance: exact enough (well under 1 % at these ranges) to weigh
    /// candidates, and cheap enough to call for every pair.
    static func km(_ a: LonLat, _ b: LonLat) -> Double {
        let rad = Double.pi / 180
        let x = (b.lon - a.lon) * rad * cos((a.lat + b.lat) / 2 * rad)
        let y = (b.lat - a.lat) * rad
        return 6371.0 * (x * x + y * y).squareRoot()
    }
}
