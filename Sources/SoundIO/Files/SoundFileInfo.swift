import Foundation
import CSndFile

/// What a sound file holds, as libsndfile reports it: container, encoding, rate, channels, length.
public struct SoundFileInfo: Sendable, Equatable {
    /// The file's path as given.
    public var path: String
    /// The container, in libsndfile's words (e.g. `WAV (Microsoft)`, `FLAC (Free Lossless Audio Codec)`).
    public var container: String
    /// The sample encoding, in libsndfile's words (e.g. `Signed 16 bit PCM`, `Vorbis`).
    public var encoding: String
    /// Frames per second.
    public var sampleRate: Int
    /// Interleaved channels per frame.
    public var channels: Int
    /// Frames in the file (one frame holds one sample per channel).
    public var frames: Int
    /// libsndfile's `SF_FORMAT_*` code (major format OR subtype OR endianness).
    public var formatCode: Int32

    /// Length in seconds.
    public var duration: Double { sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0 }

    /// True for a WAV file holding 16-bit PCM: the container the prompt library and voicemail use.
    public var isWAVPCM16: Bool {
        formatCode & Int32(SF_FORMAT_TYPEMASK) == Int32(SF_FORMAT_WAV)
            && formatCode & Int32(SF_FORMAT_SUBMASK) == Int32(SF_FORMAT_PCM_16)
    }

    /// True when the file is already in the engine's format: WAV, 16-bit PCM, mono, 8000 Hz.
    public var isEngineFormat: Bool {
        isWAVPCM16 && channels == 1 && sampleRate == EngineAudio.sampleRate
    }

    /// Describes one format part (major type or subtype) through `SFC_GET_FORMAT_INFO`.
    static func formatName(_ code: Int32) -> String {
        var info = SF_FORMAT_INFO()
        info.format = code
        let status = sf_command(nil, Int32(SFC_GET_FORMAT_INFO), &info, Int32(MemoryLayout<SF_FORMAT_INFO>.size))
        guard status == 0, let name = info.name else { return String(format: "format 0x%08x", code) }
        return String(cString: name)
    }
}

/// The engine's audio format, shared by every module: mono, 16-bit signed PCM, 8000 frames per second.
public enum EngineAudio {
    /// Frames per second of engine audio.
    public static let sampleRate = 8000
}
