import CSndFile
import Foundation

/// Writes a mono 16-bit PCM WAV file chunk by chunk, keeping its header valid as it grows.
///
/// libsndfile rewrites the RIFF and data sizes after every `append` (`SFC_SET_UPDATE_HEADER_AUTO`),
/// and every chunk goes straight to the kernel with `write(2)` (libsndfile keeps no user-space
/// buffer), so a process killed mid-recording (`kill -9`, a crash) leaves a file that opens and
/// holds everything appended before the kill. A power cut may lose what the kernel had not yet
/// flushed; `sync()` forces it out when that matters.
///
/// Use one writer from one thread at a time. `close()` (or releasing the writer) finishes the file.
public final class WAVWriter {
    /// Where the file is written.
    public let path: String
    /// Frames per second recorded in the header.
    public let sampleRate: Int
    /// Frames written so far.
    public private(set) var framesWritten = 0
    private var handle: OpaquePointer?

    /// Creates (or truncates) `path` as a WAV PCM-16 mono file at `sampleRate`.
    public init(path: String, sampleRate: Int = EngineAudio.sampleRate) throws(SoundFileError) {
        self.path = path
        self.sampleRate = sampleRate
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = 1
        info.format = Int32(SF_FORMAT_WAV) | Int32(SF_FORMAT_PCM_16)
        guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw .cannotWrite(path: path, libsndfile: String(cString: sf_strerror(nil)))
        }
        self.handle = handle
        sf_command(handle, Int32(SFC_SET_UPDATE_HEADER_AUTO), nil, Int32(SF_TRUE))
    }

    deinit { if let handle { sf_close(handle) } }

    /// Appends samples; the header on disk counts them when this returns.
    public func append(_ samples: [Int16]) throws(SoundFileError) {
        try samples.withUnsafeBufferPointer { (buffer) throws(SoundFileError) in try append(buffer) }
    }

    /// Appends samples from a buffer (e.g. one ALSA period) without copying.
    public func append(_ samples: UnsafeBufferPointer<Int16>) throws(SoundFileError) {
        guard let handle else { throw .cannotWrite(path: path, libsndfile: "the writer is already closed") }
        guard let base = samples.baseAddress, !samples.isEmpty else { return }
        let written = Int(sf_writef_short(handle, base, sf_count_t(samples.count)))
        framesWritten += max(0, written)
        if written != samples.count {
            throw .cannotWrite(path: path, libsndfile: String(cString: sf_strerror(handle)))
        }
    }

    /// Forces written data to the disk (`fsync`) as well as the header; for when power loss matters.
    public func sync() {
        guard let handle else { return }
        sf_command(handle, Int32(SFC_UPDATE_HEADER_NOW), nil, 0)
        sf_write_sync(handle)
    }

    /// Finishes the file. Further appends throw; closing twice does nothing.
    public func close() throws(SoundFileError) {
        guard let handle else { return }
        self.handle = nil
        let status = sf_close(handle)
        if status != 0 {
            throw .cannotWrite(path: path, libsndfile: String(cString: sf_error_number(status)))
        }
    }

    /// Writes `samples` to `path` as a complete WAV PCM-16 mono file in one go.
    public static func write(samples: [Int16], to path: String,
                             sampleRate: Int = EngineAudio.sampleRate) throws(SoundFileError) {
        let writer = try WAVWriter(path: path, sampleRate: sampleRate)
        try writer.append(samples)
        try writer.close()
    }
}
