import Foundation
import Geo

/// What an event imported from a dataset (ACLED) carries beyond mapgen's own events: the
/// dataset's id (re-imports replace by it), its own coordinates, and how precise the place and
/// the date are. ACLED places are not gazetteer places, so the event keeps its point here.
public struct ImportedRecord: Sendable, Equatable {
    public let dataset: String
    public let externalID: String
    public let location: LonLat
    /// ACLED geo_precision: 1 the named town, 2 near it or a part of a district, 3 only a larger
    /// region (its capital's coordinates are given).
    public let geoPrecision: Int
    /// ACLED time_precision: 1 the day, 2 the week, 3 the month.
    public let timePrecision: Int
    public let eventType: String
    public let subEventType: String
    public let placeName: String
    public let admin1: String
    public let fatalities: Int

    public init(dataset: String, externalID: String, location: LonLat, geoPrecision: Int, timePrecision: Int,
                eventType: String, subEventType: String, placeName: String, admin1: String, fatalities: Int) {
        self.dataset = dataset; self.externalID = externalID; self.location = location
        self.geoPrecision = geoPrecision; self.timePrecision = timePrecision; self.eventType = eventType
        self.subEventType = subEventType; self.placeName = placeName; self.admin1 = admin1; self.fatalities = fatalities
    }

    /// The radius of the area the event may lie in, when the place is approximate: our
    /// convention, 10 km for precision 2 (a town's surroundings or a sub-district) and 25 km for
    /// precision 3 (a district or governorate, placed at its capital). Nil for an exact place.
    public var uncertaintyKm: Double? {
        switch geoPrecision {
        case ...1: return nil
        case 2: return 10
        default: return 25
        }
    }
}

/// An imported event of the window with its position in map metres (projected once, with the
/// situation, so drawing needs no PROJ handle).
public struct ImportedMark: Sendable {
    public let event: Event
    public let record: ImportedRecord
    public let point: XY
}

extension Situation {
    /// Events imported from datasets (ACLED) reported in the window: drawn as their own layer,
    /// listed by `analyze`, kept out of the map's brief list of the window's events.
    public var importedEvents: [Event] { imported.map(\.event) }
}
