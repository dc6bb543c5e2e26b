/// The country calling codes ITU-T has assigned (E.164 and its annex, as in force in 2026):
/// a number whose digits after `+` start with none of them reaches no one.
enum CountryCodes {
    /// Zones 1 (North America) and 7 (Russia, Kazakhstan) are one-digit codes.
    static let oneDigit: Set<UInt8> = [1, 7]
    static let twoDigit: Set<Int> = [
        20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49,
        51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86,
        90, 91, 92, 93, 94, 95, 98,
    ]
    static let threeDigit: Set<Int> = Set(
        [211, 212, 213, 216, 218] + Array(220...258) + Array(260...269) + [290, 291, 297, 298, 299]
            + Array(350...383) + [385, 386, 387, 389, 420, 421, 423] + Array(500...509) + Array(590...599)
            + [670, 672, 673, 674, 675, 676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692]
            + [800, 808, 850, 852, 853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888]
            + Array(960...968) + Array(970...977) + [979, 992, 993, 994, 995, 996, 998])

    /// The length of the assigned country code `digits` (ASCII, after the `+`) start with, or nil.
    static func length<Digits: Collection>(of digits: Digits) -> Int? where Digits.Element == UInt8 {
        var value = 0
        for (count, byte) in digits.prefix(3).enumerated() {
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
            switch count {
            case 0 where oneDigit.contains(UInt8(value)): return 1
            case 1 where twoDigit.contains(value): return 2
            case 2 where threeDigit.contains(value): return 3
            default: continue
            }
        }
        return nil
    }
}
