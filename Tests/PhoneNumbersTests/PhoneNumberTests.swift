import Testing
@testable import PhoneNumbers

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("020 7946 0018", "+442079460018"),
        ("07700 900123", "+447700900123"),
        ("+1 415 555 0100", "+14155550100"),
        ("(020) 7946-0018", "+442079460018"),
        ("+44 (0)20 7946 0018", "+442079460018"),
        ("0044 20 7946 0018", "+442079460018"),
        ("  01632 960 001 ", "+441632960001"),
        ("016977 3456", "+44169773456"),
        ("+33 1 23 45 67 89", "+33123456789"),
        ("+49 30 901820", "+4930901820"),
    ])
    func parsesIntoE164(input: String, expected: String) throws {
        #expect(try PhoneNumber(parsing: input).e164 == expected)
    }

    @Test func nationalNumbersFollowTheRegion() throws {
        #expect(try PhoneNumber(parsing: "415 555 0100", region: .nanp).e164 == "+14155550100")
        #expect(try PhoneNumber(parsing: "1 415 555 0100", region: .nanp).e164 == "+14155550100")
    }

    @Test(arguments: [
        ("", PhoneNumberError.empty),
        ("  ", PhoneNumberError.empty),
        ("020 7946 00x8", PhoneNumberError.invalidCharacter("020 7946 00x8", "x")),
        ("020 7946 001", PhoneNumberError.wrongLength("020 7946 001")),
        ("020 7946 00188", PhoneNumberError.wrongLength("020 7946 00188")),
        ("2079460018", PhoneNumberError.missingTrunkPrefix("2079460018", .gb)),
        ("+0 20 7946 0018", PhoneNumberError.badCountryCode("+0 20 7946 0018")),
        ("+44 020 7946 0018", PhoneNumberError.wrongLength("+44 020 7946 0018")),
        ("+1 415 555 010", PhoneNumberError.wrongLength("+1 415 555 010")),
        ("+998 1234 5678 9012 34", PhoneNumberError.wrongLength("+998 1234 5678 9012 34")),
        ("02+079460018", PhoneNumberError.invalidCharacter("02+079460018", "+")),
        ("--", PhoneNumberError.empty),
    ])
    func rejectsMalformedInput(input: String, error: PhoneNumberError) {
        #expect(throws: error) { try PhoneNumber(parsing: input) }
    }

    @Test func errorMessagesSayWhatToDo() {
        #expect(PhoneNumberError.invalidCharacter("0x", "x").description.contains("'x' is not allowed"))
        #expect(PhoneNumberError.missingTrunkPrefix("2079460018", .gb).description.contains("start with + and the country code"))
    }

    @Test func e164RoundTrip() throws {
        #expect(try PhoneNumber(e164: "+442079460018").description == "+442079460018")
        #expect(throws: PhoneNumberError.notE164("442079460018")) { try PhoneNumber(e164: "442079460018") }
        #expect(throws: PhoneNumberError.notE164("+4420x")) { try PhoneNumber(e164: "+4420x") }
    }
}
