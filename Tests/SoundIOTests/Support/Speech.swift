import ChildProcesses
import Foundation
@testable import SoundIO

/// Real speech for tests, made by espeak-ng (installed by scripts/setup) and read back through SoundIO.
enum Speech {
    /// `text` spoken by espeak-ng, as engine audio (8 kHz mono), scaled by `gain`.
    static func say(_ text: String, gain: Float = 1, in dir: TemporaryDirectory) throws -> [Int16] {
        let path = dir.path("speech-\(UUID().uuidString).wav")
        let espeak = try ChildProcess("/usr/bin/env", ["espeak-ng", "-w", path, text], stdout: .inherit, stderr: .inherit)
        guard (espeak.wait(seconds: 120) ?? espeak.stop(SIGKILL)) == .exited(0) else { throw SpeechError.espeakFailed }
        let samples = try SoundFile.read(path)
        return gain == 1 ? samples : SampleConversion.int16(from: SampleConversion.floats(from: samples).map { $0 * gain })
    }

    enum SpeechError: Error { case espeakFailed }

    /// `seconds` of digital silence.
    static func silence(_ seconds: Double) -> [Int16] {
        [Int16](repeating: 0, count: Int(seconds * 8000))
    }

    /// Low-level white noise (deterministic), at about `dBFS` RMS.
    static func noise(_ seconds: Double, dBFS: Double) -> [Int16] {
        var state: UInt32 = 12345
        let amplitude = pow(10, dBFS / 20) * 32768 * 3.0.squareRoot()
        return (0..<Int(seconds * 8000)).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return Int16((Double(state) / Double(UInt32.max) * 2 - 1) * amplitude)
        }
    }
}
