import CallFlow
import Foundation
import SoundIO
import Telephony
import Testing
@testable import LiveRuntime

/// A caller whose line returns the prompt's echo (delayed, filtered, 6 dB down), through ALSA's
/// `file` plugin. Playback and capture run in lock-step, and a sample written at playback index p
/// is heard at line time p, so the echo is built from the playback of an earlier run of the same
/// call: with the same keys at the same times the flow plays the same audio, so the echo matches.
@Suite(.serialized) struct LineEchoCancellerTests {
    /// Keys pressed during the greeting, the "invalid" prompts and the hold music, in seconds.
    static let presses: [(key: Character, at: Double)] = [("9", 0.6), ("8", 1.5), ("1", 2.4), ("1", 4.2)]
    /// Line time the capture lasts (the caller then hangs up).
    static let seconds = 8.0

    /// The echo of `playback`: 10 ms of bulk delay, a short low-pass response, 6 dB down.
    static func echo(of playback: [Int16], count: Int) -> [Double] {
        let response: [Double] = [0.22, 0.16, 0.08, 0.03, -0.02]  // sums to 0.47: about -6.5 dB at low frequencies
        let delay = 80
        return (0..<count).map { n in
            var sum = 0.0
            for (k, h) in response.enumerated() where n - delay - k >= 0 && n - delay - k < playback.count {
                sum += h * Double(playback[n - delay - k])
            }
            return sum
        }
    }

    /// The caller's audio: key tones at `presses` (if any) plus `echo` (if any).
    static func capture(keys: Bool, echo: [Double]?) -> [Int16] {
        var script = CaptureScript()
        if keys {
            for press in presses {
                script.silence(until: press.at)
                script.key(press.key)
            }
        }
        script.silence(until: seconds)
        guard let echo else { return script.samples }
        return script.samples.indices.map { Int16(max(-32768, min(32767, (Double(script.samples[$0]) + echo[$0]).rounded()))) }
    }

    static func run(_ harness: LineHarness, capture: [Int16], echoCanceller: Bool) throws -> (LiveCallResult, [Int16]) {
        var settings: EchoCanceller.Settings?
        if echoCanceller { settings = EchoCanceller.Settings() }
        return try harness.run(capture: capture, echoCanceller: settings)
    }

    static func digits(_ result: LiveCallResult) -> String {
        String(result.transcript.entries.filter { $0.type == "digit" }.compactMap { $0.value?.first })
    }

    @Test func everyKeyIsHeardThroughThePromptsEchoAndStopsThePrompt() throws {
        let harness = try LineHarness()
        // Run 1: keys without echo, to learn what the call plays when these keys are pressed.
        let (clean, played) = try Self.run(harness, capture: Self.capture(keys: true, echo: nil), echoCanceller: true)
        #expect(Self.digits(clean) == "9811")
        // Run 2: the same keys plus that playback's echo, with the canceller.
        let echo = Self.echo(of: played, count: Int(Self.seconds * 8000))
        let (result, playback) = try Self.run(harness, capture: Self.capture(keys: true, echo: echo), echoCanceller: true)
        #expect(Self.digits(result) == "9811", "\(result.transcript.entries.map { LiveTranscript.line($0) })")
        // Every key stopped the prompt playing at the time, within 100 ms of the tone's end.
        let stops = result.transcript.entries.filter { $0.type == "stop-prompt" }.map(\.frame)
        #expect(stops.count >= 3)
        let keyEnds = Self.presses.map { Int(($0.at + 0.070) * 8000) }
        for stop in stops { #expect(keyEnds.contains { stop >= $0 - 400 && stop <= $0 + 800 }, "a stop at \(stop) follows no key") }
        // The echo matched the call: it played the same audio as the run it was built from.
        let same = zip(playback, played).prefix(while: { $0 == $1 }).count
        #expect(same >= min(playback.count, Int(Self.seconds * 8000)) - 160, "playback differs from sample \(same)")
    }

    @Test func theEchoAloneIsNeverAKey() throws {
        let harness = try LineHarness()
        let (_, played) = try Self.run(harness, capture: Self.capture(keys: false, echo: nil), echoCanceller: true)
        let echo = Self.echo(of: played, count: Int(Self.seconds * 8000))
        for canceller in [true, false] {
            let (result, _) = try Self.run(harness, capture: Self.capture(keys: false, echo: echo), echoCanceller: canceller)
            #expect(Self.digits(result).isEmpty, "echo canceller \(canceller): \(Self.digits(result))")
            #expect(result.lineError == nil)
        }
    }
}
