import Foundation
import Telephony

/// Records one take from an `AudioSource` on a dedicated capture thread, into a crash-safe WAV
/// file as it goes, until a `PromptRecordingRules` condition or an outside request stops it.
///
/// The take file is written with `WAVWriter`, so a crash leaves a readable raw take.
public struct PromptRecorder {
    /// When to stop.
    public var rules: PromptRecordingRules

    /// A recorder with `rules`.
    public init(rules: PromptRecordingRules = PromptRecordingRules()) { self.rules = rules }

    /// What was recorded.
    public struct Take: Sendable {
        /// The captured audio, cut before the stop key's tone when a key ended it.
        public var samples: [Int16]
        /// Why it stopped.
        public var stop: RecordingStop
        /// The raw take file (everything captured, including any key tone).
        public var path: String
    }

    /// Records from `source` into `takePath`; blocks until the take ends, then closes the source.
    ///
    /// `stopRequested` is asked once per period (e.g. "was Enter pressed?"); `progress` is told
    /// the seconds recorded and the level of each period. Both run on the capture thread.
    public func record(from source: any AudioSource, into takePath: String, keypad: (any KeypadListener)? = nil,
                       stopRequested: @escaping @Sendable () -> Bool = { false },
                       progress: @escaping @Sendable (_ seconds: Double, _ levels: AudioLevels) -> Void = { _, _ in })
        throws(SoundFileError) -> Take {
        let session = RecordingSession(rules: rules, writer: try WAVWriter(path: takePath), keypad: keypad)
        let thread = CaptureThread(source: source, name: "switchboard.prompt-record", onAudio: { samples, _ in
            if stopRequested() { session.finish(.requested) }
            session.take(samples)
            progress(session.seconds, LevelMeter.measure(samples))
            return session.stop == nil
        }, onEnd: { error in
            session.finish(error.map { .lineFailed($0) } ?? .sourceEnded)
        })
        thread.wait()
        return Take(samples: session.keptSamples, stop: session.stop ?? .sourceEnded, path: takePath)
    }
}

/// The state of one recording, touched only by the capture thread until it has finished. Internal.
final class RecordingSession: @unchecked Sendable {
    let rules: PromptRecordingRules
    let writer: WAVWriter
    var keypad: (any KeypadListener)?
    var detector: SilenceDetector
    var samples: [Int16] = []
    var cutAt: Int?
    private(set) var stop: RecordingStop?

    init(rules: PromptRecordingRules, writer: WAVWriter, keypad: (any KeypadListener)?) {
        self.rules = rules
        self.writer = writer
        self.keypad = keypad
        detector = SilenceDetector(thresholdDBFS: rules.silenceThresholdDBFS, hangover: rules.silenceAfterSpeechSeconds)
    }

    var seconds: Double { Double(samples.count) / Double(EngineAudio.sampleRate) }

    var keptSamples: [Int16] { Array(samples.prefix(cutAt ?? samples.count)) }

    func finish(_ reason: RecordingStop) {
        if stop == nil { stop = reason }
        try? writer.close()
    }

    func take(_ period: [Int16]) {
        guard stop == nil else { return }
        let maxSamples = Int(rules.maxSeconds * Double(EngineAudio.sampleRate))
        let room = Array(period.prefix(max(0, maxSamples - samples.count)))
        samples += room
        do { try writer.append(room) } catch { return finish(.fileFailed(error)) }
        if let stopKey = rules.stopKey, var listener = keypad {
            let presses = listener.keyPresses(in: room)
            keypad = listener
            if let press = presses.first(where: { $0.key == stopKey }) {
                cutAt = max(0, press.startSample - Int(rules.keyGuardSeconds * Double(EngineAudio.sampleRate)))
                return finish(.key(stopKey))
            }
        }
        detector.process(room)
        let heardSpeech = detector.quietSamples < detector.samplesJudged
        if heardSpeech && detector.isSilent { return finish(.silence) }
        if samples.count >= maxSamples { finish(.maxLength) }
    }
}
