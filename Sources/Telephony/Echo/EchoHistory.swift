import Foundation

/// The played samples an echo filter looks at, oldest first in one linear buffer with room to
/// grow: the window (the last `taps` samples, newest last) and the one before it (shifted by a
/// sample) are always contiguous, so one pass over the taps can adapt on the previous sample's
/// window and filter the current one. When the buffer fills, the last `taps + 1` samples move to
/// its start (once every 1,024 samples).
struct EchoHistory: Sendable {
    let taps: Int
    private var buffer: [Float]
    /// One past the newest sample.
    private var end: Int

    init(taps: Int) {
        self.taps = taps
        buffer = [Float](repeating: 0, count: taps + 1 + 1024)
        end = taps + 1
    }

    /// Adds the newest sample; returns the one that left the window.
    mutating func push(_ sample: Float) -> Float {
        if end == buffer.count {
            let keep = taps + 1
            buffer.withUnsafeMutableBufferPointer { all in
                let base = all.baseAddress!
                base.update(from: base + (end - keep), count: keep)
            }
            end = keep
        }
        let leaving = buffer[end - taps]
        buffer[end] = sample
        end += 1
        return leaving
    }

    /// Calls `body` with pointers to the previous window and the current one (`taps` samples
    /// each, oldest first; `previous[k + 1] == current[k]`).
    func withWindows<R>(_ body: (UnsafePointer<Float>, UnsafePointer<Float>) -> R) -> R {
        buffer.withUnsafeBufferPointer { all in
            let current = all.baseAddress! + (end - taps)
            return body(current - 1, current)
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
    var echo: Float = 0
    var count = 0

    mutating func add(near y: Float, foreground e: Float, background b: Float, echo estimate: Float) {
        echo += estimate * estimate
        near += y * y
        foreground += e * e
        background += b * b
        count += 1
    }
}
