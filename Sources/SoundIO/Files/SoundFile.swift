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
    ///
    /// For short files (prompts, test audio): long ones are read block by block with
    /// `SoundFileReader` instead, in constant memory.
    public static func read(_ path: String, raw: RawFormat? = nil, sampleRate: Int = EngineAudio.sampleRate,
                            quality: Resampler.Quality = .medium) throws(SoundFileError) -> [Int16] {
        let reader = try SoundFileReader(path, raw: raw, sampleRate: sampleRate, quality: quality)
        var samples: [Int16] = []
        samples.reserveCapacity(Int(Double(min(reader.info.frames, 1 << 24)) * Double(sampleRate)
                                    / Double(max(1, reader.info.sampleRate))) + 16)
        do { try reader.forEachBlock { samples.append(contentsOf: $0) } } catch let error as SoundFileError {
            throw error
        } catch {
            throw .corrupt(path: path, libsndfile: "\(error)")
        }
        return samples
    }

    /// Peak, RMS and clipped-sample count over every sample of every channel at the file's own
    /// rate (measured by `Telephony.LevelMeter` on the samples as 16-bit PCM; float samples beyond
    /// full scale count as clipped), read block by block.
    public static func levels(_ path: String, raw: RawFormat? = nil) throws(SoundFileError) -> AudioLevels {
        try scan(path, raw: raw).levels
    }

    /// `levels`, with what is missing if the file is truncated (read to its end in blocks).
    public static func scan(_ path: String, raw: RawFormat? = nil) throws(SoundFileError)
        -> (levels: AudioLevels, truncation: SoundFileTruncation?) {
        let handle = try SndFileHandle(reading: path, raw: raw)
        let info = handle.soundFileInfo
        let channels = max(1, info.channels)
        let block = SoundFileReader.blockFrames
        var floats = [Float](repeating: 0, count: block * channels)
        var shorts = [Int16](repeating: 0, count: block * channels)
        var meter = LevelMeter()
        var frames = 0
        while true {
            let got = floats.withUnsafeMutableBufferPointer {
                Int(sf_readf_float(handle.pointer, $0.baseAddress, sf_count_t(block)))
            }
            if got <= 0 { break }
            frames += got
            let n = got * channels
            for i in 0..<n { shorts[i] = SampleConversion.int16(floats[i]) }
            shorts.withUnsafeBufferPointer { meter.process(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
        var truncation = SoundFileTruncation.fromHeader(handle.pointer, path: path, frames: info.frames,
                                                        sampleRate: info.sampleRate)
        if truncation == nil, frames < info.frames {
            truncation = SoundFileTruncation(path: path, promisedFrames: info.frames, heldFrames: frames,
                                             sampleRate: info.sampleRate)
        }
        return (meter.levels, truncation)
    }

    /// Averages `frames` interleaved frames of `channels` channels into `mono`.
    static func downmix(_ interleaved: UnsafeBufferPointer<Float>, channels: Int, frames: Int,
                        into mono: UnsafeMutableBufferPointer<Float>) {
        if channels == 1 {
            for i in 0..<frames { mono[i] = interleaved[i] }
            return
        }
        let scale = 1 / Float(channels)
        for frame in 0..<frames {
            var sum: Float = 0
            for channel in 0..<channels { sum += interleaved[frame * channels + channel] }
            mono[frame] = sum * scale
        }
    }
}
