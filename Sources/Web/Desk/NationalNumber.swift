import PhoneNumbers

/// How a person in the country dials an E.164 number: trunk prefix and national digits, grouped
/// (`+441632960123` → `01632 960123`, `+12025550123` → `(202) 555-0123`). Numbers of regions
/// Switchboard does not know are shown as E.164.
enum NationalNumber {
    static func format(_ e164: String) -> String {
        guard e164.hasPrefix("+") else { return e164 }
        let digits = String(e164.dropFirst())
        guard let region = PhoneRegion.known.sorted(by: { $0.callingCode.count > $1.callingCode.count })
            .first(where: { digits.hasPrefix($0.callingCode) }) else { return e164 }
        let national = String(digits.dropFirst(region.callingCode.count))
        switch region.isoCode {
        case "US" where national.count == 10:
            let a = national.prefix(3), b = national.dropFirst(3).prefix(3), c = national.suffix(4)
            return "(\(a)) \(b)-\(c)"
        case "GB" where national.count == 10:
            let full = (region.trunkPrefix ?? "") + national
            let split = national.hasPrefix("2") ? 3 : 5
            return String(full.prefix(split)) + " " + String(full.dropFirst(split))
        case "FR" where national.count == 9:
            let full = (region.trunkPrefix ?? "") + national
            return stride(from: 0, to: 10, by: 2).map { i in
                String(full[full.index(full.startIndex, offsetBy: i)..<full.index(full.startIndex, offsetBy: i + 2)])
            }.joined(separator: " ")
        default:
            return (region.trunkPrefix ?? "") + national
        }
    }
}
