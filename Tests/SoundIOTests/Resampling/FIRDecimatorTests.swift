import Foundation
import Testing
@testable import SoundIO

/// The 48 kHz → 8 kHz decimator keeps the telephone band and removes what would fold into it,
/// in blocks of any size.
struct FIRDecimatorTests {
    /// Output level (dB, relative to the input's) of a tone at `frequency` through a 6:1 decimation.
    func gain(_ frequency: Double, blocks: Int = 4096) -> Double {
        let input = (0..<48_000).map { Float(0.5 * sin(2 * Double.pi * frequency * Double($0) / 48_000)) }
        let output = decimate(input, block: blocks)
        let middle = output[800..<(output.count - 800)]
        let rms = (middle.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(middle.count)).squareRoot()
        return 20 * log10(rms / (0.5 / 2.0.squareRoot()) + 1e-12)
    }

    func decimate(_ input: [Float], block: Int) -> [Float] {
        let decimator = FIRDecimator(factor: 6, outputRate: 8000)
        var output: [Float] = []
        var start = 0
        repeat {
            let end = min(input.count, start + block)
            input[start..<end].withUnsafeBufferPointer { part in
                decimator.process(part, last: end == input.count) { output.append(contentsOf: $0) }
            }
            start = end
        } while start < input.count
        return output
    }

    @Test func passbandIsFlatTo3400Hz() {
        for f in [300.0, 1000, 3000, 3400] {
            #expect(abs(gain(f)) < 0.05, "\(f) Hz: \(gain(f)) dB")
        }
    }

    @Test func tonesAbove4600HzAreRemoved() {
        for f in [4600.0, 6000, 10_000, 20_000] {
            #expect(gain(f) < -95, "\(f) Hz: \(gain(f)) dB")
        }
    }

    @Test func blockSizeDoesNotChangeTheOutput() {
        let input = (0..<20_000).map { (i: Int) -> Float in
            let x = Double(i)
            let fast: Double = sin(x * 0.37) * 0.3
            let slow: Double = sin(x * 0.011) * 0.2
            return Float(fast + slow)
        }
        let whole = decimate(input, block: input.count)
        #expect(whole.count == (input.count + 5) / 6)
        #expect(decimate(input, block: 1) == whole)
        #expect(decimate(input, block: 777) == whole)
    }

    @Test func outputIsAlignedWithTheInput() {
        // A click at input sample 600 comes out at output sample 100, as libsamplerate aligns it.
        var input = [Float](repeating: 0, count: 6000)
        input[600] = 1
        let output = decimate(input, block: 4096)
        let peak = output.indices.max { abs(output[$0]) < abs(output[$1]) }
        #expect(peak == 100)
    }
}
