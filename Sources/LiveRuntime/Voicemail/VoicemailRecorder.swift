import CallFlow
import Foundation
import SoundIO
import Telephony

/// Records one voicemail: straight to a WAV file whose header stays valid as it grows, and
/// watches the stop rules (max length, silence).
///
/// Every captured period is appended to the file at once (`WAVWriter`: one `write(2)` per period,
/// header updated), so `kill -9` loses at most the period in flight. When the message ends, the
/// terminating key's tone and the leading and trailing silence are cut off and the file is
/// replaced by the trimmed take (written beside it, then renamed over it, so a file is always
/// there and always opens).
final class VoicemailRecorder {
    /// Where the recording is written.
    let url: URL
    /// The rules of the step.
    let request: RecordRequest
    /// Capture frame (line clock) where recording began.
    let startFrame: Int
    private let writer: WAVWriter
    private var samples: [Int16] = []
    private var silence: SilenceDetector
    private var maxFrames: Int

    /// Margin of silence kept before and after the speech, in seconds.
    static let margin = 0.1
    /// Audio cut before a terminating key's tone start, in seconds (the receiver places it to ~1 ms).
    static let keyGuard = 0.02

    init(url: URL, request: RecordRequest, startFrame: Int) throws(LiveCallError) {
        self.url = url
        self.request = request
        self.startFrame = startFrame
        do { writer = try WAVWriter(path: url.path) } catch { throw .recording(error.description) }
        silence = SilenceDetector(thresholdDBFS: request.silenceThreshold, hangover: max(0, request.silenceTime))
        maxFrames = Int((request.maxLength * 8000).rounded())
        samples.reserveCapacity(min(maxFrames, 8000 * 60))
    }

    /// Frames recorded so far.
    var frames: Int { samples.count }

    /// Appends captured audio; returns why the recording must stop now, if it must.
    func append(_ audio: UnsafeBufferPointer<Int16>) throws(LiveCallError) -> RecordingStopReason? {
        let room = maxFrames > 0 ? max(0, maxFrames - samples.count) : audio.count
        let part = UnsafeBufferPointer(rebasing: audio.prefix(room))
        samples.append(contentsOf: part)
        do { try writer.append(part) } catch { throw .recording(error.description) }
        silence.process(part)
        if maxFrames > 0 && samples.count >= maxFrames { return .maxLength }
        if request.silenceTime > 0 && silence.quietSeconds >= request.silenceTime { return .silence }
        return nil
    }

    /// Ends the recording: cuts at `keyStartFrame` (line clock) if a key ended it, trims silence,
    /// rewrites the file, and returns the message length in seconds.
    func finish(keyStartFrame: Int?) throws(LiveCallError) -> Double {
        do { try writer.close() } catch { throw .recording(error.description) }
        var end = samples.count
        if let keyStartFrame {
            end = min(end, max(0, keyStartFrame - startFrame - Int(Self.keyGuard * 8000)))
        }
        let kept = Array(samples[0..<end])
        let range = AudioEdit.soundRange(kept, thresholdDBFS: request.silenceThreshold, marginSeconds: Self.margin)
        let trimmed = Array(kept[range])
        if trimmed.count != samples.count { try replaceFile(with: trimmed) }
        return Double(trimmed.count) / 8000
    }

    /// Deletes the file (a message shorter than the minimum length).
    func discard() {
        closeForDiscard()
        try? FileManager.default.removeItem(at: url)
    }

    /// Closes a too-short take without removing it: the store writer removes it after the row
    /// it may still have to write (`CallRecords.dropVoicemail`), so the two never race.
    func closeForDiscard() {
        try? writer.close()
    }

    private func replaceFile(with trimmed: [Int16]) throws(LiveCallError) {
        let part = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".part")
        do {
            try WAVWriter.write(samples: trimmed, to: part.path)
        } catch { throw .recording(error.description) }
        guard rename(part.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: part)
            throw .recording("\(url.path): error: cannot replace the recording with its trimmed take: \(reason); the untrimmed take is kept")
        }
    }
}
