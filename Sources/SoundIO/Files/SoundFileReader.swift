import CSndFile
import Foundation

/// Reads a sound file block by block as mono 16-bit PCM at a chosen rate: libsndfile decodes
/// `blockFrames` frames at a time, channels are averaged, and the rate is converted by
/// `FIRDecimator` when the file's rate is a whole multiple of the target (48 kHz → 8 kHz), by
/// libsamplerate's streaming sinc converter (`StreamingResampler`) otherwise. Memory is a few
/// blocks, whatever the file's length.
///
/// A file already at the target rate, mono, 16-bit PCM is read with `sf_readf_short` (no float
/// round trip); anything else as floats, rounded and clipped as `SampleConversion.int16` does.
public final class SoundFileReader {
    /// Frames decoded per block.
    public static let blockFrames = 8192

    /// What the file is (as its header says).
    public let info: SoundFileInfo
    private let handle: SndFileHandle
    private let resampler: StreamingResampler?
    private let decimator: FIRDecimator?
    private let direct: Bool
    /// Frames libsndfile has delivered so far.
    public private(set) var framesRead = 0
    /// Whether the whole file has been read.
    public private(set) var finished = false
    private let headerTruncation: SoundFileTruncation?

    /// Opens `path`; samples come out at `sampleRate`, converted with `quality` when the file's
    /// rate differs.
    public init(_ path: String, raw: RawFormat? = nil, sampleRate: Int = EngineAudio.sampleRate,
                quality: Resampler.Quality = .medium) throws(SoundFileError) {
        handle = try SndFileHandle(reading: path, raw: raw)
        info = handle.soundFileInfo
        headerTruncation = SoundFileTruncation.fromHeader(handle.pointer, path: path, frames: info.frames,
                                                          sampleRate: info.sampleRate)
        if info.sampleRate > sampleRate, info.sampleRate % sampleRate == 0 {
            // A whole factor (16, 24, 32, 48, 96 kHz to 8 kHz): the polyphase FIR, ten times faster.
            decimator = FIRDecimator(factor: info.sampleRate / sampleRate, outputRate: sampleRate)
            resampler = nil
        } else if info.sampleRate != sampleRate {
            decimator = nil
            do { resampler = try StreamingResampler(from: info.sampleRate, to: sampleRate, quality: quality) } catch {
                throw .resampling(path: path, libsamplerate: error.message)
            }
        } else {
            decimator = nil
            resampler = nil
        }
        direct = info.sampleRate == sampleRate && info.channels == 1
            && info.formatCode & Int32(SF_FORMAT_SUBMASK) == Int32(SF_FORMAT_PCM_16)
    }

    /// What is missing from the file, if its header promises more than it holds. Complete once
    /// the file has been read to the end (`finished`); before that only the header is judged.
    public var truncation: SoundFileTruncation? {
        if let headerTruncation { return headerTruncation }
        guard finished, info.frames > framesRead else { return nil }
        return SoundFileTruncation(path: info.path, promisedFrames: info.frames, heldFrames: framesRead,
                                   sampleRate: info.sampleRate)
    }

    /// Hands the rest of the file to `body`, block by block, in order; sets `finished`.
    public func forEachBlock(_ body: (UnsafeBufferPointer<Int16>) throws -> Void) throws {
        if direct { try readDirect(body) } else { try readConverted(body) }
        finished = true
    }

    private func readDirect(_ body: (UnsafeBufferPointer<Int16>) throws -> Void) throws {
        var block = [Int16](repeating: 0, count: Self.blockFrames)
        while true {
            let got = try block.withUnsafeMutableBufferPointer { buffer -> Int in
                let got = Int(sf_readf_short(handle.pointer, buffer.baseAddress, sf_count_t(buffer.count)))
                if got > 0 { try body(UnsafeBufferPointer(rebasing: buffer[0..<got])) }
                return got
            }
            if got <= 0 { break }
            framesRead += got
        }
    }

    private func readConverted(_ body: (UnsafeBufferPointer<Int16>) throws -> Void) throws {
        let channels = max(1, info.channels)
        var interleaved = [Float](repeating: 0, count: Self.blockFrames * channels)
        var mono = [Float](repeating: 0, count: Self.blockFrames)
        var shorts = [Int16](repeating: 0, count: 0)
        func emit(_ floats: UnsafeBufferPointer<Float>) throws {
            if shorts.count < floats.count { shorts = [Int16](repeating: 0, count: floats.count) }
            try shorts.withUnsafeMutableBufferPointer { out in
                for i in 0..<floats.count { out[i] = SampleConversion.int16(floats[i]) }
                try body(UnsafeBufferPointer(rebasing: out[0..<floats.count]))
            }
        }
        while true {
            let got = interleaved.withUnsafeMutableBufferPointer {
                Int(sf_readf_float(handle.pointer, $0.baseAddress, sf_count_t(Self.blockFrames)))
            }
            let frames = max(0, got)
            framesRead += frames
            mono.withUnsafeMutableBufferPointer { out in
                interleaved.withUnsafeBufferPointer { input in
                    SoundFile.downmix(input, channels: channels, frames: frames, into: out)
                }
            }
            let last = frames == 0
            try mono.withUnsafeBufferPointer { all in
                let block = UnsafeBufferPointer(rebasing: all[0..<frames])
                if let decimator {
                    try decimator.process(block, last: last, emit)
                } else if let resampler {
                    do { try resampler.process(block, last: last, emit) } catch let error as Resampler.Failure {
                        throw SoundFileError.resampling(path: info.path, libsamplerate: error.message)
                    }
                } else if frames > 0 {
                    try emit(block)
                }
            }
            if last { break }
        }
    }
}
