import Foundation

/// Streams a `TonePattern` as 16-bit PCM, in chunks of any size.
///
/// Sines restart at phase 0 at the start of each segment, so every burst of a cadence is identical.
/// Samples are rounded and clamped to the 16-bit range.
public struct ToneGenerator: Sendable {
    /// The pattern being played.
    public let pattern: TonePattern
    /// Output sample rate in Hz.
    public let sampleRate: Int

    private let segmentLengths: [Int]
    private let amplitudes: [[Double]]
    private let phaseSteps: [[Double]]
    private var segmentIndex = 0
    private var positionInSegment = 0
    /// True once a non-repeating pattern has played to its end; `fill` then writes silence.
    public private(set) var isFinished = false

    /// A generator for `pattern` at `sampleRate` Hz.
    public init(pattern: TonePattern, sampleRate: Int = 8000) {
        self.pattern = pattern
        self.sampleRate = sampleRate
        segmentLengths = pattern.segments.map { Int(($0.duration * Double(sampleRate)).rounded()) }
        amplitudes = pattern.segments.map { $0.components.map { Decibels.sinePeak(dBm0: $0.levelDBm0) } }
        phaseSteps = pattern.segments.map {
            $0.components.map { 2 * Double.pi * $0.frequency / Double(sampleRate) }
        }
        isFinished = segmentLengths.allSatisfy { $0 == 0 }  // nothing to play, even if repeating
    }

    /// Writes the next `buffer.count` samples.
    public mutating func fill(_ buffer: UnsafeMutableBufferPointer<Int16>) {
        var index = 0
        while index < buffer.count {
            if isFinished {
                buffer[index] = 0
                index += 1
                continue
            }
            if positionInSegment >= segmentLengths[segmentIndex] {
                advanceSegment()
                continue
            }
            let amps = amplitudes[segmentIndex]
            let steps = phaseSteps[segmentIndex]
            let run = min(buffer.count - index, segmentLengths[segmentIndex] - positionInSegment)
            for offset in 0..<run {
                let n = Double(positionInSegment + offset)
                var value = 0.0
                for component in amps.indices { value += amps[component] * sin(steps[component] * n) }
                buffer[index + offset] = Int16(max(-32768, min(32767, value.rounded())))
            }
            index += run
            positionInSegment += run
            if positionInSegment >= segmentLengths[segmentIndex] { advanceSegment() }
        }
    }

    private mutating func advanceSegment() {
        positionInSegment = 0
        segmentIndex += 1
        if segmentIndex == segmentLengths.count {
            segmentIndex = 0
            if !pattern.repeats { isFinished = true }
        }
    }

    /// Returns the next `count` samples.
    public mutating func generate(count: Int) -> [Int16] {
        [Int16](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer)
            initialized = count
        }
    }

    /// Renders `seconds` of `pattern` (for a non-repeating pattern, its whole length if `seconds` is nil).
    public static func render(_ pattern: TonePattern, seconds: Double? = nil, sampleRate: Int = 8000) -> [Int16] {
        var generator = ToneGenerator(pattern: pattern, sampleRate: sampleRate)
        let length = seconds ?? pattern.cycleDuration
        return generator.generate(count: Int((length * Double(sampleRate)).rounded()))
    }
}
