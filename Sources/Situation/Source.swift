/// Where a fact comes from: the outlet that published it, when, and whom the outlet
/// attributes it to ("SOHR", "a Turkish security source cited by Anadolu", …).
public struct Source: Hashable, Sendable {
    public let outlet: String
    public let published: String
    public let attributedTo: String
    public let url: String?

    public init(outlet: String, published: String, attributedTo: String, url: String? = nil) {
        self.outlet = outlet; self.published = published; self.attributedTo = attributedTo; self.url = url
    }

    /// "Reuters 2020-02-08, citing SOHR".
    public var citation: String {
        let base = "\(outlet) \(published.prefix(10))"
        return attributedTo.isEmpty || attributedTo == outlet ? base : "\(base), citing \(attributedTo)"
    }
}

/// Who holds ground.
public enum Side: String, Sendable, CaseIterable, Comparable {
    case government, opposition, sdf, isis, contested

    public static func < (a: Side, b: Side) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    public var label: String {
        switch self {
        case .government: return "Syrian government and allies"
        case .opposition: return "Opposition (incl. HTS) and Turkish-backed forces"
        case .sdf: return "SDF"
        case .isis: return "ISIS"
        case .contested: return "Contested"
        }
    }
}
