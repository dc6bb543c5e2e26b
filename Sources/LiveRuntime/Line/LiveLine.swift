import CallFlow
import Foundation
import SoundIO
import Storage

/// What a call on a line came to.
public struct LiveCallResult: Sendable {
    /// What happened, with line times (seconds of the sample clock).
    public var transcript: Transcript
    /// How the flow ended the call (nil if it never started).
    public var outcome: CallOutcome?
    /// Frames moved through the line (capture side): the call's length on the sample clock.
    public var frames: Int
    /// The error that ended the call early (a device failure), if any; the message was kept.
    public var lineError: LiveCallError?
    /// Problems that did not end the call (store or recording failures).
    public var problems: [LiveCallError]
}

/// Runs a call on a line: capture and playback in lock-step on one dedicated thread.
///
/// Each turn reads one capture period (blocking until the device has it), hands it to the call
/// (keys, recording, timers), then writes the same number of frames of playback. Before the first
/// read, `primingFrames` of playback are written, so playback stays that far ahead: the line's
/// output latency. Because both sides move the same frames, the sample clock is one number, and a
/// device that runs faster than real time (alsa-lib's `file` over `null`) runs the whole call faster.
public enum LiveLine {
    /// Runs `call` until the flow hangs up, the control asks for a hang-up, the capture ends
    /// (a file source ran out: the caller hung up), or the device fails (the call ends as a
    /// hang-up, keeping the message). Blocks; runs the loop on a new dedicated thread.
    public static func run(_ call: LiveCall, source: any AudioSource, sink: any AudioSink,
                           control: LineControl = LineControl()) -> LiveCallResult {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = loop(call, source: source, sink: sink, control: control)
            done.signal()
        }
        thread.name = "switchboard.line"
        thread.qualityOfService = .userInteractive
        thread.start()
        done.wait()
        return box.result!
    }

    static func loop(_ call: LiveCall, source: any AudioSource, sink: any AudioSink,
                     control: LineControl) -> LiveCallResult {
        let period = max(1, source.periodFrames)
        var input = [Int16](repeating: 0, count: period)
        var output = [Int16](repeating: 0, count: period)
        var lineError: LiveCallError?
        RealTimeThread.enter()
        call.start()
        do throws(AudioLineError) {
            var primed = 0
            while primed < call.options.primingFrames {
                let count = min(period, call.options.primingFrames - primed)
                try write(call, &output, count: count, to: sink)
                primed += count
            }
            while !call.hasEnded {
                let count = try input.withUnsafeMutableBufferPointer { (buffer) throws(AudioLineError) in
                    try source.read(into: buffer)
                }
                if count == 0 {
                    call.callerHungUp()
                    break
                }
                input.withUnsafeBufferPointer { buffer in
                    call.process(UnsafeBufferPointer(rebasing: buffer[0..<count]), keys: control.takeKeys(),
                                 events: control.takeEvents(), hangUp: control.isHangUpRequested)
                }
                if call.hasEnded { break }
                if let station = control.bridgedStation, call.isConnectedToAgent {
                    try bridge(call, station, control: control, input: input, output: &output, count: count, to: sink)
                } else {
                    try write(call, &output, count: count, to: sink)
                }
            }
        } catch {
            lineError = .device(error)
            call.lineFailed(.device(error))
        }
        if let station = control.bridgedStation {
            control.bridge(to: nil)
            station.end(by: .caller)
        }
        source.close()
        sink.close()
        RealTimeThread.leave()
        call.finishStoreWork()
        return LiveCallResult(transcript: call.transcript, outcome: call.outcome, frames: call.now, lineError: lineError,
                              problems: call.problems.filter { if case .device = $0 { false } else { true } })
    }

    /// One period of conversation: caller to agent, agent to caller. When the agent hangs up or
    /// the station fails, the bridge ends and the flow hears ``CallEvent/agentDisconnected``.
    private static func bridge(_ call: LiveCall, _ station: StationLink, control: LineControl, input: [Int16],
                               output: inout [Int16], count: Int, to sink: any AudioSink) throws(AudioLineError) {
        var ended = station.isHangUpRequested
        if !ended {
            do throws(AudioLineError) {
                try input.withUnsafeBufferPointer { (inBuffer) throws(AudioLineError) in
                    try output.withUnsafeMutableBufferPointer { (outBuffer) throws(AudioLineError) in
                        try station.exchange(caller: UnsafeBufferPointer(rebasing: inBuffer[0..<count]),
                                             into: UnsafeMutableBufferPointer(rebasing: outBuffer[0..<count]))
                    }
                }
            } catch {
                call.fail(.device(error))
                ended = true
            }
        }
        if ended {
            control.bridge(to: nil)
            station.end(by: .agent)
            control.post(.agentDisconnected)
            try write(call, &output, count: count, to: sink)
            return
        }
        call.skipPlayback(count)
        try output.withUnsafeBufferPointer { (buffer) throws(AudioLineError) in
            try sink.write(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    private static func write(_ call: LiveCall, _ output: inout [Int16], count: Int,
                              to sink: any AudioSink) throws(AudioLineError) {
        try output.withUnsafeMutableBufferPointer { (buffer) throws(AudioLineError) in
            let part = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            call.fill(part)
            try sink.write(UnsafeBufferPointer(part))
        }
    }
}

/// Hands the loop's result from the line thread to the waiting caller.
private final class ResultBox: @unchecked Sendable {
    var result: LiveCallResult?
}
