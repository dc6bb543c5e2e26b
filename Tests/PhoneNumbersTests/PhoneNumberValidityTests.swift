import Testing
@testable import PhoneNumbers

/// The byte-level check answers exactly as the parser does.
struct PhoneNumberValidityTests {
    static func parses(_ text: String, _ region: PhoneRegion) -> Bool {
        (try? PhoneNumber(parsing: text, region: region)) != nil
    }

    @Test func knownCases() {
        #expect(PhoneNumber.isValid("+447700900123"))
        #expect(PhoneNumber.isValid("+442079460018"))
        #expect(!PhoneNumber.isValid("+4420"))
        #expect(!PhoneNumber.isValid("+0441234567890"))
        #expect(!PhoneNumber.isValid("+4407700900123"), "a UK national number cannot start with 0 after +44")
        #expect(PhoneNumber.isValid("020 7946 0018"), "national form goes through the parser")
        #expect(!PhoneNumber.isValid("2123456"))
        #expect(!PhoneNumber.isValid("+"))
        #expect(!PhoneNumber.isValid(""))
    }

    /// Random `+digits` strings (with known calling codes and lengths around the limits):
    /// the fast path and the parser agree on every one.
    @Test func agreesWithTheParserOnRandomE164Text() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let prefixes = ["44", "1", "33", "353", "0", "49", "4410", "447", "3531", ""]
        for _ in 0..<20_000 {
            var text = "+" + prefixes[next(prefixes.count)]
            for _ in 0..<next(16) { text.append(Character(String(next(10)))) }
            for region in [PhoneRegion.gb, .ie, .fr, .nanp] {
                #expect(PhoneNumber.isValid(text, region: region) == Self.parses(text, region), "\(text) in \(region)")
            }
        }
    }
}
