/// A minimum heap of (time, sequence) keyed items: ties come out in insertion order.
struct EventHeap<Item> {
    private var items: [(time: Double, sequence: Int, item: Item)] = []
    private var counter = 0

    var isEmpty: Bool { items.isEmpty }

    mutating func push(_ item: Item, at time: Double) {
        items.append((time, counter, item))
        counter += 1
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (time: Double, item: Item)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count && less(left, smallest) { smallest = left }
            if right < items.count && less(right, smallest) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return (top.time, top.item)
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        (items[a].time, items[a].sequence) < (items[b].time, items[b].sequence)
    }
}
