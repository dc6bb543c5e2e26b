import Foundation
import SoundIO

/// The caller's audio from RTP, paced by the call's media clock.
///
/// Each read sleeps until the next 20 ms deadline (call start + n × 20 ms, absolute, so errors
/// never add up; a late reader catches up at once), then returns one packet from the jitter
/// buffer, or silence if none arrived. It returns 0 once the caller has hung up (BYE or CANCEL).
public final class RTPSource: AudioSource, @unchecked Sendable {
    /// `rtp:CALL-ID`, for messages.
    public let name: String
    /// 160 frames: one 20 ms packet.
    public let periodFrames = RTPMedia.packetSamples
    /// Frames delivered: the call's media clock.
    public let clock = SampleClock()
    private let media: RTPMedia
    private let call: SIPCall
    private var tick = 0

    init(media: RTPMedia, call: SIPCall) {
        self.media = media
        self.call = call
        name = "rtp:\(call.callID)"
    }

    /// Blocks until the next 20 ms deadline, then copies one packet of caller audio.
    public func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
        if call.isRemoteHungUp { return 0 }
        tick += 1
        let deadline = media.deadline(ofTick: tick)
        MonotonicClock.sleep(until: deadline)
        if call.isRemoteHungUp { return 0 }
        let count = min(buffer.count, periodFrames)
        media.takeAudio(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
        clock.advance(by: count)
        return count
    }

    /// The engine is done with the call: hang up (BYE) unless the caller already did.
    public func close() { call.lineClosed() }
}

/// The flow's audio to RTP: whole 20 ms G.711 packets, queued as they are written (the line
/// writes right after each read) and sent by the ``MediaSender`` at their deadlines, answer +
/// (k + ``RTPMedia/sendLeadPackets``) × 20 ms for packet k.
public final class RTPSink: AudioSink, @unchecked Sendable {
    /// `rtp:CALL-ID`, for messages.
    public let name: String
    /// 160 frames: one 20 ms packet.
    public let periodFrames = RTPMedia.packetSamples
    /// How long before its deadline each packet is queued, in frames: the caller hears the flow
    /// this much after the line thread plays it (so does the echo canceller).
    public static let leadFrames = RTPMedia.sendLeadPackets * RTPMedia.packetSamples
    /// Frames sent.
    public let clock = SampleClock()
    private let media: RTPMedia
    private let call: SIPCall
    private let lock = NSLock()
    private var closed = false

    init(media: RTPMedia, call: SIPCall) {
        self.media = media
        self.call = call
        name = "rtp:\(call.callID)"
    }

    /// Encodes and queues; throws once closed.
    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioLineError) {
        if lock.withLock({ closed }) {
            throw AudioLineError(kind: .failed, pcm: name, operation: "send", alsa: "the call has ended")
        }
        media.queue(samples)
        clock.advance(by: samples.count)
    }

    /// Nothing to do: the queued packets leave on their deadlines (closing waits for them).
    public func drain() throws(AudioLineError) {}

    /// Stops sending and hangs up the call unless the caller already did.
    public func close() {
        lock.withLock { closed = true }
        call.lineClosed()
    }
}
