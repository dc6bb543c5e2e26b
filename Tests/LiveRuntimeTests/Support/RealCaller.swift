import Dispatch
import Foundation
import SoundIO

/// Seconds on the monotonic clock (the one every real-clock measurement is taken on).
func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Records a PCM on its own thread, and knows when each recorded sample was captured.
///
/// The time of frame 0 is the earliest (read return time − audio read so far) over all reads: a
/// late wake-up only makes a read look later, never earlier. So `time(of:)` is when a sample
/// reached a client, within the server's delivery latency (the same for every recorder, so it
/// cancels in differences between two recorders).
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int16] = []
    private var firstFrameTime = Double.infinity
    private var thread: CaptureThread?

    init(_ device: ALSADevice) throws {
        let source = try ALSACapture(device: device)
        try source.start()
        thread = CaptureThread(source: source, name: "test.recorder") { [self] samples, clock in
            let now = monotonicSeconds()
            lock.withLock {
                recorded += samples
                firstFrameTime = min(firstFrameTime, now - Double(recorded.count) / 8000)
            }
            return true
        }
    }

    /// What was recorded so far.
    var samples: [Int16] { lock.withLock { recorded } }

    /// When frame `frame` was captured, in `monotonicSeconds()`.
    func time(of frame: Int) -> Double { lock.withLock { firstFrameTime } + Double(frame) / 8000 }

    /// The frame captured at monotonic time `t`.
    func frame(at t: Double) -> Int { Int(((t - lock.withLock { firstFrameTime }) * 8000).rounded()) }

    func stop() {
        thread?.stop()
        thread?.wait()
        thread = nil
    }

    deinit { stop() }
}

/// Plays what it is given into a PCM on its own thread, silence in between (the caller's voice).
final class Talker: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Int16] = []
    private var thread: PlaybackThread?

    init(_ device: ALSADevice) throws {
        let sink = try ALSAPlayback(device: device)
        thread = PlaybackThread(sink: sink, name: "test.talker", drainAtEnd: false) { [self] buffer, _ in
            lock.withLock {
                let count = min(buffer.count, queue.count)
                for index in 0..<count { buffer[index] = queue[index] }
                queue.removeFirst(count)
            }
            return true
        }
    }

    /// Queues `samples` after whatever is still queued.
    func say(_ samples: [Int16]) { lock.withLock { queue += samples } }

    /// Whether everything queued has been handed to the device.
    var isIdle: Bool { lock.withLock { queue.isEmpty } }

    /// Blocks until everything queued has been handed to the device.
    func waitIdle() { while !isIdle { usleep(5_000) } }

    func stop() {
        thread?.stop()
        thread?.wait()
        thread = nil
    }

    deinit { stop() }
}

/// Finds sound and silence in recorded audio.
enum Audio {
    /// The first index at or after `from` where a sample exceeds `threshold`.
    static func onset(in samples: [Int16], from: Int = 0, threshold: Int = 300) -> Int? {
        guard from < samples.count else { return nil }
        return samples[from...].firstIndex { abs(Int($0)) > threshold }
    }

    /// The first index at or after `from` that starts `length` samples all at or under `threshold`.
    static func silence(in samples: [Int16], from: Int = 0, length: Int = 160, threshold: Int = 300) -> Int? {
        var run = 0
        var index = max(0, from)
        while index < samples.count {
            if abs(Int(samples[index])) <= threshold { run += 1 } else { run = 0 }
            if run == length { return index - length + 1 }
            index += 1
        }
        return nil
    }

    /// Waits up to `seconds` for `condition`, polling every 5 ms; returns whether it came true.
    static func wait(_ seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = monotonicSeconds() + seconds
        while monotonicSeconds() < deadline {
            if condition() { return true }
            usleep(5_000)
        }
        return condition()
    }
}

/// Finds a prompt in what the caller heard when the path is not sample-exact (PulseAudio's
/// monitor is not): aligned by cross-correlation, followed in 10 ms windows.
enum Heard {
    /// Where `prompt` starts in `heard` (searching ±`range` samples around `near`), and the gain.
    static func align(_ prompt: [Int16], in heard: [Int16], near: Int, range: Int = 4000) -> (offset: Int, gain: Double)? {
        guard let first = prompt.firstIndex(where: { abs(Int($0)) > 300 }) else { return nil }
        // A window 100 ms into the prompt: past a start that a slow first period may have clipped.
        let lead = min(first + 800, prompt.count - 1)
        let length = min(2400, prompt.count - lead)
        var best: (score: Double, offset: Int, gain: Double)?
        for start in max(0, near - range)...max(0, near + range) where start + length <= heard.count {
            var cross = 0.0, energyHeard = 0.0, energyPrompt = 0.0
            var index = 0
            while index < length {
                let h = Double(heard[start + index]), p = Double(prompt[lead + index])
                cross += h * p
                energyHeard += h * h
                energyPrompt += p * p
                index += 2
            }
            guard energyHeard > 0, energyPrompt > 0 else { continue }
            let score = cross / (energyHeard * energyPrompt).squareRoot()
            if best == nil || score > best!.score { best = (score, start - lead, cross / energyPrompt) }
        }
        guard let best, best.score > 0.7 else { return nil }
        return (best.offset, best.gain)
    }

    /// The first sample (in `heard`) of the first 10 ms window where what was heard stops being
    /// `prompt` (aligned at `offset` with `gain`): the residual carries more than half the energy.
    static func stop(of prompt: [Int16], in heard: [Int16], offset: Int, gain: Double, from: Int = 0) -> Int {
        var window = max(0, (from - offset) / 80 * 80)
        while offset + window + 80 <= heard.count && window + 80 <= prompt.count {
            var residual = 0.0, energy = 0.0
            for index in window..<(window + 80) {
                let h = Double(heard[offset + index]), p = gain * Double(prompt[index])
                residual += (h - p) * (h - p)
                energy += max(h * h, p * p)
            }
            if energy > 80 * 300 * 300 && residual > 0.5 * energy { return offset + window }
            window += 80
        }
        return offset + window
    }
}
