import Foundation

/// Reads an `AudioSource` period by period on a dedicated thread and hands each period to a handler.
///
/// Like baresip's `ausrc` read handler: `onAudio` runs on the capture thread, so keep it short
/// (feed a DTMF receiver, append to a `WAVWriter`, push into a stream) and return true to go on.
/// The thread ends when the source ends, fails, `onAudio` returns false, or `stop()` is called
/// (within one period); then it closes the source and calls `onEnd` with the error, if any.
public final class CaptureThread: Sendable {
    private let state = LineThreadState()
    /// The source being read.
    public let source: any AudioSource

    /// Starts reading at once.
    public init(source: any AudioSource, name: String = "switchboard.capture",
                onAudio: @escaping @Sendable (_ samples: [Int16], _ clock: SampleClock) -> Bool,
                onEnd: @escaping @Sendable (AudioLineError?) -> Void = { _ in }) {
        self.source = source
        let state = self.state
        LineThreadState.start(name: name) {
            var failure: AudioLineError?
            while !state.shouldStop {
                do throws(AudioLineError) {
                    let period = try source.readPeriod()
                    if period.isEmpty { break }
                    if !onAudio(period, source.clock) { break }
                } catch {
                    failure = error
                    break
                }
            }
            source.close()
            onEnd(failure)
            state.markFinished()
        }
    }

    /// Asks the thread to stop after the read in progress.
    public func stop() { state.requestStop() }

    /// Blocks until the thread has ended (call `stop()` first, unless the source will end).
    public func wait() { state.wait() }

    /// Whether the thread has ended.
    public var isFinished: Bool { state.isFinished }

    /// Captures into an `AsyncThrowingStream` of periods; cancelling the consumer stops the thread.
    ///
    /// The stream keeps the newest `bufferedPeriods` periods if the consumer falls behind.
    public static func periods(from source: any AudioSource, bufferedPeriods: Int = 50)
        -> AsyncThrowingStream<[Int16], any Error> {
        AsyncThrowingStream(bufferingPolicy: .bufferingNewest(bufferedPeriods)) { continuation in
            let thread = CaptureThread(source: source, onAudio: { samples, _ in
                if case .terminated = continuation.yield(samples) { return false }
                return true
            }, onEnd: { error in
                continuation.finish(throwing: error)
            })
            continuation.onTermination = { _ in thread.stop() }
        }
    }
}
