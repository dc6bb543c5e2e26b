import PhoneNumbers

/// The caller's number as SIP presents it: the user part of P-Asserted-Identity, else of From.
public enum CallerNumber {
    /// The E.164 number for a SIP user part (`+442079460018`, `02079460018`, `442079460018;...`),
    /// or nil when the number is withheld (`anonymous`, empty) or is not a phone number (`alice`).
    public static func e164(fromUser user: String) -> String? {
        let bare = String(user.prefix { $0 != ";" })
        guard !bare.isEmpty, bare.lowercased() != "anonymous" else { return nil }
        let cleaned = PhoneNumber.removingSeparators(bare)
        guard cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "+") }) else { return nil }
        if let number = try? PhoneNumber(parsing: cleaned) { return number.e164 }
        // A gateway may send international numbers without `+` (e.g. `442079460018`).
        if !cleaned.hasPrefix("+"), let number = try? PhoneNumber(parsing: "+" + cleaned) { return number.e164 }
        return nil
    }

    /// The caller from P-Asserted-Identity when it names a number, else from From.
    public static func e164(assertedUser: String?, fromUser: String) -> String? {
        if let assertedUser, !assertedUser.isEmpty {
            if assertedUser.lowercased() == "anonymous" { return nil }
            if let number = e164(fromUser: assertedUser) { return number }
        }
        return e164(fromUser: fromUser)
    }
}
