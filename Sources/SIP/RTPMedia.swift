import CLibre
import Foundation
import Telephony

/// One call's RTP stream: libre's socket and jitter buffer, and the call's media clock.
///
/// Threads: libre's receive handler runs on the SIP thread and puts packets into the jitter
/// buffer; the call's line thread takes them out (``RTPSource``) and sends (``RTPSink``) with a
/// plain `sendto` on the socket's descriptor. The jitter buffer is touched only under `lock`,
/// and its frames are private copies, so no libre reference count is shared between threads.
final class RTPMedia: @unchecked Sendable {
    /// Samples in one 20 ms packet at 8 kHz.
    static let packetSamples = 160
    static let packetNanoseconds: Int64 = 20_000_000

    let codec: SIPSettings.Codec
    let eventPayloadType: Int
    private let lock = NSLock()
    // Owned by the SIP thread (created, freed there).
    private(set) var socket: OpaquePointer?
    private var jitterBuffer: OpaquePointer?
    private var fd: Int32 = -1
    private var remote = sa()
    private var events = TelephoneEvents()
    /// Called on the SIP thread with each key pressed as an RFC 4733 event.
    var onKey: (@Sendable (Character) -> Void)?

    // Line-thread state.
    private var startTime: Int64 = 0
    private var sequence = UInt16.random(in: 0...UInt16.max)
    private var timestamp = UInt32.random(in: 0...UInt32.max)
    private let ssrc = UInt32.random(in: 1...UInt32.max)
    private var marker = true
    private var packet = [UInt8](repeating: 0, count: 12 + RTPMedia.packetSamples)
    private var pending: [Int16] = []
    let timing: MediaTiming
    /// The deadline of the packet the sink sends next (set by the source at each tick).
    var sendDeadline: Int64 = 0

    // Statistics (under `lock`).
    private var received = 0
    private var sent = 0
    private var firstSequence: UInt32?
    private var highestSequence: UInt32 = 0
    private var jitter = 0.0
    private var lastTransit: Double?
    private var ended = false

    /// Opens an RTP socket on `host` in `ports` (SIP thread only).
    init(host: String, ports: ClosedRange<UInt16>, codec: SIPSettings.Codec, eventPayloadType: Int,
         timing: MediaTiming) throws(SIPError) {
        self.codec = codec
        self.eventPayloadType = eventPayloadType
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

    /// Where packets go (SIP thread, before the line starts, or on a re-INVITE).
    func setRemote(_ address: UnsafePointer<sa>) { lock.withLock { remote = address.pointee } }

    /// Frees the socket and jitter buffer (SIP thread, after the line has closed its ports).
    func release() {
        lock.withLock {
            ended = true
            if let socket { sb_deref(UnsafeMutableRawPointer(socket)) }
            if let jitterBuffer { sb_deref(UnsafeMutableRawPointer(jitterBuffer)) }
            socket = nil
            jitterBuffer = nil
            fd = -1
        }
    }

    // MARK: SIP thread

    private func receive(_ header: UnsafePointer<rtp_header>, _ mb: UnsafeMutablePointer<mbuf>) {
        let pt = Int(header.pointee.pt)
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
        lock.withLock {
            let expected = firstSequence.map { Int(highestSequence - $0) + 1 } ?? 0
            return (received, sent, max(0, expected - received), jitter / 8)
        }
    }

    // MARK: Line thread

    /// Starts the media clock: packet n is due at now + n × 20 ms.
    func startClock() {
        startTime = MonotonicClock.now()
        sendDeadline = startTime
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
            if let bytes = sb_mbuf_bytes(mb) {
                for index in 0..<available {
                    buffer[index] = codec == .pcmu ? G711.ulawDecode(bytes[index]) : G711.alawDecode(bytes[index])
                }
                filled = available
            }
            sb_deref(mem)
        }
        for index in filled..<count { buffer[index] = 0 }
    }

    /// Queues `samples` and sends every whole 20 ms packet, stamping the RTP clock 160 per packet.
    func send(_ samples: UnsafeBufferPointer<Int16>) {
        pending.append(contentsOf: samples)
        while pending.count >= Self.packetSamples {
            sendPacket()
            pending.removeFirst(Self.packetSamples)
        }
    }

    private func sendPacket() {
        packet[0] = 0x80
        packet[1] = codec.payloadType | (marker ? 0x80 : 0)
        marker = false
        packet[2] = UInt8(sequence >> 8); packet[3] = UInt8(sequence & 0xFF)
        for index in 0..<4 {
            packet[4 + index] = UInt8((timestamp >> (24 - 8 * UInt32(index))) & 0xFF)
            packet[8 + index] = UInt8((ssrc >> (24 - 8 * UInt32(index))) & 0xFF)
        }
        for index in 0..<Self.packetSamples {
            packet[12 + index] = codec == .pcmu ? G711.ulawEncode(pending[index]) : G711.alawEncode(pending[index])
        }
        sequence &+= 1
        timestamp &+= UInt32(Self.packetSamples)
        var (destination, descriptor) = lock.withLock { (remote, fd) }
        if descriptor >= 0 && sb_sa_port(&destination) != 0 {
            _ = packet.withUnsafeBufferPointer { sb_sendto(descriptor, &destination, $0.baseAddress, $0.count) }
        }
        timing.record(latenessNanoseconds: MonotonicClock.now() - sendDeadline)
        lock.withLock { sent += 1 }
    }
}
