import Foundation

/// Generates DTMF key presses as 16-bit PCM (ITU-T Q.23 frequencies).
///
/// Each key is a tone of `toneDuration` followed by `gapDuration` of silence. The low-group tone
/// is at `levelDBm0`, the high-group tone at `levelDBm0 + twistDB` (twist = high minus low, as
/// Q.24 defines it). `lowFrequencyError`/`highFrequencyError` shift the tones by a fraction
/// (0.015 = +1.5 %) to test receivers.
public struct DTMFGenerator: Sendable {
    /// How presses sound.
    public struct Options: Sendable, Equatable {
        /// Tone length in seconds (default 70 ms).
        public var toneDuration: Double = 0.070
        /// Silence after each tone in seconds (default 70 ms).
        public var gapDuration: Double = 0.070
        /// Low-group tone level in dBm0 (default -10).
        public var levelDBm0: Double = -10
        /// High-group level minus low-group level in dB (default 0).
        public var twistDB: Double = 0
        /// Output sample rate in Hz (default 8000).
        public var sampleRate: Int = 8000
        /// Relative frequency error of the low tone (0.015 = +1.5 %).
        public var lowFrequencyError: Double = 0
        /// Relative frequency error of the high tone.
        public var highFrequencyError: Double = 0

        /// Default options: 70 ms on, 70 ms off, -10 dBm0 per tone, no twist, 8 kHz.
        public init() {}

        /// Options with the common settings named.
        public init(toneDuration: Double = 0.070, gapDuration: Double = 0.070, levelDBm0: Double = -10,
                    twistDB: Double = 0, sampleRate: Int = 8000) {
            self.toneDuration = toneDuration
            self.gapDuration = gapDuration
            self.levelDBm0 = levelDBm0
            self.twistDB = twistDB
            self.sampleRate = sampleRate
        }
    }

    /// The options used.
    public var options: Options

    /// A generator with `options`.
    public init(options: Options = Options()) { self.options = options }

    /// The tone alone for `key` (no gap), `toneDuration` long.
    public func tone(_ key: DTMFKey) -> [Int16] {
        let count = Int((options.toneDuration * Double(options.sampleRate)).rounded())
        let rate = Double(options.sampleRate)
        let lowStep = 2 * Double.pi * key.lowFrequency * (1 + options.lowFrequencyError) / rate
        let highStep = 2 * Double.pi * key.highFrequency * (1 + options.highFrequencyError) / rate
        let lowPeak = Decibels.sinePeak(dBm0: options.levelDBm0)
        let highPeak = Decibels.sinePeak(dBm0: options.levelDBm0 + options.twistDB)
        return (0..<count).map { n in
            let value = lowPeak * sin(lowStep * Double(n)) + highPeak * sin(highStep * Double(n))
            return Int16(max(-32768, min(32767, value.rounded())))
        }
    }

    /// Tone then gap for every key, in order.
    public func samples(for keys: [DTMFKey]) -> [Int16] {
        let gap = [Int16](repeating: 0, count: Int((options.gapDuration * Double(options.sampleRate)).rounded()))
        var out: [Int16] = []
        for key in keys {
            out += tone(key)
            out += gap
        }
        return out
    }

    /// Tone then gap for every key in `digits` (e.g. "123#"); throws on a character that is not a key.
    public func samples(digits: String) throws(DTMFKeyError) -> [Int16] {
        samples(for: try DTMFKey.parse(digits))
    }
}
