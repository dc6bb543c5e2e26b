import Testing
@testable import LoadSim

/// The patience deadlines kept beside the agenda: earliest first, ties in the order they were
/// keyed, one per call slot, removable by slot.
@Suite struct DeadlineHeapTests {
    @Test func popsInKeyOrderAndSharesTheAgendasSequence() {
        var agenda = EventQueue<SimEvent>()
        var deadlines = DeadlineHeap()
        agenda.push(.wakeUp, at: 5)                        // sequence 0
        deadlines.set(agenda.key(at: 5, slot: 3))          // sequence 1: after the wake-up at 5
        deadlines.set(agenda.key(at: 2, slot: 7))
        #expect(deadlines.nextKey < agenda.nextKey)
        #expect(EventQueue<SimEvent>.time(ofKey: deadlines.nextKey) == 2)
        #expect(deadlines.popSlot() == 7)
        #expect(agenda.nextKey < deadlines.nextKey)        // equal times: the earlier push first
        _ = agenda.pop()
        #expect(deadlines.popSlot() == 3)
        #expect(deadlines.nextKey == .max && deadlines.count == 0)
    }

    @Test func aSlotHasOneDeadlineAndRemovedOnesNeverPop() {
        var agenda = EventQueue<SimEvent>()
        var deadlines = DeadlineHeap()
        deadlines.set(agenda.key(at: 10, slot: 1))
        deadlines.set(agenda.key(at: 20, slot: 2))
        deadlines.set(agenda.key(at: 30, slot: 1))         // replaces slot 1's deadline at 10
        #expect(deadlines.count == 2)
        #expect(deadlines.popSlot() == 2)
        deadlines.remove(slot: 1)
        deadlines.remove(slot: 1)                          // nothing left to remove: no effect
        deadlines.remove(slot: 99)                         // a slot never seen
        #expect(deadlines.count == 0 && deadlines.nextKey == .max)
    }

    @Test func agreesWithASimpleModelUnderRandomUse() {
        var rng = Xoshiro256StarStar(seed: 13)
        var agenda = EventQueue<SimEvent>()
        var deadlines = DeadlineHeap()
        var model: [Int: EventQueue<SimEvent>.Key] = [:]   // slot → its deadline's key
        for _ in 0 ..< 20_000 {
            let u = rng.nextUnit()
            let slot = Int(rng.nextUnit() * 64)
            if u < 0.5 {
                // Whole seconds, so equal times (ties) are common.
                let key = agenda.key(at: Double(Int(rng.nextUnit() * 50)), slot: slot)
                deadlines.set(key)
                model[slot] = key
            } else if u < 0.75 {
                deadlines.remove(slot: slot)
                model[slot] = nil
            } else if let first = model.min(by: { $0.value < $1.value }) {
                #expect(deadlines.nextKey == first.value)
                #expect(deadlines.popSlot() == first.key)
                model[first.key] = nil
            }
            #expect(deadlines.count == model.count)
        }
    }
}
