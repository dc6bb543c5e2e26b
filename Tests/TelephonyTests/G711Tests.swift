import Testing
@testable import Telephony

/// FNV-1a over a sequence of bytes, to compare full tables with a reference hash.
private func fnv1a<S: Sequence>(_ values: S) -> UInt64 where S.Element == UInt64 {
    var hash: UInt64 = 1_469_598_103_934_665_603
    for value in values { hash = (hash ^ value) &* 1_099_511_628_211 }
    return hash
}

@Suite struct G711Tests {
    // Reference codes from spandsp's `linear_to_ulaw`/`linear_to_alaw` (G.191-compatible).
    static let encodeReference: [(Int16, UInt8, UInt8)] = [
        (-32768, 0x00, 0x2A), (-32767, 0x00, 0x2A), (-5000, 0x2B, 0x06), (-1000, 0x4E, 0x7A),
        (-33, 0x7B, 0x57), (-32, 0x7B, 0x54), (-1, 0x7F, 0x55), (0, 0xFF, 0xD5), (1, 0xFF, 0xD5),
        (31, 0xFB, 0xD4), (32, 0xFB, 0xD7), (100, 0xF2, 0xD3), (1000, 0xCE, 0xFA), (4000, 0xAF, 0x9A),
        (32767, 0x80, 0xAA),
    ]
    static let decodeReference: [(UInt8, Int16, Int16)] = [
        (0x00, -32124, -5504), (0x25, -6652, -16896), (0x4A, -1244, -504), (0x6F, -132, -1696),
        (0x94, 13948, 2240), (0xB9, 2748, 14592), (0xDE, 428, 184),
        (0x80, 32124, 5504), (0xFF, 0, 848), (0x7F, 0, -848), (0xD5, 716, 8), (0x55, -716, -8), (0xAA, 5372, 32256),
    ]

    @Test func encodesReferenceValues() {
        for (linear, ulaw, alaw) in Self.encodeReference {
            #expect(G711.ulawEncode(linear) == ulaw, "µ-law of \(linear)")
            #expect(G711.alawEncode(linear) == alaw, "A-law of \(linear)")
        }
    }

    @Test func decodesReferenceValues() {
        for (code, ulaw, alaw) in Self.decodeReference {
            #expect(G711.ulawDecode(code) == ulaw, "µ-law code \(code)")
            #expect(G711.alawDecode(code) == alaw, "A-law code \(code)")
        }
    }

    @Test func wholeEncodeRangeMatchesReferenceHash() {
        // A-law: hash of spandsp's `linear_to_alaw` over every 16-bit input (libspandsp 0.0.6).
        // µ-law: hash of G.191 `ulaw_compress` (an independent Python transcription). spandsp's
        // `linear_to_ulaw` differs at 127 negative decision points because it negates negative
        // samples where G.191 takes the one's complement (e.g. -4: G.191 0x7F, spandsp 0x7E).
        let inputs = (-32768...32767).map { Int16($0) }
        #expect(fnv1a(inputs.lazy.map { UInt64(G711.ulawEncode($0)) }) == 16_797_910_212_889_183_883)
        #expect(G711.ulawEncode(-4) == 0x7F && G711.ulawEncode(-36) == 0x7B)
        #expect(fnv1a(inputs.lazy.map { UInt64(G711.alawEncode($0)) }) == 3_167_141_746_054_005_891)
    }

    @Test func wholeDecodeTablesMatchReferenceHash() {
        #expect(fnv1a(G711.ulawTable.map { UInt64(UInt16(bitPattern: $0)) }) == 441_924_469_721_154_819)
        #expect(fnv1a(G711.alawTable.map { UInt64(UInt16(bitPattern: $0)) }) == 10_190_344_198_136_590_467)
    }

    @Test func everyCodeSurvivesDecodeThenEncode() {
        for code in 0...255 {
            let byte = UInt8(code)
            // µ-law 0x7F is "negative zero": it decodes to 0, which encodes as 0xFF.
            let expectedULaw: UInt8 = byte == 0x7F ? 0xFF : byte
            #expect(G711.ulawEncode(G711.ulawDecode(byte)) == expectedULaw)
            #expect(G711.alawEncode(G711.alawDecode(byte)) == byte)
        }
    }

    @Test func encodingIsMonotonicAndErrorIsWithinHalfAStep() {
        var previousU = G711.ulawDecode(G711.ulawEncode(-32768))
        var previousA = G711.alawDecode(G711.alawEncode(-32768))
        for value in -32768...32767 {
            let sample = Int16(value)
            let u = G711.ulawDecode(G711.ulawEncode(sample))
            let a = G711.alawDecode(G711.alawEncode(sample))
            #expect(u >= previousU && a >= previousA)
            previousU = u
            previousA = a
            // Quantisation error is at most half a step, and a step is at most 1/16 of the
            // segment's start (µ-law segments start at 128·2^e - 132), below the clipping point.
            let magnitude = abs(value)
            if magnitude < 32000 {
                #expect(abs(Int(u) - value) <= (magnitude + 132) / 32 + 1)
                #expect(abs(Int(a) - value) <= max(8, magnitude / 32 + 1))
            }
        }
    }

    @Test func transcodeMatchesPerSampleFunctions() {
        let samples: [Int16] = [-32768, -1234, -1, 0, 1, 999, 32767]
        #expect(G711Law.ulaw.transcode(samples) == samples.map { G711.ulawDecode(G711.ulawEncode($0)) })
        #expect(G711Law.alaw.transcode(samples) == samples.map { G711.alawDecode(G711.alawEncode($0)) })
    }
}
