import Foundation

/// A calendar day (ISO 8601 `YYYY-MM-DD`). Reports are dated to the day; "as of D" means
/// every event dated on or before D.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    public init?(_ text: some StringProtocol) {
        let parts = text.prefix(10).split(separator: "-")
        guard text.count >= 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...Day.daysIn(month: m, year: y)).contains(d) else { return nil }
        ordinal = Day.civilToDays(y, m, d)
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's days-to-civil algorithm.
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var description: String {
        let c = components
        return String(format: "%04d-%02d-%02d", c.year, c.month, c.day)
    }

    /// "8 February 2020", for titles.
    public var longDescription: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
        let c = components
        return "\(c.day) \(months[c.month - 1]) \(c.year)"
    }

    /// "7 Feb", for compact labels.
    public var shortDescription: String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let c = components
        return "\(c.day) \(months[c.month - 1])"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func civilToDays(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}

/// The days of reports a map draws: the `days` days ending on `last` (none when `days` is 0,
/// as when a date is compared with itself).
public struct DayWindow: Sendable, Equatable {
    public let last: Day
    public let days: Int

    public init(last: Day, days: Int) { self.last = last; self.days = max(0, days) }

    public var first: Day { last.adding(days: -(days - 1)) }
    public var isEmpty: Bool { days == 0 }
    public func contains(_ d: Day) -> Bool { days > 0 && d >= first && d <= last }
}
