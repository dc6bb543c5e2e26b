import Foundation
import Testing

@Suite("ivr audio info, run as a user would")
struct AudioInfoCommandTests {
    /// A canonical 44-byte-header WAV holding `samples` as mono 16-bit PCM.
    static func wav(_ samples: [Int16], rate: UInt32 = 8000) -> Data {
        func le32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
        func le16(_ v: UInt16) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
        let data = samples.flatMap { le16(UInt16(bitPattern: $0)) }
        var bytes = Array("RIFF".utf8) + le32(UInt32(36 + data.count)) + Array("WAVEfmt ".utf8)
        bytes += le32(16) + le16(1) + le16(1) + le32(rate) + le32(rate * 2) + le16(2) + le16(16)
        bytes += Array("data".utf8) + le32(UInt32(data.count)) + data
        return Data(bytes)
    }

    @Test func describesAWAVFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("audioinfo-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Half a second of a square wave at half scale: peak and RMS both -6.0 dBFS.
        let samples: [Int16] = (0..<4000).map { ($0 / 20) % 2 == 0 ? 16384 : -16384 }
        try Self.wav(samples).write(to: dir.appendingPathComponent("half.wav"))
        let result = try IvrBinary.run(["audio", "info", "half.wav"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("format:        WAV (Microsoft), Signed 16 bit PCM\n"))
        #expect(result.stdout.contains("rate:          8000 Hz\n"))
        #expect(result.stdout.contains("channels:      1\n"))
        #expect(result.stdout.contains("duration:      0.500 s\n"))
        #expect(result.stdout.contains("peak:          -6.0 dBFS\n"))
        #expect(result.stdout.contains("rms:           -6.0 dBFS\n"))
    }

    @Test func missingFileFailsWithItsName() throws {
        let result = try IvrBinary.run(["audio", "info", "/nonexistent/greeting.wav"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("/nonexistent/greeting.wav: error: no such file"))
    }
}
