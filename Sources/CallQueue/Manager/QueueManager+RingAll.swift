/// `ring-all` (Asterisk `ringall`, FreeSWITCH `ring-all`): every idle eligible member with a
/// station rings for the head caller at once; the first to answer takes the call.
///
/// The first offer is returned by `next(at:)` as usual and the others follow from the next
/// calls, so a driver sees one `.offer` per ringing agent (all for the same ticket). When
/// one answers, the others are available again at once: offers not yet handed out are
/// dropped, and each one already handed out is followed by `.ringStopped`. A member who does
/// not answer (`notAnswered`) leaves the group; the caller goes back to their place only
/// when the last ringing member has not answered. A caller who leaves frees every member.
extension QueueManager {
    /// Rings every other idle station member of the offer's queue for the same caller.
    mutating func ringOthers(with first: CallerOffer, slot: Int32, at t: Double) {
        let q = Int(first.queue.index)
        let a = Int(first.agent.index)
        var group: [Int32] = [Int32(a)]
        while let picked = queues[q].pickers.pick(maxLevel: .max, idleEpoch) {
            let b = Int(picked.index)
            agents[b].work = .caller
            agents[b].workCall = agents[a].workCall
            agents[b].workTicket = agents[a].workTicket
            agents[b].workQueue = Int32(q)
            agents[b].workJoinedAt = agents[a].workJoinedAt
            agents[b].workOfferedAt = t
            agents[b].workOriginalPosition = agents[a].workOriginalPosition
            setState(b, .ringing)
            var offer = first
            offer.agent = picked
            pendingOutputs.append(.offer(offer))
            group.append(Int32(b))
        }
        if group.count > 1 { ringGroups[slot] = group }
    }

    /// The agents ringing for the caller in `slot` (the one offered if not a ring-all), for drivers
    /// that choose which member answers first (the simulator).
    public func ringingAgents(for ticket: CallTicket) -> [AgentHandle] {
        let s = Int(ticket.slot)
        guard s >= 0, s < calls.count, calls[s].generation == ticket.generation,
              calls[s].phase == CallSlot.offered else { return [] }
        if let group = ringGroups[ticket.slot] { return group.map { AgentHandle(Int($0)) } }
        return [AgentHandle(Int(calls[s].offeredTo))]
    }

    /// `a` answered the caller in `slot`: the other members stop ringing and are available.
    mutating func stopOtherRinging(slot: Int32, answeredBy a: Int, at t: Double) {
        guard let group = ringGroups.removeValue(forKey: slot) else { return }
        calls[Int(slot)].offeredTo = Int32(a)
        _ = dropPendingOffer(to: a)            // answered before its own offer was handed out (the simulator)
        for member in group where Int(member) != a {
            let b = Int(member)
            if !dropPendingOffer(to: b) {
                pendingOutputs.append(.ringStopped(call: agents[b].workCall, agent: AgentHandle(b)))
            }
            agents[b].work = .none
            finishWork(b, at: t, missed: false)
        }
    }

    /// `a` did not answer; true when other members still ring (the caller stays offered).
    mutating func leaveRingGroup(slot: Int32, agent a: Int) -> Bool {
        guard var group = ringGroups[slot] else { return false }
        group.removeAll { Int($0) == a }
        if group.isEmpty {
            ringGroups[slot] = nil
            return false
        }
        ringGroups[slot] = group
        if Int(calls[Int(slot)].offeredTo) == a { calls[Int(slot)].offeredTo = group[0] }
        return true
    }

    /// The caller in `slot` left while ringing: every member ringing for them is available
    /// again (not a missed offer); returns false when no ring-all group rang for them.
    mutating func releaseRingGroup(slot: Int32, at t: Double) -> Bool {
        guard let group = ringGroups.removeValue(forKey: slot) else { return false }
        for member in group {
            let b = Int(member)
            _ = dropPendingOffer(to: b)
            agents[b].work = .none
            finishWork(b, at: t, missed: false)
        }
        return true
    }

    /// Removes an offer to agent `b` not yet handed out; true when there was one.
    private mutating func dropPendingOffer(to b: Int) -> Bool {
        guard let i = pendingOutputs.firstIndex(where: {
            if case .offer(let o) = $0 { return Int(o.agent.index) == b }
            return false
        }) else { return false }
        pendingOutputs.remove(at: i)
        return true
    }
}
