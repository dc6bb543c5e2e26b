import Testing
@testable import PhoneNumbers

/// Numbers whose country code no country has are not numbers; numbers of the region have a
/// national form.
@Suite struct CountryCodeTests {
    @Test(arguments: ["+999 1234 5678", "+28 1234 5678", "00999 1234 5678", "+259 1234 5678", "+384 1234 5678"])
    func unassignedCountryCodesAreRefused(text: String) {
        #expect(throws: PhoneNumberError.unassignedCountryCode(text)) { try PhoneNumber(parsing: text) }
        #expect(!PhoneNumber.isValid(text))
        #expect(!PhoneNumber.isValid(PhoneNumber.removingSeparators(text)))
    }

    @Test func theMessageNamesTheCode() {
        #expect(PhoneNumberError.unassignedCountryCode("+999 1234 5678").description
            == "'+999 1234 5678' is not a phone number: no country has the code +999 (or a shorter one it starts with); check the digits after + or 00")
    }

    @Test(arguments: ["+7 495 123 4567", "+353 1 234 5678", "+852 2123 4567", "+882 1234 5678", "+20 2 1234 5678", "+49301234", "+1 415 555 0100"])
    func assignedCodesAreKept(text: String) throws {
        _ = try PhoneNumber(parsing: text)
        #expect(PhoneNumber.isValid(PhoneNumber.removingSeparators(text)))
    }

    @Test func nationalForm() throws {
        #expect(try PhoneNumber(parsing: "+447700900123").nationalForm(in: .gb) == "07700900123")
        #expect(try PhoneNumber(parsing: "+14155550100").nationalForm(in: .nanp) == "4155550100")
        #expect(try PhoneNumber(parsing: "+33123456789").nationalForm(in: .gb) == nil)
    }
}
