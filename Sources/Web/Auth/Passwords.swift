import HummingbirdBcrypt

/// Password hashing for browser-desk users: bcrypt (salted, slow) from hummingbird-auth.
public enum Passwords {
    /// The bcrypt cost of new hashes (2^12 rounds, about a quarter of a second).
    public static let cost: UInt8 = 12

    /// A new salted hash of `password`.
    public static func hash(_ password: String, cost: UInt8 = Passwords.cost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Why a new password is refused, or nil: 8-128 characters, no control characters.
    public static func problem(with password: String) -> String? {
        if password.count < 8 { return "the password is shorter than 8 characters; choose a longer one" }
        if password.count > 128 { return "the password is longer than 128 characters" }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the password holds a control character (tab, escape); type it on one line"
        }
        return nil
    }

    /// A hash to verify against when the user does not exist, so both cases take as long.
    static let decoy = Bcrypt.hash("decoy password never used", cost: Passwords.cost)
}

/// Random tokens for sessions and CSRF: 32 bytes from the system's secure generator, as hex.
enum Tokens {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for _ in 0..<32 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Compares without stopping at the first difference.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
