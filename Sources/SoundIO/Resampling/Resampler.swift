import CSampleRate

/// Band-limited sample-rate conversion through libsamplerate (Secret Rabbit Code).
///
/// Uses windowed-sinc converters only, never linear interpolation or sample-and-hold:
/// converting 44.1 kHz speech down to 8 kHz removes everything above 4 kHz instead of folding it back.
public enum Resampler {
    /// libsamplerate's sinc converters, best first.
    public enum Quality: Sendable {
        /// `SRC_SINC_BEST_QUALITY`: 97 dB SNR, 97 % bandwidth; slowest.
        case best
        /// `SRC_SINC_MEDIUM_QUALITY`: 97 dB SNR, 90 % bandwidth; the default for files.
        case medium
        /// `SRC_SINC_FASTEST`: 97 dB SNR, 80 % bandwidth.
        case fastest

        var converter: Int32 {
            switch self {
            case .best: Int32(SRC_SINC_BEST_QUALITY)
            case .medium: Int32(SRC_SINC_MEDIUM_QUALITY)
            case .fastest: Int32(SRC_SINC_FASTEST)
            }
        }
    }

    /// An error libsamplerate reported, in its own words.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// libsamplerate's message (`src_strerror`).
        public var message: String
        /// The message.
        public var description: String { "libsamplerate: \(message)" }
    }

    /// Converts mono float samples (-1...1) from `sourceRate` to `targetRate` in one pass (`src_simple`).
    ///
    /// Returns the input unchanged when the rates are equal.
    public static func convert(_ input: [Float], from sourceRate: Int, to targetRate: Int,
                               quality: Quality = .medium) throws(Failure) -> [Float] {
        guard sourceRate != targetRate, !input.isEmpty else { return input }
        let ratio = Double(targetRate) / Double(sourceRate)
        var output = [Float](repeating: 0, count: Int((Double(input.count) * ratio).rounded(.up)) + 16)
        var produced = 0
        let status: Int32 = input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var data = SRC_DATA()
                data.data_in = inBuffer.baseAddress
                data.input_frames = inBuffer.count
                data.data_out = outBuffer.baseAddress
                data.output_frames = outBuffer.count
                data.src_ratio = ratio
                data.end_of_input = 1
                let status = src_simple(&data, quality.converter, 1)
                produced = data.output_frames_gen
                return status
            }
        }
        guard status == 0 else { throw Failure(message: String(cString: src_strerror(status))) }
        output.removeSubrange(produced...)
        return output
    }

    /// Converts mono 16-bit samples between rates, clipping rather than wrapping on overshoot.
    public static func convert(_ input: [Int16], from sourceRate: Int, to targetRate: Int,
                               quality: Quality = .medium) throws(Failure) -> [Int16] {
        guard sourceRate != targetRate, !input.isEmpty else { return input }
        return SampleConversion.int16(from: try convert(SampleConversion.floats(from: input),
                                                        from: sourceRate, to: targetRate, quality: quality))
    }
}

/// Conversions between 16-bit PCM and normalised floats (full scale = 32768, as libsndfile and libsamplerate use).
public enum SampleConversion {
    /// 16-bit samples to floats in -1...1.
    public static func floats(from samples: [Int16]) -> [Float] {
        samples.map { Float($0) / 32768 }
    }

    /// Floats to 16-bit samples, rounded to nearest and clipped to the 16-bit range (never wrapped).
    public static func int16(from samples: [Float]) -> [Int16] {
        samples.map(int16)
    }

    /// One float to a 16-bit sample, rounded to nearest and clipped.
    @inline(__always)
    public static func int16(_ value: Float) -> Int16 {
        let scaled = (value * 32768).rounded()
        if scaled >= 32767 { return Int16.max }
        if scaled <= -32768 { return Int16.min }
        return Int16(scaled)
    }
}
