import Foundation

/// A candidate's one-line summary, written from its fields (never from the article's words),
/// and its id slug.
enum Summary {
    static func write(_ e: CandidateEvent) -> String {
        let at = e.places.isEmpty ? (e.regions.first.map { " in \($0)" } ?? "") : " at \(list(e.places))"
        let figs = e.figures.map { f in
            let q = e.qualifiers[f.key].map { $0.replacingOccurrences(of: "-", with: " ") + " " } ?? ""
            return "\(q)\(f.value) \(f.key.replacingOccurrences(of: "_", with: " "))"
        }
        let figText = figs.isEmpty ? "" : " (\(figs.joined(separator: ", ")))"
        let who = e.actor == "not stated" ? "" : " by \(e.actor)"
        var s: String
        switch e.type {
        case "convoy":
            s = "\(e.actor) convoy"
            if let f = e.from { s += " from \(f)" }
            if let t = e.to { s += " to \(t)" }
            if e.from == nil && e.to == nil { s += at }
        case "post-established":
            if let p = e.position {
                s = "\(e.actor) setting up a post \(p.relation.replacingOccurrences(of: "-", with: " ")) \(p.anchor.replacingOccurrences(of: "|", with: " and "))"
            } else {
                s = "\(e.actor) setting up a post\(at)"
            }
        case "post-reinforced": s = "\(e.actor) reinforcing posts\(at)"
        case "post-encircled": s = "Posts\(at) reported encircled\(who)"
        case "strike": s = "Air strikes\(at)\(who)"
        case "shelling": s = "Shelling\(at)\(who)"
        case "clash": s = "Fighting\(at)\(who)"
        case "casualties": s = "Casualties reported\(at)"
        case "displacement": s = "Displacement reported\(at)"
        case "talks": s = "Talks\(at)"
        default: s = "\(e.type)\(at)"
        }
        if let r = e.roads.first, !s.contains(r) { s += " (\(e.roads.joined(separator: ", ")))" }
        return s + figText + "."
    }

    static func list(_ names: [String]) -> String {
        names.count <= 2 ? names.joined(separator: " and ") : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    static func slug(_ s: String) -> String {
        let folded = Folding.fold(s)
        var out = ""
        for c in folded.unicodeScalars {
            if c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) { out.unicodeScalars.append(c) }
            else if !out.hasSuffix("-") { out += "-" }
        }
        let t = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return t.isEmpty ? "event" : String(t.prefix(40))
    }
}
