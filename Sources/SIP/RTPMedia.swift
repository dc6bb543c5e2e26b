import CLibre
import Foundation
import Telephony

/// One call's RTP stream: libre's socket and jitter buffer, and the call's media clock.
///
/// Threads: libre's receive handler runs on the SIP thread and puts packets into the jitter
/// buffer; the call's line thread takes them out (``RTPSource``) and queues its packets a little
/// ahead of their deadlines (``RTPSink``, `RTPMedia+Queue`); the ``MediaSender`` thread sends
/// each at its deadline with a plain `sendto` on the socket's descriptor. An agent's outbound leg,
/// paced by the caller's line, sends at once (``send(_:)``). The jitter buffer is touched only
/// under `lock`, and its frames are private copies, so no libre reference count is shared between
/// threads; what the sender reads (address, descriptor, hold) is under `sendLock`.
final class RTPMedia: @unchecked Sendable {
    /// Samples in one 20 ms packet at 8 kHz.
    static let packetSamples = 160
    static let packetNanoseconds: Int64 = 20_000_000

    /// The agreed codec. An outbound leg learns it from the answer (``agree(codec:eventPayloadType:)``,
    /// SIP thread, before the leg is handed to a line); it is read under `lock` elsewhere.
    private(set) var codec: SIPSettings.Codec
    private var eventPayloadType: Int
    private var isAgreed: Bool
    private let lock = NSLock()
    /// Guards what the sender thread reads: `remote`, `fd`, `sending`, `sent`.
    let sendLock = PriorityInheritanceLock()
    // Owned by the SIP thread (created, freed there).
    private(set) var socket: OpaquePointer?
    private var jitterBuffer: OpaquePointer?
    var fd: Int32 = -1
    var remote = sa()
    private var events = TelephoneEvents()
    /// Called on the SIP thread with each key pressed as an RFC 4733 event.
    var onKey: (@Sendable (Character) -> Void)?

    // Line-thread state.
    private(set) var startTime: Int64 = 0
    var sequence = UInt16.random(in: 0...UInt16.max)
    var timestamp = UInt32.random(in: 0...UInt32.max)
    let ssrc = UInt32.random(in: 1...UInt32.max)
    var marker = true
    private var packet = [UInt8](repeating: 0, count: 12 + RTPMedia.packetSamples)
    var pending: [Int16] = []
    /// Where send lateness is counted (nil: a leg paced by another call's clock, e.g. an agent's phone).
    let timing: MediaTiming?
    /// Packets queued so far (line thread): packet k is due at ``deadline(ofPacket:)``.
    var queuedPackets = 0
    /// The packets queued for the sender (line thread in, sender thread out).
    let ring = PacketRing(capacity: 32)
    /// The sender this stream is registered with (set by the line thread, cleared by `release`).
    var sender: MediaSender?
    /// The deadline of the last packet the sender took (sender thread).
    var lastSentDeadline: Int64 = 0

    // Statistics (under `lock`; `sent` under `sendLock`).
    private var received = 0
    var sent = 0
    private var firstSequence: UInt32?
    private var highestSequence: UInt32 = 0
    private var jitter = 0.0
    private var lastTransit: Double?
    private var ended = false
    /// False while the other side holds the call (its re-INVITE left us recvonly or inactive; under `sendLock`).
    var sending = true

    /// Opens an RTP socket on `host` in `ports` (SIP thread only).
    init(host: String, ports: ClosedRange<UInt16>, codec: SIPSettings.Codec, eventPayloadType: Int,
         timing: MediaTiming?) throws(SIPError) {
        self.codec = codec
        self.eventPayloadType = eventPayloadType
        isAgreed = timing != nil  // an answered offer: settled; an outbound leg: when the answer comes
        self.timing = timing
        var local = sa()
        guard sb_sa_set(&local, host, 0) == 0 else { throw SIPError("cannot use RTP address \(host)") }
        var rs: OpaquePointer?
        let err = rtp_listen(&rs, Int32(IPPROTO_UDP), &local, ports.lowerBound, ports.upperBound, false,
                             { src, hdr, mb, arg in
                                 guard let arg, let hdr, let mb else { return }
                                 Unmanaged<RTPMedia>.fromOpaque(arg).takeUnretainedValue().receive(hdr, mb)
                             }, nil, Unmanaged.passUnretained(self).toOpaque())
        guard err == 0, let rs else {
            throw SIPError("no free RTP port in \(ports.lowerBound)-\(ports.upperBound) (error \(err)); widen rtp_ports")
        }
        socket = rs
        fd = sb_rtp_fd(rs, &local)
        var jb: OpaquePointer?
        guard jbuf_alloc(&jb, 2, 10) == 0, let jb else {
            sb_deref(UnsafeMutableRawPointer(rs))
            socket = nil
            throw SIPError("cannot allocate a jitter buffer")
        }
        jitterBuffer = jb
    }

