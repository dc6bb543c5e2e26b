/// A growable table of the queue manager's hot state (queues, agents, call slots, memberships),
/// read and written in place through a pointer.
///
/// An `Array` checks that its buffer is not shared (`swift_isUniquelyReferenced`, a call into the
/// runtime) on every write the compiler cannot prove safe, and the manager writes its tables a
/// few dozen times per call: the simulator spent about 4 % of its time in those checks alone.
/// These tables do not check: **a copy shares the storage**. The manager keeps its value
/// semantics itself: every public input first calls `QueueManager.makeTablesUnique()`, which
/// gives a manager that shares its tables with a copy tables of its own (one check per input,
/// not one per write). Element access is bounds-checked; the storage is freed with the last copy.
struct ManagerTable<Element>: RandomAccessCollection {
    /// Frees the storage (and the elements) when the last copy of the table goes away.
    private final class Owner: @unchecked Sendable {
        var base: UnsafeMutablePointer<Element>
        /// Elements to deinitialize (kept only for elements that are not plain values).
        var count = 0
        init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
        deinit {
            if !_isPOD(Element.self) { base.deinitialize(count: count) }
            base.deallocate()
        }
    }

    private let owner: Owner
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// Number of elements.
    private(set) var count = 0

    /// An empty table with room for `capacity` elements before it grows.
    init(capacity: Int = 16) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
        owner = Owner(base)
    }

    /// A table of its own with the same elements (copies of them).
    func copy() -> ManagerTable {
        var new = ManagerTable(capacity: capacity)
        new.base.initialize(from: base, count: count)
        new.count = count
        if !_isPOD(Element.self) { new.owner.count = count }
        return new
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    /// The valid indices, as a plain range (no copy of the table inside, unlike `DefaultIndices`).
    var indices: Range<Int> { 0 ..< count }

    /// The element at `i` (0 ..< count), read and written in place.
    @inline(__always)
    subscript(i: Int) -> Element {
        unsafeAddress {
            precondition(i >= 0 && i < count, "ManagerTable index out of range")
            return UnsafePointer(base + i)
        }
        nonmutating unsafeMutableAddress {
            precondition(i >= 0 && i < count, "ManagerTable index out of range")
            return base + i
        }
    }

    /// Adds `value` at the end.
    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: value)
        count += 1
        if !_isPOD(Element.self) { owner.count = count }
    }

    /// Adds `values` at the end.
    mutating func append(contentsOf values: some Sequence<Element>) {
        for value in values { append(value) }
    }

    /// Removes and returns the last element, if any.
    @inline(__always)
    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        if !_isPOD(Element.self) { owner.count = count }
        return (base + count).move()
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
        owner.base = bigger
    }
}

/// Tables travel inside a `QueueManager` (Sendable); a manager that shares its tables makes its
/// own before it writes (see the type's notes), so no two owners write one table.
extension ManagerTable: @unchecked Sendable {}

/// Counts the managers sharing one set of tables: a manager whose token is not uniquely
/// referenced has been copied and must copy its tables before it writes.
final class ManagerTablesToken: Sendable {}
