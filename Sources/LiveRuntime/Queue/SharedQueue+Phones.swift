import CallQueue
import Foundation

/// Offers to agents on SIP phones: the phone rings (INVITE) for up to the queue's ring timeout;
/// its answer bridges it with the caller, anything else (busy, declined, unreachable, no answer
/// in time) is a missed offer (RINGNOANSWER) and the caller is offered to the next agent.
extension SharedQueue {
    /// The dialer for agents' SIP phones (`ivr serve` sets it when it has a `sip:` side).
    public var stationDialer: (any StationDialer)? {
        get { lock.withLock { dialer } }
        set { lock.withLock { dialer = newValue } }
    }

    /// Rings the agent's phone at `address` for `offer` (on the executor).
    func ringPhone(_ offer: CallerOffer, station: Station, address: String) {
        let (phones, caller, timeout): ((any StationDialer)?, String?, Double) = lock.withLock {
            let seconds = ringTimeouts[offer.queue] ?? Self.defaultRingTimeout
            if self.dialer != nil { ringing[offer.agent] = Ringing(offer: offer, deadline: now + seconds) }
            return (self.dialer, waiting[offer.call.raw]?.caller, seconds)
        }
        guard let phones else {
            log("agent \(station.id): no SIP side to ring \(address) (serve.yaml needs sip:); offer not answered")
            lock.withLock { missed(offer.agent, queue: offer.queue, at: managerTime()) }
            return
        }
        let phone = phones.ringStation(address, agentID: station.id, caller: caller) { [weak self] answer in
            guard let queue = self else { return }
            queue.executor.async { queue.phoneAnswered(offer, answer) }
        }
        let stillRinging: Bool = lock.withLock {
            guard ringing[offer.agent]?.offer == offer else { return false }
            ringing[offer.agent]?.phone = phone
            return true
        }
        guard stillRinging else {
            phone.hangUp()
            return
        }
        log("agent \(station.id) ringing at \(address) for call \(offer.call.raw) (up to \(Self.seconds(timeout)) s)")
    }

    /// The phone answered, or will not (on the executor).
    private func phoneAnswered(_ offer: CallerOffer, _ answer: StationAnswer) {
        let (current, id): (Bool, String) = lock.withLock {
            let id = manager.agentIDs[Int(offer.agent.index)]
            guard ringing[offer.agent]?.offer == offer else { return (false, id) }
            ringing[offer.agent] = nil
            if case .notAnswered = answer { missed(offer.agent, queue: offer.queue, at: managerTime()) }
            return (true, id)
        }
        switch answer {
        case .answered(let source, let sink, let hungUp):
            guard current else {
                source.close()
                sink.close()
                return
            }
            let connected = connect(offer) { station, onEnd in
                StationLink(agentID: station.id, source: source, sink: sink, primingFrames: 0, remoteHungUp: hungUp, onEnd: onEnd)
            }
            if !connected {
                source.close()
                sink.close()
            }
        case .notAnswered(let why):
            guard current else { return }
            log("agent \(id) did not answer call \(offer.call.raw) (\(why)); offered to the next agent")
        }
        dispatch()
    }
}
