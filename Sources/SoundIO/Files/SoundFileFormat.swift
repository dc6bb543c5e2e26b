import CSndFile

/// A container and encoding to write with libsndfile.
public enum SoundFileFormat: String, Sendable, CaseIterable {
    /// WAV, signed 16-bit PCM: the engine's own files.
    case wavPCM16 = "wav"
    /// FLAC, 16-bit.
    case flac
    /// Ogg Vorbis.
    case oggVorbis = "ogg"
    /// AIFF, signed 16-bit PCM.
    case aiffPCM16 = "aiff"
    /// Sun/NeXT AU, G.711 µ-law.
    case auULaw = "au"

    /// The format a file name's extension asks for (`.wav`, `.flac`, `.ogg`, `.aif`/`.aiff`, `.au`), if any.
    public init?(forPath path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "wav": self = .wavPCM16
        case "flac": self = .flac
        case "ogg", "oga": self = .oggVorbis
        case "aif", "aiff": self = .aiffPCM16
        case "au", "snd": self = .auULaw
        default: return nil
        }
    }

    var code: Int32 {
        switch self {
        case .wavPCM16: Int32(SF_FORMAT_WAV) | Int32(SF_FORMAT_PCM_16)
        case .flac: Int32(SF_FORMAT_FLAC) | Int32(SF_FORMAT_PCM_16)
        case .oggVorbis: Int32(SF_FORMAT_OGG) | Int32(SF_FORMAT_VORBIS)
        case .aiffPCM16: Int32(SF_FORMAT_AIFF) | Int32(SF_FORMAT_PCM_16)
        case .auULaw: Int32(SF_FORMAT_AU) | Int32(SF_FORMAT_ULAW)
        }
    }
}

extension SoundFile {
    /// Writes interleaved float samples (-1...1) as a complete file in `format`.
    ///
    /// For engine audio prefer `WAVWriter`; this serves tools and tests that need other containers,
    /// rates or channel counts (e.g. `ivr dtmf generate -o keys.flac --rate 44100`).
    public static func write(interleaved samples: [Float], channels: Int = 1, sampleRate: Int,
                             format: SoundFileFormat, to path: String) throws(SoundFileError) {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        info.format = format.code
        guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw .cannotWrite(path: path, libsndfile: String(cString: sf_strerror(nil)))
        }
        let frames = samples.count / max(1, channels)
        let written = samples.withUnsafeBufferPointer { sf_writef_float(handle, $0.baseAddress, sf_count_t(frames)) }
        let failure = written == frames ? nil : String(cString: sf_strerror(handle))
        let status = sf_close(handle)
        if let failure { throw .cannotWrite(path: path, libsndfile: failure) }
        if status != 0 { throw .cannotWrite(path: path, libsndfile: String(cString: sf_error_number(status))) }
    }

    /// Writes mono 16-bit samples at `sampleRate` in the format the path's extension names (WAV otherwise).
    public static func write(_ samples: [Int16], sampleRate: Int = EngineAudio.sampleRate,
                             to path: String) throws(SoundFileError) {
        let format = SoundFileFormat(forPath: path) ?? .wavPCM16
        if format == .wavPCM16 {
            try WAVWriter.write(samples: samples, to: path, sampleRate: sampleRate)
        } else {
            try write(interleaved: SampleConversion.floats(from: samples), sampleRate: sampleRate,
                      format: format, to: path)
        }
    }
}
