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
/// (keys, recording, timers), then writes the same number of frames of playback. Because both
/// sides move the same frames, the sample clock is one number, and a device that runs faster than
/// real time (alsa-lib's `file` over `null`) runs the whole call faster.
///
/// On a device with a real clock (``PacedCapture``/``PacedPlayback``): the capture starts first and
/// whatever piled up before its first period is dropped; then `primingFrames` of playback are
/// written, so playback stays that far ahead (the line's output latency) and a healthy start
/// never underruns. When more than two periods wait in the capture (the process or the sound
/// server stalled), the line catches up at once: it hands every waiting period to the call
/// (keys and recordings lose nothing) and skips as much prompt playback, instead of carrying the
/// delay for the rest of the call. After a playback underrun it writes the priming again. Each
/// stall is reported once, as a `line-stall` transcript entry, when it is over.
public enum LiveLine {
    /// Periods that may wait in the capture before the line catches up.
    static let backlogPeriods = 2

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
        let pacedSource = source as? any PacedCapture
        let pacedSink = sink as? any PacedPlayback
        pacedSource?.setRecoveryLogging(false)
        pacedSink?.setRecoveryLogging(false)
        var stalls = LineStallReport(source: pacedSource, sink: pacedSink)
        var lineError: LiveCallError?
        RealTimeThread.enter()
        call.start()
        do throws(AudioLineError) {
            var count: Int
            if let pacedSource {
                try pacedSource.start()
                count = try read(source, into: &input)
                var dropped = 0
                while count > 0 && pacedSource.waitingFrames() > period {
                    dropped += count
                    count = try read(source, into: &input)
                }
                if dropped > 0 { call.log(0, "line-start", value: "dropped \(dropped / 8) ms captured before the line was ready") }
                _ = stalls.takeRecoveries(source: pacedSource, sink: pacedSink)
            } else {
                count = -1
            }
            try prime(call, &output, period: period, to: sink)
            while !call.hasEnded {
                if count < 0 { count = try read(source, into: &input) }
                if count == 0 {
                    call.callerHungUp()
                    break
                }
                try turn(call, control: control, input: input, count: count, output: &output, to: sink)
                count = -1
                if call.hasEnded { break }
                var busy = false
                if let pacedSource, pacedSource.waitingFrames() > backlogPeriods * period {
                    let start = call.now
                    while !call.hasEnded && pacedSource.waitingFrames() > period {
                        let got = try read(source, into: &input)
                        if got == 0 { break }
                        catchUp(call, control: control, input: input, count: got, output: &output)
                    }
                    stalls.caughtUp(call.now - start, at: start)
                    busy = true
                }
                let xruns = stalls.takeRecoveries(source: pacedSource, sink: pacedSink)
                if xruns.underruns > 0 { try reprime(call, &output, period: period, to: sink) }
                busy = busy || xruns.underruns > 0 || xruns.overruns > 0
                if let message = stalls.endTurn(at: call.now, busy: busy) { call.log(call.now, "line-stall", value: message) }
            }
        } catch {
            lineError = .device(error)
            call.lineFailed(.device(error))
        }
        if let message = stalls.finish(at: call.now) { call.log(call.now, "line-stall", value: message) }
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

    /// Reads one period (0: the source ended).
    private static func read(_ source: any AudioSource, into input: inout [Int16]) throws(AudioLineError) -> Int {
        try input.withUnsafeMutableBufferPointer { (buffer) throws(AudioLineError) in try source.read(into: buffer) }
    }

    /// Writes the playback's head start (the start of the first prompt).
    private static func prime(_ call: LiveCall, _ output: inout [Int16], period: Int,
                              to sink: any AudioSink) throws(AudioLineError) {
        var primed = 0
        while primed < call.options.primingFrames {
            let count = min(period, call.options.primingFrames - primed)
            try write(call, &output, count: count, to: sink)
            primed += count
        }
    }

    /// After an underrun the device buffer is empty: silence, as much as the priming, so the next
    /// scheduling hiccup does not underrun again (the call's own playback count is not touched).
    private static func reprime(_ call: LiveCall, _ output: inout [Int16], period: Int,
                                to sink: any AudioSink) throws(AudioLineError) {
        try output.withUnsafeMutableBufferPointer { (buffer) throws(AudioLineError) in
            for index in buffer.indices { buffer[index] = 0 }
            var primed = 0
            while primed < call.options.primingFrames {
                let part = min(period, call.options.primingFrames - primed)
                try sink.write(UnsafeBufferPointer(rebasing: buffer[0..<part]))
                primed += part
            }
        }
    }

    /// One lock-step turn: the captured period to the call, a period of playback (or the agent) to the caller.
    private static func turn(_ call: LiveCall, control: LineControl, input: [Int16], count: Int,
                             output: inout [Int16], to sink: any AudioSink) throws(AudioLineError) {
        input.withUnsafeBufferPointer { buffer in
            call.process(UnsafeBufferPointer(rebasing: buffer[0..<count]), keys: control.takeKeys(),
                         events: control.takeEvents(), hangUp: control.isHangUpRequested)
        }
        if call.hasEnded { return }
        if let station = control.bridgedStation, call.isConnectedToAgent {
            try bridge(call, station, control: control, input: input, output: &output, count: count, to: sink)
        } else {
            try write(call, &output, count: count, to: sink)
        }
    }

    /// A period the line was behind by: the call hears it (keys, recording), its playback is skipped.
    private static func catchUp(_ call: LiveCall, control: LineControl, input: [Int16], count: Int,
                                output: inout [Int16]) {
        input.withUnsafeBufferPointer { buffer in
            call.process(UnsafeBufferPointer(rebasing: buffer[0..<count]), keys: control.takeKeys(),
                         events: control.takeEvents(), hangUp: control.isHangUpRequested)
        }
        if call.hasEnded { return }
        if control.bridgedStation != nil && call.isConnectedToAgent {
            call.skipPlayback(count)
        } else {
            output.withUnsafeMutableBufferPointer { buffer in call.fill(UnsafeMutableBufferPointer(rebasing: buffer[0..<count])) }
        }
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
