@testable import CallFlow
import Foundation
import SoundIO
import Telephony
import Testing
@testable import LiveRuntime

/// The scripted call (`ivr call --keys`) and a live line (alsa-lib's `file` plugin, keys as DTMF
/// tones, talk as noise, hang-up as the end of the capture) run the same caller script through
/// the store flow, and their transcripts agree event for event, times within one audio period.
///
/// Both drivers carry out the flow through the one ``CallRunner``; what may differ is only what
/// their media ports do. To compare like with like the line plays prompts padded to whole periods
/// (so a prompt ends on a period boundary) with one period of priming (playback heard at capture
/// time), and each key's tone starts early by the receiver's detection delay.
@Suite("Drivers agree: scripted and live", .serialized)
struct DriverAgreementTests {
    static let period = 160
    static let store = TimeZone(identifier: "Europe/London")!
    static let open = ScriptedCall.parseLocalTime("2026-11-23T10:00", in: store)!
    static let closed = ScriptedCall.parseLocalTime("2026-11-23T20:00", in: store)!

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let keys: String
        var callerID: String? = "+441632960123"
        var start: Date = DriverAgreementTests.open
        /// Event types (with a value prefix after `:`) the scripted transcript must contain.
        let expects: [String]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "menu to orders", keys: "w1 1 w10 hangup", expects: ["enqueue", "leave-queue:abandon", "hangup:abandoned"]),
        Case(name: "menu to payments", keys: "w1 2 w6 hangup", expects: ["enqueue", "hangup:abandoned"]),
        Case(name: "menu to returns", keys: "w1 3 w6 hangup", expects: ["enqueue", "hangup:abandoned"]),
        Case(name: "menu to someone", keys: "w1 0 w6 hangup", expects: ["enqueue", "hangup:abandoned"]),
        Case(name: "invalid keys", keys: "w3 9 w4 8 w4 7 w8 hangup", expects: ["enqueue", "hangup:abandoned"]),
        Case(name: "no input", keys: "w70 hangup", expects: ["timeout", "enqueue", "hangup:abandoned"]),
        Case(name: "holding then 1 for voicemail", keys: "w1 1 w5 1 w10 talk4 w12",
             expects: ["leave-queue:key 1", "beep", "record", "record-end:silence", "voicemail:saved", "hangup:voicemail"]),
        Case(name: "holding then 2 for a callback", keys: "w1 1 w5 2 w30 1 w20",
             expects: ["leave-queue:key 2", "callback", "hangup:callback"]),
        Case(name: "after hours, withheld number", keys: "w20 07700900123# w30", callerID: nil, start: closed,
             expects: ["callback", "record-end:silence", "voicemail:dropped"]),
        Case(name: "hang-up mid-message", keys: "w1 1 w5 1 w10 talk3 hangup",
             expects: ["record", "record-end:hang-up", "voicemail:saved", "hangup:voicemail"]),
    ]

    @Test(arguments: cases)
    func transcriptsAgree(_ test: Case) throws {
        let harness = try LineHarness()
        let sounds = Self.padded(harness.sounds)
        var options = ScriptedCall.Options(callerID: test.callerID, start: test.start)
        for (i, name) in harness.program.promptNames.enumerated() { options.promptLengths[name] = Double(sounds.prompts[i].count) / 8000 }
        options.beepLength = Double(sounds.beep.count) / 8000
        let script = try KeyScript(test.keys)
        let scripted = ScriptedCall(program: harness.program, options: options).run(script)
        for expected in test.expects {
            let parts = expected.split(separator: ":", maxSplits: 1).map(String.init)
            #expect(scripted.events.contains { $0.type == parts[0] && (parts.count == 1 || ($0.value ?? "").hasPrefix(parts[1])) },
                    "\(test.name): no \(expected) in\n\(scripted.text)")
        }

        let live = try Self.live(script, harness: harness, sounds: sounds, callerID: test.callerID, start: test.start,
                                 keyGap: options.keyGap)
        #expect(live.problems.isEmpty, "\(live.problems)")
        let a = scripted.events, b = live.transcript.events
        for i in 0..<min(a.count, b.count) {
            let same = a[i].type == b[i].type && a[i].name == b[i].name && Self.valuesAgree(a[i].value, b[i].value)
                && abs(a[i].t - b[i].t) <= Double(Self.period) / 8000 + 1e-6
            #expect(same, "\(test.name): event \(i) differs: scripted \(Transcript.line(a[i])) live \(Transcript.line(b[i]))\nscripted:\n\(scripted.text)live:\n\(live.transcript.text)")
            if !same { break }
        }
        #expect(a.count == b.count, "\(test.name): \(a.count) scripted events, \(b.count) live\nscripted:\n\(scripted.text)live:\n\(live.transcript.text)")
        #expect(live.outcome?.result.rawValue == scripted.outcome.result)
    }

    /// Values agree when equal, numbers (message lengths like `4.2s`) within a second: the line
    /// measures a message from its audio after trimming the caller's silence before speaking,
    /// while the scripted call counts from the end of the beep (a known difference of models).
    static func valuesAgree(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == b }
        let x = a.split(separator: " "), y = b.split(separator: " ")
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where p != q {
            guard let m = Double(p.replacingOccurrences(of: "s", with: "")),
                  let n = Double(q.replacingOccurrences(of: "s", with: "")), abs(m - n) <= 1 else { return false }
        }
        return true
    }

    /// Every prompt and the beep padded with silence to whole periods.
    static func padded(_ sounds: PromptSet) -> PromptSet {
        func pad(_ samples: [Int16]) -> [Int16] {
            samples + [Int16](repeating: 0, count: (period - samples.count % period) % period)
        }
        return PromptSet(prompts: sounds.prompts.map(pad), music: sounds.music, beep: pad(sounds.beep))
    }

    /// Frames from the start of a key's tone (on a period boundary) to the end of the period in
    /// which the line's receiver reports it.
    static func detectionDelay() -> Int {
        let lead = 10 * period
        var audio = [Int16](repeating: 0, count: lead) + DTMFGenerator().tone(.five)
        audio += [Int16](repeating: 0, count: 40 * period)
        var receiver = DTMFReceiver()
        var start = 0
        while start < audio.count {
            audio[start..<start + period].withUnsafeBufferPointer { receiver.process($0) }
            start += period
            if receiver.pendingEvents.contains(where: { if case .keyDown = $0 { true } else { false } }) { return start - lead }
        }
        return 0
    }

    /// The caller's side of the line: tones ending their detection at each key's moment, noise
    /// while talking, silence otherwise; it ends at the script's hang-up (or goes on for minutes).
    static func capture(_ script: KeyScript, keyGap: Double) -> [Int16] {
        let layout = ScriptedCall.layout(script, keyGap: keyGap)
        let end = layout.hangup.map { Int(($0 * 8000).rounded()) } ?? 240 * 8000
        var samples = [Int16](repeating: 0, count: end)
        var state: UInt32 = 7
        for (from, to) in layout.talk {
            for n in Int((from * 8000).rounded())..<min(end, Int((to * 8000).rounded())) {
                state = state &* 1_664_525 &+ 1_013_904_223
                samples[n] = Int16(truncatingIfNeeded: Int32(bitPattern: state) >> 19)
            }
        }
        let delay = detectionDelay()
        let generator = DTMFGenerator()
        for (time, key) in layout.keys {
            guard let index = PhoneKey.byTone.firstIndex(of: key), let dtmf = DTMFKey(rawValue: index) else { continue }
            let tone = generator.tone(dtmf)
            let at = Int((time * 8000).rounded()) - delay
            for (i, sample) in tone.enumerated() where at + i >= 0 && at + i < end { samples[at + i] = sample }
        }
        return samples
    }

    /// Runs the script on a live line made of raw files.
    static func live(_ script: KeyScript, harness: LineHarness, sounds: PromptSet, callerID: String?, start: Date,
                     keyGap: Double) throws -> LiveCallResult {
        let samples = capture(script, keyGap: keyGap)
        let (play, cap, _) = try harness.devices(capture: samples)
        let configuration = LineConfiguration(periodFrames: period, periodsPerBuffer: 4)
        let sink = try ALSAPlayback(device: play, configuration: configuration)
        let control = LineControl()
        // The file plugin pads a finished capture file with silence: the caller hangs up through
        // the control once the script's last frame has been read.
        let source = ScriptedSource(try ALSACapture(device: cap, configuration: configuration), after: samples.count,
                                    .hangUp(control))
        let options = LiveCallOptions(callerID: callerID, start: start, primingFrames: period)
        let call = LiveCall(program: harness.program, sounds: sounds, records: CallRecords(store: harness.store), options: options,
                            control: control)
        return LiveLine.run(call, source: source, sink: sink, control: control)
    }
}
