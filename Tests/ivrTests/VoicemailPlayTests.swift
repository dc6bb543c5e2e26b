import ChildProcesses
import Foundation
import Testing

/// `ivr voicemail play` through alsa-lib's `file` plugin: the samples played are the recording's.
@Suite struct VoicemailPlayTests {
    /// A 0.5 s recording of a rising ramp, dropped in as an orphan and indexed by `check --repair`.
    static func dataWithOneVoicemail() throws -> (data: URL, samples: [Int16]) {
        let data = StoreCommandTests.dataDirectory()
        let samples = (0..<4000).map { Int16(truncatingIfNeeded: ($0 * 7) % 20000 - 10000) }
        try FileManager.default.createDirectory(at: data.appendingPathComponent("voicemail"), withIntermediateDirectories: true)
        try wav(samples).write(to: data.appendingPathComponent("voicemail/20261124-100000-00000042.wav"))
        #expect(try StoreCommandTests.ivr(data, "voicemail", "check", "--repair").status == 0)
        return (data, samples)
    }

    @Test func playsTheRecordingToTheDeviceAndMarksItHeard() throws {
        let (data, samples) = try Self.dataWithOneVoicemail()
        let raw = data.appendingPathComponent("played.raw")
        let config = data.appendingPathComponent("asound.conf")
        try """
            pcm.vmout {
                type file
                slave.pcm { type null }
                file "\(raw.path)"
                format "raw"
            }
            """.write(to: config, atomically: true, encoding: .utf8)
        let process = try ChildProcess(IvrBinary.url.path, ["voicemail", "play", "1", "--device", "vmout", "--mark-heard",
                                                            "--data", data.path],
                                       environment: ["ALSA_CONFIG_PATH": config.path], stdout: .pipe, stderr: .null)
        defer { process.stop(SIGKILL) }
        #expect(process.wait(seconds: 120) == .exited(0))
        process.waitForEndOfOutput(seconds: 10)
        let text = process.output
        #expect(text.hasSuffix("voicemail 1: heard\n"))
        let played = try Data(contentsOf: raw).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        #expect(played.count >= samples.count)
        #expect(Array(played.prefix(samples.count)) == samples)
        #expect(played.dropFirst(samples.count).allSatisfy { $0 == 0 })
    }

    @Test func aMissingDeviceIsAClearErrorAndNothingChanges() throws {
        let (data, _) = try Self.dataWithOneVoicemail()
        let result = try StoreCommandTests.ivr(data, "voicemail", "play", "1", "--device", "no-such-pcm", "--mark-heard")
        #expect(result.status == 1)
        #expect(result.stderr.contains("ALSA PCM 'no-such-pcm'"))
        #expect(try StoreCommandTests.ivr(data, "voicemail", "list").stdout.contains(" new "))
    }

    /// A mono 8 kHz PCM-16 WAV file.
    static func wav(_ samples: [Int16]) -> Data {
        var data = Data()
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: Array("RIFF".utf8)); u32(UInt32(36 + samples.count * 2))
        data.append(contentsOf: Array("WAVEfmt ".utf8)); u32(16); u16(1); u16(1); u32(8000); u32(16000); u16(2); u16(16)
        data.append(contentsOf: Array("data".utf8)); u32(UInt32(samples.count * 2))
        for sample in samples { u16(UInt16(bitPattern: sample)) }
        return data
    }
}
