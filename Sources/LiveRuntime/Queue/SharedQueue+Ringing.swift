import CallQueue
import Foundation

/// Offers ring a station: answered at once (`autoAnswer`), by `answer AGENT`, or not within the
/// queue's ring timeout (RINGNOANSWER; the caller is offered to the next agent). Under `ring-all`
/// several stations ring for one caller; the first `answer` wins and the others stop ringing.
extension SharedQueue {
    /// Carries out one offer: opens the station at once, or lets it ring until answered.
    func offer(_ offer: CallerOffer) {
        // A ring-all offer whose caller another member took meanwhile is over already.
        let (station, current) = lock.withLock {
            (stations[offer.agent], manager.ringingAgents(for: offer.ticket).contains(offer.agent))
        }
        guard current else { return }
        if let station, let address = station.sip {
            ringPhone(offer, station: station, address: address)
            return
        }
        guard let station, !station.autoAnswer else {
            connect(offer)
            return
        }
        let timeout: Double = lock.withLock {
            let seconds = ringTimeouts[offer.queue] ?? Self.defaultRingTimeout
            ringing[offer.agent] = Ringing(offer: offer, deadline: now + seconds)
            return seconds
        }
        log("agent \(station.id) ringing for call \(offer.call.raw); answer with `ivr line answer \(station.id)` within \(Self.seconds(timeout)) s")
    }

    /// The agent answers the offer ringing at their station (`answer AGENT`); the control reply.
    public func answerAgent(_ id: String) -> String {
        if let address = lock.withLock({ stations.values.first { $0.id == id }?.sip }) {
            return "error agent \(id) answers at their SIP phone (\(address)), not with `answer`"
        }
        let offer: CallerOffer? = lock.withLock {
            guard let agent = ringing.first(where: { stations[$0.key]?.id == id })?.key else { return nil }
            return ringing.removeValue(forKey: agent)?.offer
        }
        guard let offer else {
            let known = lock.withLock { stations.values.contains { $0.id == id } }
            return known ? "error agent \(id) is not ringing" : "error no agent '\(id)' with a station"
        }
        guard connect(offer) else { return "error agent \(id): the call could not be connected (see the server's log)" }
        dispatch()
        return "ok agent \(id) answered call \(offer.call.raw)"
    }

    /// Offers that rang for their whole ring timeout count as not answered.
    func expireRinging() {
        let expired: [(id: String, call: UInt64, phone: (any StationCall)?)] = lock.withLock {
            let t = managerTime()
            var out: [(String, UInt64, (any StationCall)?)] = []
            for (agent, ring) in ringing where ring.deadline <= t {
                ringing[agent] = nil
                out.append((manager.agentIDs[Int(agent.index)], ring.offer.call.raw, ring.phone))
                missed(agent, queue: ring.offer.queue, at: t)
            }
            return out
        }
        for entry in expired {
            entry.phone?.hangUp()
            log("agent \(entry.id) did not answer call \(entry.call); offered to the next agent")
        }
    }

    /// The offer ringing at `agent` in `queue` was not taken (call with `lock` held). The agent
    /// rests for the queue's retry delay (serve.yaml `queues: NAME: {retry: 5}`) before anything
    /// is offered to them again (``endRests()`` ends it). After the agent's `maxNoAnswer` offers
    /// in a row the manager puts them on break; the store is told too, so `ivr agent list` shows
    /// it and `ivr agent ready ID` brings them back.
    func missed(_ agent: AgentHandle, queue: QueueHandle, at t: Double) {
        let delay = retryDelays[queue] ?? defaultRetry
        guard let until = try? manager.notAnswered(agent, at: t, retryAfter: delay) else { return }
        if until > t {
            resting[agent] = until
            log("agent \(manager.agentIDs[Int(agent.index)]) is not offered calls for \(Self.seconds(delay)) s (the queue's retry)")
        }
        guard (try? manager.state(of: agent)) == .onBreak, storeStates[agent] != .onBreak else { return }
        storeStates[agent] = .onBreak
        let id = manager.agentIDs[Int(agent.index)]
        log("agent \(id) is on break after offers not answered (max-no-answer); `ivr agent ready \(id)` to take calls again")
        if let store { DispatchQueue.global().async { _ = try? store.setAgentState(id, to: .onBreak, now: Date()) } }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Ends the rests (after missed offers) and wrap-ups (after calls) that are over: the agents
    /// are offered calls again (call with `lock` held).
    func endRests() {
        guard !resting.isEmpty else { return }
        let t = managerTime()
        for (agent, until) in resting where until <= t {
            resting[agent] = nil
            try? manager.endWrapUp(agent, at: t)
        }
    }
}
