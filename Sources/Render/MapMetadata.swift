import Foundation
import Situation

/// What a map file says about itself: title, description, sources, the map's date, software.
/// Written into the SVG (<title>, <desc>), the PNG (tEXt chunks) and the PDF (document info).
public struct MapMetadata: Sendable {
    public let title: String
    public let description: String
    public let source: String
    /// The map's date (not the time the file was written, so that output is byte-stable).
    public let date: Day
    public let software = "mapgen"

    init(situation: Situation, diffFrom: Day?) {
        let d = situation.date
        let theatre = situation.theatre.description
        title = diffFrom.map { "\(theatre.title): changes \($0) to \(d)" } ?? "\(theatre.title): situation as of \(d)"
        let outlets = Set(situation.windowSources.map(\.outlet))
        let places = situation.changes.map(\.claim.placeName) + situation.movements.compactMap { $0.event.destination?.name }
        description = "Theatre: \(theatre.texts.metadataName). \(theatre.texts.metadataShows) and reports of \(situation.window.first) to \(d)"
            + (places.isEmpty ? "." : "; places in the news: \(Array(Set(places)).sorted().joined(separator: ", ")).")
        source = "Reports: \(outlets.sorted().joined(separator: ", ")). " + (theatre.texts.metadataCredits ?? theatre.credits.joined(separator: " "))
        date = d
    }

    /// `2020-02-08T00:00:00Z`: the map's date as a timestamp.
    public var creationTime: String { "\(date)T00:00:00Z" }
}
