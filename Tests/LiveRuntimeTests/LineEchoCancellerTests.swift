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
    /// Keys pressed during the greeting and the "invalid" prompt after each wrong key, in seconds.
    static let presses: [(key: Character, at: Double)] = [("9", 0.6), ("8", 1.5), ("1", 2.4)]
    /// Line time the capture lasts (the caller then hangs up).
    static let seconds = 4.0
    /// A 16 ms tail: the echo path below fits, and the debug-build test stays quick.
    static let settings = EchoCanceller.Settings(tailMilliseconds: 16)

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
    static func capture(keys: Bool, echo: [Double]?) -> (samples: [Int16], script: CaptureScript) {
        var script = CaptureScript()
        if keys {
            for press in presses {
                script.silence(until: press.at)
                script.key(press.key)
            }
        }
        script.silence(until: seconds)
        guard let echo else { return (script.samples, script) }
        let mixed = script.samples.indices.map { index in
            Int16(max(-32768, min(32767, (Double(script.samples[index]) + echo[index]).rounded())))
        }
        return (mixed, script)
    }

    /// Runs the call on `capture`; the caller hangs up after `seconds` of line time.
    static func run(_ harness: LineHarness, capture: [Int16],
                    echoCanceller: EchoCanceller.Settings?) throws -> (LiveCallResult, [Int16]) {
        let control = LineControl()
        return try harness.run(capture: capture, control: control, echoCanceller: echoCanceller) {
            ScriptedSource($0, after: Int(seconds * 8000), .hangUp(control))
        }
    }

    static func digits(_ result: LiveCallResult) -> String {
        let keys: [Character] = result.transcript.events("digit").compactMap { $0.value?.first }
        return String(keys)
    }

    @Test func everyKeyIsHeardThroughThePromptsEchoAndStopsThePrompt() throws {
        let harness = try LineHarness()
        // Run 1: keys without echo, to learn what the call plays when these keys are pressed.
        let (clean, played) = try Self.run(harness, capture: Self.capture(keys: true, echo: nil).samples,
                                               echoCanceller: Self.settings)
        #expect(Self.digits(clean) == "981", "\(clean.transcript.text)")
        // Run 2: the same keys plus that playback's echo, with the canceller.
        let echo = Self.echo(of: played, count: Int(Self.seconds * 8000))
        let (capture, script) = Self.capture(keys: true, echo: echo)
        let (result, playback) = try Self.run(harness, capture: capture, echoCanceller: Self.settings)
        #expect(Self.digits(result) == "981", "\(result.transcript.text)")
        // Barge-in: every key stopped the prompt playing when it was pressed, within 80 ms of the
        // tone's end (the prompt is found sample for sample in the playback; the line copies it).
        let prompts = result.transcript.events("prompt")
        for key in script.keys {
            let time = Double(key.start) / 8000
            let event = try #require(prompts.last { $0.t <= time }, "no prompt before \(key.key)")
            let playing = try #require(event.name)
            let sound = harness.prompt(playing)
            let at = try #require(Locate.find(sound, in: playback, from: max(0, Int(event.t * 8000) - 800)),
                                  "prompt \(playing) not in the playback")
            let stopped = at + Locate.matchingLength(sound, in: playback, at: at)
            #expect(stopped < at + sound.count, "key \(key.key) did not stop \(playing)")
            #expect(stopped > key.start, "key \(key.key) (tone \(key.start)-\(key.end)) stopped \(playing) at \(stopped)")
            #expect(stopped <= key.end + 640,
                    "key \(key.key) (tone \(key.start)-\(key.end)) stopped \(playing) at \(stopped)")
        }
        // The echo matched the call: it played the same audio as the run it was built from.
        let same = zip(playback, played).prefix(while: { $0 == $1 }).count
        #expect(same >= min(playback.count, Int(Self.seconds * 8000)) - 160, "playback differs from sample \(same)")
    }

    @Test func theEchoAloneIsNeverAKey() throws {
        let harness = try LineHarness()
        let (_, played) = try Self.run(harness, capture: Self.capture(keys: false, echo: nil).samples,
                                           echoCanceller: Self.settings)
        let echo = Self.echo(of: played, count: Int(Self.seconds * 8000))
        for canceller in [Self.settings, nil] {
            let (result, _) = try Self.run(harness, capture: Self.capture(keys: false, echo: echo).samples,
                                               echoCanceller: canceller)
            #expect(Self.digits(result).isEmpty, "echo canceller \(canceller != nil): \(Self.digits(result))")
            #expect(result.lineError == nil)
        }
    }
}
