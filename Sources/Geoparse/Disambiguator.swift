import Foundation
import Geo

/// Picks one place per span from the places that share its name, by what else the text names.
///
/// Each candidate scores a prior (kind and rank: a city over a village of the same name; a
/// province when the text says "province"/"countryside"), a bonus for lying in the theatre,
/// and a bonus for lying near the places the other spans of the text are most likely to be
/// (CLAVIN/Mordecai: the places of one article cluster). Two rounds: priors first, then
/// context from the first round's picks. Confidence is the winner's share of the scores,
/// times how well the words matched; a winner far from everything else is marked unsure.
struct Disambiguator {
    let places: [NamedPlace]
    let focus: LonLat

    enum Cue { case none, province, city, site }

    struct Choice { let place: Int; let confidence: Double; let alternatives: [Int] }

    func choose(_ spans: [(span: Span, cue: Cue)]) -> [Choice] {
        var picks = spans.map { s in s.span.places.max { prior($0, s.cue) < prior($1, s.cue) } ?? -1 }
        var scores: [[Double]] = []
        for _ in 0..<2 {
            scores = []
            var next = picks
            for (n, s) in spans.enumerated() {
                let context = contextPoints(picks, except: n, spans: spans)
                let sc = s.span.places.map { prior($0, s.cue) + near($0, context) }
                scores.append(sc)
                if let best = sc.indices.max(by: { sc[$0] < sc[$1] }) { next[n] = s.span.places[best] }
            }
            picks = next
        }
        return spans.enumerated().map { n, s in
            let sc = scores[n]
            let pick = picks[n]
            let ranked = zip(s.span.places, sc).sorted { $0.1 > $1.1 }
            let top = ranked.first?.1 ?? 0
            // Softmax share with a temperature that makes a 1.5-point lead about 90 %.
            let total = ranked.reduce(0.0) { $0 + exp(($1.1 - top) * 1.5) }
            var conf = (1 / total) * s.span.quality.rawValue
            let context = contextPoints(picks, except: n, spans: spans)
            let p = places[pick]
            if !p.isArea && p.kind != .capital && p.rank < 5 {
                let d = min(context.map { Geodesic.distanceKm($0, p.location) }.min() ?? .infinity,
                            Geodesic.distanceKm(focus, p.location))
                if d > 150 { conf *= 0.5 }
            }
            let alts = ranked.dropFirst().filter { $0.1 > top - 4 }.prefix(5).map(\.0)
            return Choice(place: pick, confidence: conf, alternatives: Array(alts))
        }
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
        // The theatre: northwest Syria and the Turkish border.
        if Geodesic.distanceKm(p.location, focus) < 160 { s += 0.8 }
        return s
    }

    /// Up to 2 points for a candidate near the places the rest of the text names.
    func near(_ i: Int, _ context: [LonLat]) -> Double {
        guard !context.isEmpty else { return 0 }
        let p = places[i]
        if p.isArea { return 0 }
        let d = context.map { Geodesic.distanceKm($0, p.location) }.min() ?? .infinity
        return 2 * exp(-d / 40)
    }

    func contextPoints(_ picks: [Int], except n: Int, spans: [(span: Span, cue: Cue)]) -> [LonLat] {
        var out: [LonLat] = []
        for (m, p) in picks.enumerated() where m != n && p >= 0 {
            let q = places[p]
            // Countries, provinces and far capitals say little about which village is meant.
            if q.isArea || q.kind == .road { continue }
            if q.kind == .capital && Geodesic.distanceKm(q.location, focus) > 300 { continue }
            // A name the text repeats is no evidence for itself.
            if spans[m].span.places == spans[n].span.places { continue }
            out.append(q.location)
        }
        return out
    }
}
