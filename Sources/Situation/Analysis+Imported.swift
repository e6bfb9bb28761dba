import Foundation
import Geo

/// Events imported from datasets (ACLED) in the analysis: how many in the window, by type, with
/// their fatalities, and how many only have an approximate place.
extension Analysis {
    var importedEventsJSON: JSONValue {
        let events = situation.importedEvents
        var byType = [String: JSONValue]()
        for (type, group) in Dictionary(grouping: events, by: { $0.kind.rawValue }) { byType[type] = .integer(group.count) }
        return [
            "count": .integer(events.count),
            "by_type": .object(byType),
            "fatalities": .integer(events.reduce(0) { $0 + ($1.imported?.fatalities ?? 0) }),
            "approximate_places": .integer(events.filter { $0.imported?.uncertaintyKm != nil }.count),
        ]
    }

    var importedEventsTable: String {
        let events = situation.importedEvents
        guard !events.isEmpty else { return "" }
        let byType = Dictionary(grouping: events, by: { $0.kind.rawValue }).map { "\($0.key) \($0.value.count)" }.sorted()
        let dead = events.reduce(0) { $0 + ($1.imported?.fatalities ?? 0) }
        let approximate = events.filter { $0.imported?.uncertaintyKm != nil }.count
        return "\nImported events (ACLED) in the window \(situation.window.first)–\(situation.date): \(events.count) "
            + "(\(byType.joined(separator: ", "))); fatalities \(dead); \(approximate) with an approximate place\n"
    }
}
