import Testing
@testable import PhoneNumbers

/// `PhoneRegion.forTimeZone`: a flow's time zone picks how national numbers are read.
@Suite struct PhoneRegionTimeZoneTests {
    @Test(arguments: [
        ("Europe/London", PhoneRegion.gb), ("Europe/Dublin", .ie), ("Europe/Paris", .fr),
        ("America/New_York", .nanp), ("America/Los_Angeles", .nanp), ("US/Eastern", .nanp),
    ])
    func knownZonesMapToTheirRegion(zone: String, region: PhoneRegion) {
        #expect(PhoneRegion.forTimeZone(zone) == region)
    }

    @Test func otherZonesHaveNoRegion() {
        #expect(PhoneRegion.forTimeZone("UTC") == nil)
        #expect(PhoneRegion.forTimeZone("Asia/Tokyo") == nil)
    }

    @Test func aNationalNumberDependsOnTheRegion() throws {
        let us = try #require(PhoneRegion.forTimeZone("America/Chicago"))
        #expect(try PhoneNumber(parsing: "202 555 0123", region: us).e164 == "+12025550123")
        #expect(throws: PhoneNumberError.self) { try PhoneNumber(parsing: "202 555 0123", region: .gb) }
    }
}