    /// The local RTP port (for the SDP answer).
    var localPort: UInt16 { socket.map { sb_sa_port(rtp_local($0)) } ?? 0 }

    /// The codec and event payload type the answer agreed (an outbound leg; SIP thread).
    func agree(codec: SIPSettings.Codec, eventPayloadType: Int) {
        lock.withLock {
            self.codec = codec
            self.eventPayloadType = eventPayloadType
            isAgreed = true
        }
    }

    /// Whether the codec is settled (an offer we answered, or an answer we read).
    var agreed: Bool { lock.withLock { isAgreed } }

    /// Whether packets go out: false while the call is held (SIP thread, on a re-INVITE).
    func setSending(_ on: Bool) { sendLock.withLock { sending = on } }

    /// Where packets go (SIP thread, before the line starts, or on a re-INVITE).
    func setRemote(_ address: UnsafePointer<sa>) { sendLock.withLock { remote = address.pointee } }

    /// Frees the socket and jitter buffer (SIP thread, after the line has closed its ports); the
    /// sender lets go of the stream first, so it never sends on a closed descriptor.
    func release() {
        sendLock.withLock { fd = -1 }
        detachFromSender()
        lock.withLock {
            ended = true
            if let socket { sb_deref(UnsafeMutableRawPointer(socket)) }
            if let jitterBuffer { sb_deref(UnsafeMutableRawPointer(jitterBuffer)) }
            socket = nil
            jitterBuffer = nil
        }
    }

    // MARK: SIP thread

    private func receive(_ header: UnsafePointer<rtp_header>, _ mb: UnsafeMutablePointer<mbuf>) {
        let pt = Int(header.pointee.pt)
        let (codec, eventPayloadType) = lock.withLock { (self.codec, self.eventPayloadType) }
        if pt == eventPayloadType {
            let count = sb_mbuf_left(mb)
            guard let bytes = sb_mbuf_bytes(mb) else { return }
            let key = events.key(payload: UnsafeRawBufferPointer(start: bytes, count: count), timestamp: header.pointee.ts)
            if let key { onKey?(key) }
            return
        }
        guard pt == Int(codec.payloadType) else { return }
        let arrival = Double(MonotonicClock.now()) / 125_000  // in 8 kHz timestamp units
        lock.withLock {
            guard let jitterBuffer, !ended else { return }
            noteStatistics(header.pointee, arrival: arrival)
            guard let copy = sb_mbuf_copy(mb) else { return }
            var hdr = header.pointee
            _ = jbuf_put(jitterBuffer, &hdr, UnsafeMutableRawPointer(copy))
            sb_deref(UnsafeMutableRawPointer(copy))
        }
    }

    /// RFC 3550 reception statistics: packets, extended highest sequence, interarrival jitter.
    private func noteStatistics(_ header: rtp_header, arrival: Double) {
        received += 1
        let seq = UInt32(header.seq)
        if let first = firstSequence {
            // Extend the 16-bit sequence number past wrap-around.
            let cycles = highestSequence & 0xFFFF_0000
            var extended = cycles | seq
            if extended + 0x8000 < highestSequence { extended += 0x1_0000 }
            if extended > highestSequence { highestSequence = extended }
            _ = first
        } else {
            firstSequence = seq
            highestSequence = seq
        }
        let transit = arrival - Double(header.ts)
        if let last = lastTransit {
            var difference = transit - last
            if difference < 0 { difference = -difference }
            if difference < 8000 { jitter += (difference - jitter) / 16 }
        }
        lastTransit = transit
    }

