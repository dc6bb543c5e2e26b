import Foundation
import Telephony

/// The text `ivr audio info` prints: one `key: value` line per property, aligned.
public struct AudioInfoReport: Sendable {
    /// What the file is.
    public var info: SoundFileInfo
    /// Its levels.
    public var levels: AudioLevels

    /// A report for one file.
    public init(info: SoundFileInfo, levels: AudioLevels) {
        self.info = info
        self.levels = levels
    }

    /// The lines, each ending in a newline.
    public var text: String {
        let rows: [(String, String)] = [
            ("file", info.path),
            ("format", "\(info.container), \(info.encoding)"),
            ("rate", "\(info.sampleRate) Hz"),
            ("channels", "\(info.channels)"),
            ("frames", "\(info.frames)"),
            ("duration", String(format: "%.3f s", info.duration)),
            ("peak", Self.decibels(levels.peakDBFS)),
            ("rms", Self.decibels(levels.rmsDBFS)),
            ("clipped", levels.clippedSamples == 0 ? "none" : "\(levels.clippedSamples) samples at full scale"),
            ("engine format", info.isEngineFormat ? "yes (WAV PCM-16 mono 8000 Hz)" : "no (converted on reading)"),
        ]
        return rows.map { "\(($0.0 + ":").padding(toLength: 15, withPad: " ", startingAt: 0))\($0.1)\n" }.joined()
    }

    static func decibels(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f dBFS", value) : "-inf dBFS (digital silence)"
    }
}
