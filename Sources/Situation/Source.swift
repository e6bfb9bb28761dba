/// Where a fact comes from: the outlet that published it, when, and whom the outlet
/// attributes it to ("a monitor", "a security source cited by an agency", …).
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

/// Who holds ground: one of the sides a theatre's `theatre.yaml` lists. Two sides are the same
/// when their ids are; they sort in the order the theatre lists them.
public struct Side: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let id: String
    public let label: String
    /// Position in the theatre's list: legend and drawing order.
    public let order: Int
    /// Ground nobody clearly holds ("contested"), not a belligerent.
    public let contested: Bool

    public init(id: String, label: String, order: Int, contested: Bool = false) {
        self.id = id; self.label = label; self.order = order; self.contested = contested
    }

    /// The id as written in the data files and JSON output.
    public var rawValue: String { id }
    public var description: String { id }

    public static func == (a: Side, b: Side) -> Bool { a.id == b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
    public static func < (a: Side, b: Side) -> Bool { (a.order, a.id) < (b.order, b.id) }
}