    /// Packets received and sent, packets lost, interarrival jitter in milliseconds.
    var statistics: (received: Int, sent: Int, lost: Int, jitterMilliseconds: Double) {
        let sent = sendLock.withLock { self.sent }
        return lock.withLock {
            let expected = firstSequence.map { Int(highestSequence - $0) + 1 } ?? 0
            return (received, sent, max(0, expected - received), jitter / 8)
        }
    }

    // MARK: Line thread

    /// Starts the media clock: tick n is at now + n × 20 ms.
    func startClock() {
        startTime = MonotonicClock.now()
    }

    /// The deadline of tick `n` (n ≥ 1: the end of the n-th 20 ms of caller audio).
    func deadline(ofTick n: Int) -> Int64 { startTime + Int64(n) * Self.packetNanoseconds }

    /// Takes the next packet's audio out of the jitter buffer, decoded; silence if none is due.
    func takeAudio(into buffer: UnsafeMutableBufferPointer<Int16>) {
        let count = min(buffer.count, Self.packetSamples)
        var filled = 0
        lock.withLock {
            guard let jitterBuffer else { return }
            var hdr = rtp_header()
            var mem: UnsafeMutableRawPointer?
            let err = jbuf_get(jitterBuffer, &hdr, &mem)
            guard err == 0 || err == EAGAIN, let mem else { return }
            let mb = mem.assumingMemoryBound(to: mbuf.self)
            let available = min(count, sb_mbuf_left(mb))
            if let bytes = sb_mbuf_bytes(mb), let output = buffer.baseAddress {
                G711.decode(UnsafeBufferPointer(start: bytes, count: available), law: codec.law, into: output)
                filled = available
            }
            sb_deref(mem)
        }
        for index in filled..<count { buffer[index] = 0 }
    }

    /// Sends every whole 20 ms packet of `samples` at once (an outbound leg, paced by the line that
    /// bridges it), stamping the RTP clock 160 per packet.
    func send(_ samples: UnsafeBufferPointer<Int16>) {
        pending.append(contentsOf: samples)
        while pending.count >= Self.packetSamples {
            let length = packet.withUnsafeMutableBufferPointer { buffer in
                pending.withUnsafeBufferPointer { encodePacket(UnsafeBufferPointer(rebasing: $0[0..<Self.packetSamples]), into: buffer.baseAddress!) }
            }
            pending.removeFirst(Self.packetSamples)
            _ = packet.withUnsafeBufferPointer { transmit(UnsafeBufferPointer(rebasing: $0[0..<length])) }
        }
    }

    /// Writes one RTP packet of `samples` (160) into `bytes` (``PacketRing/slotBytes``), advancing
    /// sequence and timestamp; returns its length (line thread).
    func encodePacket(_ samples: UnsafeBufferPointer<Int16>, into bytes: UnsafeMutablePointer<UInt8>) -> Int {
        let codec = lock.withLock { self.codec }
        bytes[0] = 0x80
        bytes[1] = codec.payloadType | (marker ? 0x80 : 0)
        marker = false
        bytes[2] = UInt8(sequence >> 8); bytes[3] = UInt8(sequence & 0xFF)
        for index in 0..<4 {
            bytes[4 + index] = UInt8((timestamp >> (24 - 8 * UInt32(index))) & 0xFF)
            bytes[8 + index] = UInt8((ssrc >> (24 - 8 * UInt32(index))) & 0xFF)
        }
        let count = min(samples.count, Self.packetSamples)
        G711.encode(UnsafeBufferPointer(rebasing: samples[0..<count]), law: codec.law, into: bytes + 12)
        sequence &+= 1
        timestamp &+= UInt32(Self.packetSamples)
        return 12 + count
    }

    /// Sends one packet unless the call is held or ended; true if it went out (any thread).
    @discardableResult
    func transmit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        sendLock.withLock {
            guard sending, fd >= 0, sb_sa_port(&remote) != 0 else { return false }
            _ = sb_sendto(fd, &remote, bytes.baseAddress, bytes.count)
            sent += 1
            return true
        }
    }
}

extension SIPSettings.Codec {
    /// The G.711 law it carries.
    var law: G711Law { self == .pcmu ? .ulaw : .alaw }
}
