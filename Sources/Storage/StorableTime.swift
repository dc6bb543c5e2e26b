import Foundation

extension Store {
    /// The years a time written to the store may fall in. GRDB writes dates as
    /// `YYYY-MM-DD HH:MM:SS.SSS` and cannot read a five-digit year back, so a far-off time
    /// (`--at 9999-12-31T23:59:59Z`, whose next opening is in year 10000) would make every
    /// later read of the table fail; the store refuses such a time instead.
    public static let storableYears = 2000...2199

    /// Whether `date` falls in ``storableYears`` (in UTC).
    public static func isStorable(_ date: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return storableYears.contains(calendar.component(.year, from: date))
    }

    /// Throws `StoreError.timeOutOfRange` unless `date` is storable; `what` names it ("the time", "the due time").
    static func checkStorable(_ date: Date, _ what: String) throws {
        guard isStorable(date) else {
            throw StoreError.timeOutOfRange(what, date.formatted(.iso8601))
        }
    }
}
