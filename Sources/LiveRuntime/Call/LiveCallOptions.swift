import CallFlow
import Foundation
import Telephony

/// How a live call presents itself to the flow and paces its line.
public struct LiveCallOptions: Sendable {
    /// Caller ID as the line reported it (nil: withheld).
    public var callerID: String?
    /// The moment the call was answered (business hours are judged at `start` + line time).
    public var start: Date
    /// Frames of silence written before the first capture read: the playback side's head start.
    ///
    /// Playback runs this far ahead of capture, so it is the line's output latency and bounds how
    /// quickly a key stops a prompt (two 20 ms periods by default).
    public var primingFrames: Int
    /// The line's name (call records, logs).
    public var lineName: String = "line"
    /// The call's number, unique on this server (queue logs, `ivr line status`).
    public var callNumber: UInt64 = 1
    /// Where the call's queues are (default: a line on its own, no agents).
    public var queues: any QueueLink = SoloQueue()
    /// The line echo canceller's settings, or nil for none: it removes the echo of what the call
    /// played from what it captures, before the DTMF receiver and the voicemail recorder.
    public var echoCanceller: EchoCanceller.Settings?
    /// How much later than the line's own priming its playback reaches the far end, in frames (a
    /// SIP call's send lead): the echo canceller expects the echo that much later.
    public var echoDelayFrames = 0
    /// Called on the line thread with every transcript entry as it happens (e.g. to print it).
    public var onEntry: (@Sendable (Transcript.Event) -> Void)?

    /// Options for a call from `callerID` answered at `start`.
    public init(callerID: String?, start: Date = Date(), primingFrames: Int = 320,
                onEntry: (@Sendable (Transcript.Event) -> Void)? = nil) {
        self.callerID = callerID
        self.start = start
        self.primingFrames = primingFrames
        self.onEntry = onEntry
    }
}
