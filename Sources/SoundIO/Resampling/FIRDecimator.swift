import Foundation

/// Streaming decimation by a whole factor (48 kHz → 8 kHz is 6) with a linear-phase low-pass
/// FIR: a Kaiser-windowed sinc, flat to 85 % of the output's Nyquist frequency (3.4 kHz at 8 kHz)
/// and at least 100 dB down from 115 % of it (4.6 kHz), computed only at the output instants
/// (polyphase), with eight-wide vector sums.
///
/// Why not libsamplerate here: its sinc converters compute every output from a filter table
/// interpolated per tap, which for a 6:1 decimation measured 32 s of CPU per hour of 48 kHz
/// audio with `SRC_SINC_FASTEST` (and that one is already 8.8 dB down at 3.4 kHz), 71 s with
/// `SRC_SINC_MEDIUM_QUALITY`. This filter meets MEDIUM's passband and stopband at 3.4, 4.6 and
/// 6 kHz in about a tenth of the time (docs/AUDIO.md). Other ratios still go through libsamplerate.
///
/// The filter is centred on each output instant (its delay is compensated), so output `j` is the
/// input around sample `j × factor`, as libsamplerate aligns it; `ceil(n / factor)` samples come
/// out of `n`.
public final class FIRDecimator {
    /// Input samples per output sample.
    public let factor: Int
    /// The filter, padded with zeros to a multiple of 8 taps.
    let taps: [Float]
    private let delay: Int
    /// Input not yet fully used; index 0 is absolute input sample `bufferStart`.
    private var buffer: [Float]
    private var bufferStart: Int
    private var inputCount = 0
    private var nextOutput = 0
    private var output: [Float] = []

    /// A decimator by `factor` (≥ 2) to an output rate of `outputRate` (for the band edges).
    public init(factor: Int, outputRate: Int) {
        precondition(factor >= 2)
        self.factor = factor
        let inputRate = Double(factor * outputRate)
        let pass = 0.425 * Double(outputRate), stop = 0.575 * Double(outputRate)
        let attenuation = 105.0
        let width = 2 * Double.pi * (stop - pass) / inputRate
        var n = Int(((attenuation - 8) / (2.285 * width)).rounded(.up)) | 1      // odd: a whole-sample centre
        n = max(n, 3)
        let beta = 0.1102 * (attenuation - 8.7)
        let cutoff = (pass + stop) / 2 / inputRate                              // cycles per input sample
        let centre = Double(n - 1) / 2
        var h = (0..<n).map { k -> Double in
            let x = Double(k) - centre
            let sinc = x == 0 ? 2 * cutoff : sin(2 * Double.pi * cutoff * x) / (Double.pi * x)
            let r = x / centre
            return sinc * Self.besselI0(beta * (1 - r * r).squareRoot()) / Self.besselI0(beta)
        }
        let sum = h.reduce(0, +)
        h = h.map { $0 / sum }
        let padded = (n + 7) / 8 * 8
        taps = h.map(Float.init) + [Float](repeating: 0, count: padded - n)
        delay = (n - 1) / 2
        buffer = [Float](repeating: 0, count: delay)
        bufferStart = -delay
    }

    /// Feeds `input` (with `last` on the final call, which may be empty) and hands the output
    /// produced to `body`.
    public func process(_ input: UnsafeBufferPointer<Float>, last: Bool,
                        _ body: (UnsafeBufferPointer<Float>) throws -> Void) rethrows {
        buffer.append(contentsOf: input)
        inputCount += input.count
        if last { buffer.append(contentsOf: repeatElement(0, count: taps.count + factor)) }
        // Outputs whose whole window is in the buffer (at the end: every one up to the input's length).
        let available = bufferStart + buffer.count - taps.count        // last window start allowed
        var produced = 0
        let tapCount = taps.count
        if output.count < buffer.count / factor + 1 { output = [Float](repeating: 0, count: buffer.count / factor + 1) }
        buffer.withUnsafeBufferPointer { x in
            taps.withUnsafeBufferPointer { h in
                output.withUnsafeMutableBufferPointer { out in
                    let hp = UnsafeRawPointer(h.baseAddress!)
                    while true {
                        let j = nextOutput + produced
                        let start = j * factor - delay                    // absolute index of the window
                        guard start <= available else { break }
                        if last && j * factor >= inputCount { break }
                        let xp = UnsafeRawPointer(x.baseAddress! + (start - bufferStart))
                        var acc = SIMD8<Float>()
                        var k = 0
                        while k < tapCount {
                            acc += xp.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                                * hp.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                            k += 8
                        }
                        out[produced] = acc.sum()
                        produced += 1
                    }
                }
            }
        }
        nextOutput += produced
        // Keep the input from the next window's start on.
        let keepFrom = min(buffer.count, max(0, nextOutput * factor - delay - bufferStart))
        buffer.removeFirst(keepFrom)
        bufferStart += keepFrom
        if produced > 0 { try output.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<produced])) } }
    }

    /// The modified Bessel function of the first kind, order 0 (its power series).
    static func besselI0(_ x: Double) -> Double {
        var sum = 1.0, term = 1.0, k = 1.0
        while term > 1e-12 * sum {
            term *= (x / (2 * k)) * (x / (2 * k))
            sum += term
            k += 1
        }
        return sum
    }
}
