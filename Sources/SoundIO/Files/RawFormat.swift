import CSndFile

/// The layout of a headerless (raw) sound file, which libsndfile cannot guess.
///
/// Used by `SoundFile.read(_:raw:)` and `SoundFile.info(_:raw:)`, e.g. for the raw files ALSA's
/// `file` plugin writes (`RawFormat(sampleRate: 8000, channels: 1, encoding: .pcm16)`).
public struct RawFormat: Sendable, Equatable {
    /// How each sample is stored.
    public enum Encoding: String, Sendable, CaseIterable {
        /// Signed 16-bit little-endian PCM (ALSA's `S16_LE`).
        case pcm16 = "s16le"
        /// Unsigned 8-bit PCM.
        case pcmU8 = "u8"
        /// G.711 µ-law.
        case ulaw
        /// G.711 A-law.
        case alaw
        /// 32-bit IEEE float, little-endian.
        case float32 = "f32le"

        var subtype: Int32 {
            switch self {
            case .pcm16: Int32(SF_FORMAT_PCM_16)
            case .pcmU8: Int32(SF_FORMAT_PCM_U8)
            case .ulaw: Int32(SF_FORMAT_ULAW)
            case .alaw: Int32(SF_FORMAT_ALAW)
            case .float32: Int32(SF_FORMAT_FLOAT)
            }
        }
    }

    /// Frames per second.
    public var sampleRate: Int
    /// Interleaved channels per frame.
    public var channels: Int
    /// Sample encoding.
    public var encoding: Encoding

    /// A raw layout; the default is the engine's own (8 kHz mono S16_LE).
    public init(sampleRate: Int = EngineAudio.sampleRate, channels: Int = 1, encoding: Encoding = .pcm16) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.encoding = encoding
    }

    /// The `SF_INFO` libsndfile needs to open such a file.
    var sfInfo: SF_INFO {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        info.format = Int32(SF_FORMAT_RAW) | encoding.subtype | Int32(SF_ENDIAN_LITTLE)
        return info
    }
}

extension RawFormat {
    /// Parses `ENCODING[,RATE[,CHANNELS]]`, e.g. `s16le`, `s16le,8000,1`, `ulaw,8000`.
    ///
    /// Encodings: `s16le`, `u8`, `ulaw`, `alaw`, `f32le`. Rate defaults to 8000, channels to 1.
    public static func parse(_ text: String) -> Result<RawFormat, RawFormatParseError> {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard let encoding = Encoding(rawValue: parts[0].lowercased()) else {
            return .failure(RawFormatParseError(text: text, reason: "unknown encoding '\(parts[0])'"))
        }
        var format = RawFormat(encoding: encoding)
        if parts.count > 1 {
            guard let rate = Int(parts[1]), rate > 0, rate <= 768_000 else {
                return .failure(RawFormatParseError(text: text, reason: "rate '\(parts[1])' is not a number of Hz"))
            }
            format.sampleRate = rate
        }
        if parts.count > 2 {
            guard let channels = Int(parts[2]), (1...64).contains(channels) else {
                return .failure(RawFormatParseError(text: text, reason: "channels '\(parts[2])' is not 1...64"))
            }
            format.channels = channels
        }
        if parts.count > 3 {
            return .failure(RawFormatParseError(text: text, reason: "too many fields"))
        }
        return .success(format)
    }
}

/// A raw-format description that could not be parsed.
public struct RawFormatParseError: Error, Sendable, CustomStringConvertible {
    /// What was given.
    public var text: String
    /// What is wrong with it.
    public var reason: String
    /// The message, with the expected form.
    public var description: String {
        "raw format '\(text)': \(reason); expected ENCODING[,RATE[,CHANNELS]] with ENCODING one of "
            + RawFormat.Encoding.allCases.map(\.rawValue).joined(separator: ", ") + " (e.g. s16le,8000,1)"
    }
}
