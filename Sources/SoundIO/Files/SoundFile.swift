import CSndFile
import Foundation
import Telephony

/// Reads sound files through libsndfile into the engine's format, and describes them.
///
/// Any container libsndfile reads works (WAV, FLAC, Ogg/Vorbis, Opus, AIFF, AU, MP3 where the
/// library has it, raw PCM with a given `RawFormat`). Channels are down-mixed by averaging;
/// other rates are converted with libsamplerate's band-limited sinc converter.
public enum SoundFile {
    /// Describes the file without decoding its audio.
    public static func info(_ path: String, raw: RawFormat? = nil) throws(SoundFileError) -> SoundFileInfo {
        try SndFileHandle(reading: path, raw: raw).soundFileInfo
    }

    /// Reads the whole file as mono 16-bit PCM at `sampleRate` (the engine's 8000 Hz by default).
    public static func read(_ path: String, raw: RawFormat? = nil, sampleRate: Int = EngineAudio.sampleRate,
                            quality: Resampler.Quality = .medium) throws(SoundFileError) -> [Int16] {
        let decoded = try decode(path, raw: raw)
        return try convert(decoded, path: path, to: sampleRate, quality: quality)
    }

    /// Peak, RMS and clipped-sample count over every sample of every channel at the file's own
    /// rate (measured by `Telephony.LevelMeter` on the samples as 16-bit PCM; float samples beyond
    /// full scale count as clipped).
    public static func levels(_ path: String, raw: RawFormat? = nil) throws(SoundFileError) -> AudioLevels {
        let handle = try SndFileHandle(reading: path, raw: raw)
        return LevelMeter.measure(SampleConversion.int16(from: handle.readAllFloats()))
    }

    /// The decoded content of a file: its description and its down-mixed samples.
    struct Decoded {
        var info: SoundFileInfo
        var mono: [Float]
    }

    static func decode(_ path: String, raw: RawFormat?) throws(SoundFileError) -> Decoded {
        let handle = try SndFileHandle(reading: path, raw: raw)
        let info = handle.soundFileInfo
        let interleaved = handle.readAllFloats()
        return Decoded(info: info, mono: downmix(interleaved, channels: info.channels))
    }

    static func convert(_ decoded: Decoded, path: String, to sampleRate: Int,
                        quality: Resampler.Quality) throws(SoundFileError) -> [Int16] {
        do {
            let resampled = try Resampler.convert(decoded.mono, from: decoded.info.sampleRate, to: sampleRate,
                                                  quality: quality)
            return SampleConversion.int16(from: resampled)
        } catch {
            throw .resampling(path: path, libsamplerate: error.message)
        }
    }

    /// Averages interleaved channels into one.
    static func downmix(_ interleaved: [Float], channels: Int) -> [Float] {
        guard channels > 1 else { return interleaved }
        let frames = interleaved.count / channels
        let scale = 1 / Float(channels)
        var mono = [Float](repeating: 0, count: frames)
        interleaved.withUnsafeBufferPointer { input in
            for frame in 0..<frames {
                var sum: Float = 0
                for channel in 0..<channels { sum += input[frame * channels + channel] }
                mono[frame] = sum * scale
            }
        }
        return mono
    }
}
