import Foundation

/// Feeds an `AudioSink` period by period on a dedicated thread, pulling audio from a handler.
///
/// Like baresip's `auplay` write handler: before each write, `fill` gets a period-sized buffer
/// already holding silence and writes what should play next (leaving silence when there is
/// nothing), so the line's sample clock keeps running between prompts. `fill` returning false
/// ends the thread after that period has been written; the sink is then drained if `drainAtEnd`,
/// closed, and `onEnd` is called with the error, if any. `stop()` ends it without draining.
public final class PlaybackThread: Sendable {
    private let state = LineThreadState()
    /// The sink being fed.
    public let sink: any AudioSink

    /// Starts playing at once.
    public init(sink: any AudioSink, name: String = "switchboard.playback", drainAtEnd: Bool = true,
                fill: @escaping @Sendable (_ buffer: UnsafeMutableBufferPointer<Int16>, _ clock: SampleClock) -> Bool,
                onEnd: @escaping @Sendable (AudioLineError?) -> Void = { _ in }) {
        self.sink = sink
        let state = self.state
        LineThreadState.start(name: name) {
            var failure: AudioLineError?
            var buffer = [Int16](repeating: 0, count: sink.periodFrames)
            var more = true
            while more && !state.shouldStop {
                for index in buffer.indices { buffer[index] = 0 }
                more = buffer.withUnsafeMutableBufferPointer { fill($0, sink.clock) }
                do throws(AudioLineError) {
                    try sink.write(buffer)
                } catch {
                    failure = error
                    break
                }
            }
            if failure == nil && drainAtEnd && !state.shouldStop {
                do throws(AudioLineError) { try sink.drain() } catch { failure = error }
            }
            sink.close()
            onEnd(failure)
            state.markFinished()
        }
    }

    /// Asks the thread to stop after the write in progress, without draining.
    public func stop() { state.requestStop() }

    /// Blocks until the thread has ended.
    public func wait() { state.wait() }

    /// Whether the thread has ended.
    public var isFinished: Bool { state.isFinished }
}
