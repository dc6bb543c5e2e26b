/// A growable table of plain values (no references inside) for the simulator's hot state, read
/// and written in place through a pointer.
///
/// An `Array` checks that its buffer is not shared (`swift_isUniquelyReferenced`, a call into the
/// runtime) on every write from code the compiler cannot see through, and the engine writes its
/// call, agent and agenda tables a dozen times per simulated call: 7 % of a run went to those
/// checks. This table has no copy-on-write: **a copy shares the storage**, so it must have one
/// owner (a `SimulationRun` and the structures inside it, never copied while in use). Element
/// access is bounds-checked; the storage is freed with the last copy.
struct UnsafeTable<Element>: RandomAccessCollection {
    /// Frees the storage when the last copy of the table goes away.
    private final class Owner: @unchecked Sendable {
        var base: UnsafeMutablePointer<Element>
        init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
        deinit { base.deallocate() }     // elements are plain values: nothing to deinitialize
    }

    private let owner: Owner
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// Number of elements.
    private(set) var count = 0

    /// An empty table with room for `capacity` elements before it grows.
    init(capacity: Int = 16) {
        precondition(_isPOD(Element.self), "UnsafeTable holds plain values only")
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
        owner = Owner(base)
    }

    /// A table of `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    /// The first element's address (valid until the table next grows).
    @inline(__always)
    var pointer: UnsafeMutablePointer<Element> { base }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// The element at `i` (0 ..< count), read and written in place.
    @inline(__always)
    subscript(i: Int) -> Element {
        unsafeAddress {
            precondition(i >= 0 && i < count, "UnsafeTable index out of range")
            return UnsafePointer(base + i)
        }
        nonmutating unsafeMutableAddress {
            precondition(i >= 0 && i < count, "UnsafeTable index out of range")
            return base + i
        }
    }

    /// Adds `value` at the end.
    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: value)
        count += 1
    }

    /// Removes and returns the last element, if any.
    @inline(__always)
    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return base[count]
    }

    /// Empties the table, keeping its storage.
    @inline(__always)
    mutating func clearKeepingCapacity() { count = 0 }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
        owner.base = bigger
    }
}

/// Tables travel inside `SimulationStatistics` (Sendable) from a finished run to the report; a
/// table is written by its one owner only, and read after the run (see the type's notes).
extension UnsafeTable: @unchecked Sendable {}
