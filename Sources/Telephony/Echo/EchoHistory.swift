import Foundation

/// The played samples an echo filter looks at: the last `taps` samples, newest first, kept twice
/// over in one buffer so the window is always contiguous (no wrap-around in the filter loops).
struct EchoHistory: Sendable {
    let taps: Int
    private var buffer: [Float]
    private var position = 0

    init(taps: Int) {
        self.taps = taps
        buffer = [Float](repeating: 0, count: 2 * taps)
    }

    /// Adds the newest sample; returns the one that left the window.
    mutating func push(_ sample: Float) -> Float {
        position = position == 0 ? taps - 1 : position - 1
        let leaving = buffer[position]
        buffer[position] = sample
        buffer[position + taps] = sample
        return leaving
    }

    /// Calls `body` with the window: element k is the sample played k samples ago.
    func withWindow<R>(_ body: (UnsafeBufferPointer<Float>) -> R) -> R {
        buffer.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[position..<position + taps]))
        }
    }
}

/// The largest played magnitude within the tail (Geigel's reference), tracked in 5 ms blocks.
struct GeigelDetector: Sendable {
    private var blockPeaks: [Float]
    private var current: Float = 0
    private var filled = 0
    private var slot = 0
    private var peak: Float = 0

    init(taps: Int) {
        blockPeaks = [Float](repeating: 0, count: taps / 40 + 1)
    }

    /// Adds the newest magnitude; returns the peak over roughly the last tail of samples.
    mutating func push(_ magnitude: Float) -> Float {
        current = max(current, magnitude)
        filled += 1
        if filled == 40 {
            blockPeaks[slot] = current
            slot = (slot + 1) % blockPeaks.count
            current = 0
            filled = 0
            peak = blockPeaks.max() ?? 0
        }
        return max(peak, current)
    }
}

/// Residual powers over one 10 ms block, for the foreground/background decision.
struct EchoBlockStats: Sendable {
    var near: Float = 0
    var foreground: Float = 0
    var background: Float = 0
    var count = 0

    mutating func add(near y: Float, foreground e: Float, background b: Float) {
        near += y * y
        foreground += e * e
        background += b * b
        count += 1
    }
}
