import Foundation

/// Names an ALSA PCM: from the system configuration (asoundrc) or from a configuration text of its own.
public struct ALSADevice: Sendable, Equatable, CustomStringConvertible {
    /// The PCM name (`default`, `plughw:1,0`, `headset`, ...).
    public var name: String
    /// A local configuration (asoundrc syntax) to open `name` from instead of the system one.
    public var configuration: String?

    /// A PCM the system configuration knows (`default`, `plughw:1,0`, any PCM in ~/.asoundrc).
    public static func named(_ name: String) -> ALSADevice {
        ALSADevice(name: name, configuration: nil)
    }

    /// A PCM defined in `configuration`, opened with `snd_pcm_open_lconf`.
    ///
    /// The text replaces the system configuration, so names like `null` are not defined there:
    /// write `slave.pcm { type null }` rather than `slave.pcm "null"`.
    public static func defined(_ name: String, in configuration: String) -> ALSADevice {
        ALSADevice(name: name, configuration: configuration)
    }

    /// A PCM backed by raw files through alsa-lib's `file` plugin over `null`, with `plug` in front.
    ///
    /// Playback lands in `playbackFile`; capture reads `captureFile` (raw S16_LE mono at `sampleRate`).
    /// Mind alsa-lib's behaviour: the capture file is raw, and when it runs out the plugin keeps
    /// returning stale audio instead of ending, so make it longer than what will be read; and
    /// `null` runs as fast as it is fed, so time comes from frames moved, not the wall clock.
    public static func rawFiles(playback playbackFile: String? = nil, capture captureFile: String? = nil,
                                sampleRate: Int = EngineAudio.sampleRate, name: String = "line") -> ALSADevice {
        var file = "        file \"/dev/null\"\n"
        if let playbackFile { file = "        file \"\(escaped(playbackFile))\"\n" }
        var infile = ""
        if let captureFile { infile = "        infile \"\(escaped(captureFile))\"\n" }
        let text = """
        pcm.\(name) {
            type plug
            slave {
                format S16_LE
                rate \(sampleRate)
                channels 1
                pcm {
                    type file
                    slave.pcm { type null }
                    format "raw"
        \(file)\(infile)        }
            }
        }

        """
        return .defined(name, in: text)
    }

    /// The name, marked when it comes from a local configuration.
    public var description: String { configuration == nil ? name : "\(name) (local configuration)" }

    private static func escaped(_ path: String) -> String {
        path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

extension ALSADevice {
    /// The PCM `name`, from the system configuration, or from `configurationFile` (asoundrc syntax) when given.
    public static func resolve(_ name: String, configurationFile: String?) throws(AudioLineError) -> ALSADevice {
        guard let configurationFile else { return .named(name) }
        guard let text = try? String(contentsOfFile: configurationFile, encoding: .utf8) else {
            throw AudioLineError(kind: .badConfiguration, pcm: name, operation: "read its configuration",
                                 alsa: "cannot read \(configurationFile)")
        }
        return .defined(name, in: text)
    }
}
