import ArgumentParser
import Foundation
import Geo
import Situation

/// Sane ranges for the numbers a user gives; outside them a run would take forever, write
/// hundreds of megabytes, or overflow.
enum Limits {
    static let windowDays = 1...31
    static let reportDays = 366
    static let bufferKm = 0.1...200.0
}

extension Day: ExpressibleByArgument {
    /// Exactly `YYYY-MM-DD`, a real calendar day: `2020-02-08xyz` or `2020-02-088` are refused.
    public init?(argument: String) {
        guard argument.count == 10, argument.enumerated().allSatisfy({ i, c in (i == 4 || i == 7) ? c == "-" : c.isASCIIDigit }),
              let day = Day(argument), day.description == argument else { return nil }
        self = day
    }
}

extension Theatre {
    /// Says on stderr when `day` lies after the data: the map then shows the last known state.
    func warnIfAfterData(_ day: Day, option: String) {
        guard let last = lastReportedDay, day > last else { return }
        FileHandle.standardError.write(Data("warning: \(option) \(day) is after the last reported day (\(last)); nothing newer is known, so this shows the situation as of \(last)\n".utf8))
    }
}

/// `--buffer PLACE:KM`, e.g. `Town:10` or `"Town name:15"`.
struct BufferRequest {
    let place: String
    let km: Double

    init(_ argument: String) throws {
        let usage = "write PLACE:KM with KM between \(Limits.bufferKm.lowerBound) and \(Int(Limits.bufferKm.upperBound)), e.g. --buffer \"Town name:10\""
        guard let colon = argument.lastIndex(of: ":") else { throw ValidationError("--buffer \"\(argument)\": \(usage)") }
        place = String(argument[..<colon]).trimmingCharacters(in: .whitespaces)
        let number = argument[argument.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !place.isEmpty, let km = Double(number), km.isFinite, Limits.bufferKm.contains(km) else {
            throw ValidationError("--buffer \"\(argument)\": \(usage)")
        }
        self.km = km
    }

    func resolve(in gazetteer: Gazetteer) throws -> (Place, Double) {
        guard let p = gazetteer.resolve(place) else {
            throw ValidationError("--buffer: unknown place \"\(place)\"" + gazetteer.didYouMean(place))
        }
        return (p, km)
    }

    /// "10 km round A", "2.5 km round B".
    func label(round name: String) -> String {
        let n = km == km.rounded() ? String(Int(km)) : String(format: "%.1f", km)
        return "\(n) km round \(name)"
    }
}
