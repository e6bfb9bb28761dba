import Situation

/// The article a candidate came from: the outlet, its publication date and address.
public struct ArticleMeta: Sendable, Equatable {
    public var outlet: String
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    public var published: String
    public var url: String?
    /// The article's file name, when ingested from a folder.
    public var file: String?
    public var language: ArticleLanguage?

    public init(outlet: String, published: String, url: String? = nil, file: String? = nil, language: ArticleLanguage? = nil) {
        self.outlet = outlet; self.published = published; self.url = url; self.file = file; self.language = language
    }

    public var publishedDay: Day? { Day(published) }
}

/// Where in the article a candidate was read: code points of its sentence(s).
public struct Evidence: Sendable, Equatable {
    public var article: String?
    public var start: Int
    public var end: Int
    /// Further sentences saying the same.
    public var more: [[Int]] = []
}

public struct CandidateSource: Sendable, Equatable {
    public var outlet: String
    public var published: String
    public var attributedTo: String
    public var url: String?
}

/// A disagreeing version of figures or of the date, with the sources that give it.
public struct CandidateClaim: Sendable, Equatable {
    public var figures: [(key: String, value: String)]
    public var qualifiers: [String: String]
    public var date: String?
    public var sources: [CandidateSource]

    public static func == (a: Self, b: Self) -> Bool {
        a.figures.map(\.key) == b.figures.map(\.key) && a.figures.map(\.value) == b.figures.map(\.value)
            && a.qualifiers == b.qualifiers && a.date == b.date && a.sources == b.sources
    }
}

/// A relative position the map draws as an uncertainty area (sites.tsv vocabulary).
public struct CandidatePosition: Sendable, Equatable {
    public var anchor: String
    public var relation: String
    public var offsetKm: Double?
}

/// A proposed event in the schema of Reports/events.yaml, plus status, confidence, evidence.
public struct CandidateEvent: Sendable, Equatable {
    public var id: String
    public var date: Day
    public var dateEnd: Day?
    public var precision: String
    public var type: String
    public var actor: String
    public var from: String?
    public var to: String?
    public var places: [String]
    public var regions: [String] = []
    public var sites: [String] = []
    public var roads: [String] = []
    public var position: CandidatePosition?
    public var summary: String
    public var figures: [(key: String, value: String)] = []
    public var qualifiers: [String: String] = [:]
    public var claims: [CandidateClaim] = []
    public var sources: [CandidateSource]
    public var note: String?
    public var status = "candidate"
    public var confidence: Double
    public var evidence: Evidence
    /// The resolved places (for the map, the review page and scoring); not written.
    public var spans: [PlaceSpan] = []
    /// Line in the candidates file it was read from (for error messages).
    public var line = 0

    public static func == (a: Self, b: Self) -> Bool {
        a.id == b.id && a.date == b.date && a.type == b.type && a.places == b.places && a.sources == b.sources
            && a.figures.map(\.value) == b.figures.map(\.value) && a.claims == b.claims && a.status == b.status
    }
}

/// A proposed row of Reports/control.tsv.
public struct ControlCandidate: Sendable, Equatable {
    public var date: Day
    public var place: String
    public var placeID: String
    public var holder: String
    /// `claim` unless the reviewer sets `state`.
    public var role = "claim"
    public var confidence: Double
    public var outlet: String
    public var published: String
    public var attributedTo: String
    public var url: String?
    public var evidence: Evidence
    public var status = "candidate"
    public var line = 0
}

/// What ingest proposes for one or more articles.
public struct Candidates: Sendable {
    public var events: [CandidateEvent] = []
    public var control: [ControlCandidate] = []
    public init(events: [CandidateEvent] = [], control: [ControlCandidate] = []) { self.events = events; self.control = control }
}
