/// G.711 companding: µ-law and A-law, bit-exact with the ITU-T G.191 reference code (`g711.c`).
///
/// Encoders take 16-bit linear PCM and return the 8-bit code as sent on the line
/// (µ-law codes are bit-inverted, A-law codes have their even bits toggled, as G.711 requires).
/// Decoders return 16-bit linear PCM (the 13/14-bit G.711 value shifted to the top of the word),
/// so `decode` is exactly G.191's `ulaw_expand`/`alaw_expand`.
public enum G711 {
    /// Encodes one linear sample to µ-law (G.191 `ulaw_compress`).
    @inlinable
    public static func ulawEncode(_ sample: Int16) -> UInt8 {
        let linear = Int32(sample)
        // One's complement for negative values, then to 14 bits, plus the bias of 33.
        var magnitude = (linear < 0 ? ~linear : linear) >> 2 + 33
        if magnitude > 0x1FFF { magnitude = 0x1FFF }
        var segment: Int32 = 1
        var rest = magnitude >> 6
        while rest != 0 { segment += 1; rest >>= 1 }
        let highNibble = 8 - segment
        let lowNibble = 0xF - ((magnitude >> segment) & 0xF)
        var code = (highNibble << 4) | lowNibble
        if linear >= 0 { code |= 0x80 }
        return UInt8(truncatingIfNeeded: code)
    }

    /// Decodes one µ-law code to linear PCM (G.191 `ulaw_expand`).
    @inlinable
    public static func ulawDecode(_ code: UInt8) -> Int16 {
        ulawTable[Int(code)]
    }

    /// Encodes one linear sample to A-law (G.191 `alaw_compress`).
    @inlinable
    public static func alawEncode(_ sample: Int16) -> UInt8 {
        let linear = Int32(sample)
        // One's complement for negative values, then to 12 bits.
        var value = (linear < 0 ? ~linear : linear) >> 4
        if value > 15 {
            var exponent: Int32 = 1
            while value > 16 + 15 { value >>= 1; exponent += 1 }
            value -= 16
            value += exponent << 4
        }
        if linear >= 0 { value |= 0x80 }
        return UInt8(truncatingIfNeeded: value ^ 0x55)
    }

    /// Decodes one A-law code to linear PCM (G.191 `alaw_expand`).
    @inlinable
    public static func alawDecode(_ code: UInt8) -> Int16 {
        alawTable[Int(code)]
    }

    /// Encodes a buffer to µ-law.
    public static func ulawEncode(_ samples: [Int16]) -> [UInt8] { samples.map(ulawEncode) }
    /// Decodes a buffer of µ-law codes.
    public static func ulawDecode(_ codes: [UInt8]) -> [Int16] { codes.map(ulawDecode) }
    /// Encodes a buffer to A-law.
    public static func alawEncode(_ samples: [Int16]) -> [UInt8] { samples.map(alawEncode) }
    /// Decodes a buffer of A-law codes.
    public static func alawDecode(_ codes: [UInt8]) -> [Int16] { codes.map(alawDecode) }

    /// All 256 µ-law codes decoded, built once from the G.191 expansion formula.
    public static let ulawTable: [Int16] = (0..<256).map { ulawExpand(UInt8($0)) }
    /// All 256 A-law codes decoded, built once from the G.191 expansion formula.
    public static let alawTable: [Int16] = (0..<256).map { alawExpand(UInt8($0)) }

    /// G.191 `ulaw_expand` for one code (used to build `ulawTable`).
    static func ulawExpand(_ code: UInt8) -> Int16 {
        let sign: Int32 = code < 0x80 ? -1 : 1
        let inverted = ~Int32(code)
        let exponent = (inverted >> 4) & 0x7
        let segment = exponent + 1
        let mantissa = inverted & 0xF
        let step: Int32 = 4 << segment
        return Int16(sign * ((0x80 << exponent) + step * mantissa + step / 2 - 4 * 33))
    }

    /// G.191 `alaw_expand` for one code (used to build `alawTable`).
    static func alawExpand(_ code: UInt8) -> Int16 {
        let value = (Int32(code) ^ 0x55) & 0x7F
        let exponent = value >> 4
        var mantissa = value & 0xF
        if exponent > 0 { mantissa += 16 }
        mantissa = (mantissa << 4) + 0x8
        if exponent > 1 { mantissa <<= exponent - 1 }
        return Int16(code > 127 ? mantissa : -mantissa)
    }
}

/// A G.711 companding law, for code that handles both.
public enum G711Law: String, Sendable, CaseIterable {
    /// µ-law (North America, Japan).
    case ulaw
    /// A-law (Europe and most of the world).
    case alaw

    /// Passes linear samples through this law (encode then decode), as a G.711 line would.
    public func transcode(_ samples: [Int16]) -> [Int16] {
        switch self {
        case .ulaw: samples.map { G711.ulawDecode(G711.ulawEncode($0)) }
        case .alaw: samples.map { G711.alawDecode(G711.alawEncode($0)) }
        }
    }
}
