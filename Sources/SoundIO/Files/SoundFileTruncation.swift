import CSndFile
import Foundation

/// A file whose header promises more audio than the file holds: the end is missing (a copy or
/// download cut short, a recorder killed before it finished).
///
/// libsndfile reads such files without complaint (it shortens a WAV's data chunk to what is
/// there and stops a FLAC where the data ends), so it is found two ways: the header's lengths
/// that libsndfile logs as "N (should be M)" when it corrects them, and, once a file has been
/// read to its end, fewer frames than its header gave.
public struct SoundFileTruncation: Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// Frames the header promises.
    public var promisedFrames: Int
    /// Frames the file holds.
    public var heldFrames: Int
    /// The file's frames per second.
    public var sampleRate: Int

    /// `FILE: warning: the file is truncated: ...`, with both lengths and what to do.
    public var description: String {
        let rate = Double(max(1, sampleRate))
        return "\(path): warning: the file is truncated: its header promises "
            + String(format: "%.3f s (%d frames) but it holds %.3f s (%d frames)",
                     Double(promisedFrames) / rate, promisedFrames, Double(heldFrames) / rate, heldFrames)
            + "; the end is missing (an interrupted copy or recording?): copy or export it again"
    }

    /// The truncation libsndfile noticed while opening (its header log), if any.
    static func fromHeader(_ handle: OpaquePointer, path: String, frames: Int, sampleRate: Int) -> SoundFileTruncation? {
        var log = [CChar](repeating: 0, count: 16_384)
        _ = sf_command(handle, Int32(SFC_GET_LOG_INFO), &log, Int32(log.count))
        let text = String(decoding: log.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let (claimed, actual) = dataLengths(inLog: text), claimed > actual, actual >= 0 else { return nil }
        // The log gives bytes; libsndfile's frame count is the bytes it kept, so scale it.
        let promised = actual > 0 ? Int((Double(frames) * Double(claimed) / Double(actual)).rounded()) : max(frames, 1)
        guard promised > frames else { return nil }
        return SoundFileTruncation(path: path, promisedFrames: promised, heldFrames: frames, sampleRate: sampleRate)
    }

    /// The (claimed, actual) byte lengths of the audio chunk in a libsndfile header log: its
    /// line `data : 9000 (should be 956)` (WAV, W64, RF64) or `SSND : ...` (AIFF).
    static func dataLengths(inLog log: String) -> (Int, Int)? {
        for line in log.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("data") || trimmed.hasPrefix("SSND"),
                  let colon = trimmed.firstIndex(of: ":"), let should = trimmed.range(of: "(should be ") else { continue }
            let claimed = trimmed[trimmed.index(after: colon)..<should.lowerBound].trimmingCharacters(in: .whitespaces)
            let actual = trimmed[should.upperBound...].prefix { $0.isNumber }
            if let c = Int(claimed), let a = Int(actual) { return (c, a) }
        }
        return nil
    }
}
