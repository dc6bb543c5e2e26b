/// A map from callback id to `Value` without hashing: ids are handed out in order, so the
/// values sit in an array indexed by `id - base`. Leading empty slots (closed callbacks) are
/// dropped now and then, so memory follows the span from the oldest open callback to the
/// newest, not the run's length. Ids below the window or far above it (a store loaded with
/// gaps) go to a small dictionary instead.
struct CallbackTable<Value: Sendable>: Sendable {
    private var base: UInt64 = 1
    private var slots: [Value?] = []
    /// Index of the first slot that may hold a value.
    private var head = 0
    private var overflow: [CallbackID: Value] = [:]
    /// Largest gap above the window that still grows the array.
    private static var maxGap: UInt64 { 4096 }

    /// The value for `id`, if any; assigning `nil` removes it.
    subscript(id: CallbackID) -> Value? {
        get {
            let raw = id.raw
            if raw >= base {
                let i = raw - base
                if i < UInt64(slots.count), let v = slots[Int(i)] { return v }
            }
            return overflow.isEmpty ? nil : overflow[id]
        }
        set {
            let raw = id.raw
            if raw >= base, raw - base < UInt64(slots.count) {
                let i = Int(raw - base)
                if !overflow.isEmpty { overflow[id] = nil }
                slots[i] = newValue
                if newValue == nil, i == head { trimFront() }
                return
            }
            if raw >= base, raw - base - UInt64(slots.count) <= Self.maxGap, newValue != nil {
                if !overflow.isEmpty { overflow[id] = nil }
                let i = Int(raw - base)
                while slots.count < i { slots.append(nil) }
                slots.append(newValue)
                return
            }
            overflow[id] = newValue
        }
    }

    /// All values: the window's in id order, then the others in no particular order.
    var values: [Value] {
        var out: [Value] = []
        for i in head..<slots.count { if let v = slots[i] { out.append(v) } }
        out.append(contentsOf: overflow.values)
        return out
    }

    /// Whether no id has a value (a scan of the window: for checks, not the hot path).
    var isEmpty: Bool {
        overflow.isEmpty && !slots[head...].contains { $0 != nil }
    }

    /// Skips leading empty slots; drops them once they are most of the array.
    private mutating func trimFront() {
        while head < slots.count, slots[head] == nil { head += 1 }
        if head >= 1024, head * 2 >= slots.count {
            slots.removeFirst(head)
            base += UInt64(head)
            head = 0
        }
    }
}
