import Foundation

/// The echo canceller's inner loops over the taps, eight floats at a time (the sums' order
/// differs from a plain loop only in rounding). One accumulator per filter keeps every operand
/// in registers on baseline x86-64 (16 SSE registers; more accumulators spilled and were slower).
enum EchoKernels {
    private static let stride = MemoryLayout<Float>.stride

    /// Adapts `background` by `gain` × `previous` (the last sample's window), then filters
    /// `current` with the adapted background and with `foreground`: one pass for NLMS's update of
    /// sample n - 1 and both filters' outputs at sample n.
    static func adaptAndFilter(background: UnsafeMutablePointer<Float>, foreground: UnsafePointer<Float>,
                               previous: UnsafePointer<Float>, current: UnsafePointer<Float>, count: Int,
                               gain: Float) -> (foreground: Float, background: Float) {
        let b = UnsafeMutableRawPointer(background), f = UnsafeRawPointer(foreground)
        let p = UnsafeRawPointer(previous), c = UnsafeRawPointer(current)
        var sumF = SIMD8<Float>(), sumB = SIMD8<Float>()
        let gains = SIMD8<Float>(repeating: gain)
        let whole = count & ~7
        var offset = 0
        let end = whole &* stride
        while offset < end {
            let x = c.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let w = b.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                + gains * p.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            b.storeBytes(of: w, toByteOffset: offset, as: SIMD8<Float>.self)
            sumB += w * x
            sumF += f.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * x
            offset &+= 8 &* stride
        }
        var echoF = sumF.sum(), echoB = sumB.sum()
        var index = whole
        while index < count {
            background[index] += gain * previous[index]
            echoB += background[index] * current[index]
            echoF += foreground[index] * current[index]
            index += 1
        }
        return (echoF, echoB)
    }

    /// Both filters' outputs for the window `current` (no adaptation).
    static func filter(background: UnsafePointer<Float>, foreground: UnsafePointer<Float>,
                       current: UnsafePointer<Float>, count: Int) -> (foreground: Float, background: Float) {
        let b = UnsafeRawPointer(background), f = UnsafeRawPointer(foreground), c = UnsafeRawPointer(current)
        var sumF = SIMD8<Float>(), sumB = SIMD8<Float>()
        let whole = count & ~7
        var offset = 0
        let end = whole &* stride
        while offset < end {
            let x = c.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            sumB += b.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * x
            sumF += f.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * x
            offset &+= 8 &* stride
        }
        var echoF = sumF.sum(), echoB = sumB.sum()
        var index = whole
        while index < count {
            echoB += background[index] * current[index]
            echoF += foreground[index] * current[index]
            index += 1
        }
        return (echoF, echoB)
    }

    /// `weights += gain × window`.
    static func adapt(_ weights: UnsafeMutablePointer<Float>, _ window: UnsafePointer<Float>, count: Int, gain: Float) {
        let w = UnsafeMutableRawPointer(weights), x = UnsafeRawPointer(window)
        var index = 0
        while index + 8 <= count {
            let offset = index * stride
            let updated = w.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                + gain * x.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            w.storeBytes(of: updated, toByteOffset: offset, as: SIMD8<Float>.self)
            index += 8
        }
        while index < count {
            weights[index] += gain * window[index]
            index += 1
        }
    }
}
