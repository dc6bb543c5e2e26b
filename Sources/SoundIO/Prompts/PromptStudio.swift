import Foundation
import Telephony

/// The steps of `ivr prompt record` and `ivr prompt play`, without the terminal: beep, record a
/// take from a capture PCM, trim and level it, install it (keeping the previous take), play it.
public struct PromptStudio {
    /// The library takes go into.
    public var library: PromptLibrary
    /// How takes are trimmed and levelled.
    public var levelling = PromptLevelling()
    /// When a recording stops.
    public var rules = PromptRecordingRules()
    /// Period and buffer sizes and the logger for the ALSA lines.
    public var line = LineConfiguration()

    /// A studio working on `library`.
    public init(library: PromptLibrary) { self.library = library }

    /// The result of one recording.
    public struct Session: Sendable {
        /// Why and where the raw take stopped.
        public var stop: RecordingStop
        /// Seconds captured before trimming.
        public var capturedSeconds: Double
        /// The installed, levelled prompt.
        public var result: PromptTakeResult
    }

    /// Opens and closes each PCM once, so a missing or busy device is reported before anything starts.
    public func check(capture: ALSADevice, playback: ALSADevice?) throws(PromptLibraryError) {
        do {
            try ALSACapture(device: capture, configuration: line).close()
            if let playback { try ALSAPlayback(device: playback, configuration: line).close() }
        } catch {
            throw .line(error)
        }
    }

    /// Plays the voicemail beep (1 kHz, 250 ms, -10 dBm0) to `device` and waits for it to end.
    public func beep(on device: ALSADevice) throws(PromptLibraryError) {
        try play(ToneGenerator.render(.voicemailBeep) + [Int16](repeating: 0, count: 400), on: device)
    }

    /// Plays prompt `name` to `device`.
    public func play(_ name: PromptName, on device: ALSADevice) throws(PromptLibraryError) {
        try play(try library.load(name), on: device)
    }

    /// Plays engine audio to `device` on a playback thread; returns when it has been played.
    public func play(_ samples: [Int16], on device: ALSADevice) throws(PromptLibraryError) {
        do {
            try AudioPlayer.play(samples, to: try ALSAPlayback(device: device, configuration: line))
        } catch {
            throw .line(error)
        }
    }

    /// Records prompt `name` from `device` until a stop rule or `stopRequested`, then trims,
    /// levels and installs it. The raw take is written crash-safe to `.takes/` and removed once
    /// the prompt is installed. When the line or the disk fails mid-take nothing is installed:
    /// the error names the raw take, which is kept.
    public func record(_ name: PromptName, from device: ALSADevice, keypad: (any KeypadListener)? = nil,
                       stopRequested: @escaping @Sendable () -> Bool = { false },
                       progress: @escaping @Sendable (Double, AudioLevels) -> Void = { _, _ in },
                       at time: Date = Date()) throws(PromptLibraryError) -> Session {
        try library.checkFolder()
        let takes = (library.folder as NSString).appendingPathComponent(".takes")
        try? FileManager.default.createDirectory(atPath: takes, withIntermediateDirectories: true)
        let takePath = (takes as NSString).appendingPathComponent(
            "\(name.value)-\(PromptLibrary.backupStamp(time)).wav")
        let source: ALSACapture
        do { source = try ALSACapture(device: device, configuration: line) } catch { throw .line(error) }
        let take: PromptRecorder.Take
        do {
            take = try PromptRecorder(rules: rules).record(from: source, into: takePath, keypad: keypad,
                                                           stopRequested: stopRequested, progress: progress)
        } catch {
            throw .sound(error)
        }
        switch take.stop {
        case .lineFailed(let error) where take.samples.isEmpty: throw .line(error)
        case .lineFailed(let error): throw .takeInterrupted(reason: error.description, rawTake: takePath)
        case .fileFailed(let error): throw .takeInterrupted(reason: error.description, rawTake: takePath)
        default: break
        }
        let result = try library.installTake(take.samples, as: name, source: takePath, levelling: levelling, at: time)
        try? FileManager.default.removeItem(atPath: takePath)
        return Session(stop: take.stop, capturedSeconds: Double(take.samples.count) / Double(EngineAudio.sampleRate),
                       result: result)
    }
}
