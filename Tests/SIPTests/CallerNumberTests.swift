import Testing
@testable import SIP

@Suite struct CallerNumberTests {
    @Test func internationalAndNationalUserPartsBecomeE164() {
        #expect(CallerNumber.e164(fromUser: "+442079460018") == "+442079460018")
        #expect(CallerNumber.e164(fromUser: "02079460018") == "+442079460018")
        #expect(CallerNumber.e164(fromUser: "442079460018") == "+442079460018")
        #expect(CallerNumber.e164(fromUser: "02079460018;phone-context=example.com") == "+442079460018")
    }

    @Test func anonymousNamesAndJunkAreWithheld() {
        #expect(CallerNumber.e164(fromUser: "anonymous") == nil)
        #expect(CallerNumber.e164(fromUser: "Anonymous") == nil)
        #expect(CallerNumber.e164(fromUser: "") == nil)
        #expect(CallerNumber.e164(fromUser: "alice") == nil)
        #expect(CallerNumber.e164(fromUser: "../../etc") == nil)
    }

    @Test func assertedIdentityWinsOverFrom() {
        #expect(CallerNumber.e164(assertedUser: "+441632960123", fromUser: "02079460018") == "+441632960123")
        #expect(CallerNumber.e164(assertedUser: "", fromUser: "02079460018") == "+442079460018")
        #expect(CallerNumber.e164(assertedUser: "anonymous", fromUser: "02079460018") == nil)
        #expect(CallerNumber.e164(assertedUser: "alice", fromUser: "02079460018") == "+442079460018")
    }
}
