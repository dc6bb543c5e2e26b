/// A growable table for hot state (the queue manager's queues, agents and call slots; the
/// simulator's calls, agents and agenda), read and written in place through a pointer.
///
/// An `Array` checks that its buffer is not shared (`swift_isUniquelyReferenced`, a call into the
/// runtime) on every write the compiler cannot prove safe, and the simulator writes its tables a
/// few dozen times per simulated call: about 7 % of a run went to those checks alone. This table
/// does not check: **a copy shares the storage**. An owner that needs value semantics keeps them
/// itself (the queue manager copies its tables once per input when they are shared, with
/// `copy()`); otherwise a table has one owner and is never copied while in use.
///
/// Element access is bounds-checked. Elements that are not plain values are deinitialized with
/// the last copy. Everything is `@inlinable`, so clients in other modules get the same code as
/// an in-module table (one load and one bounds check per access).
public struct InPlaceTable<Element>: RandomAccessCollection {
    /// Frees the storage (and the elements) when the last copy of the table goes away.
    @usableFromInline
    final class Owner: @unchecked Sendable {
        @usableFromInline var base: UnsafeMutablePointer<Element>
        /// Elements to deinitialize (kept only for elements that are not plain values).
        @usableFromInline var count = 0
        @inlinable init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
        @inlinable deinit {
            if !_isPOD(Element.self) { base.deinitialize(count: count) }
            base.deallocate()
        }
    }

    @usableFromInline let owner: Owner
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var capacity: Int
    /// Number of elements (read as `count`).
    @usableFromInline var used = 0
    /// Number of elements.
    @inlinable public var count: Int { used }

    /// An empty table with room for `capacity` elements before it grows.
    @inlinable
    public init(capacity: Int = 16) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
        owner = Owner(base)
    }

    /// A table of `count` copies of `value`.
    @inlinable
    public init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        self.used = count
        if !_isPOD(Element.self) { owner.count = count }
    }

    /// A table of its own with the same elements (copies of them).
    @inlinable
    public func copy() -> InPlaceTable {
        var new = InPlaceTable(capacity: capacity)
        new.base.initialize(from: base, count: count)
        new.used = used
        if !_isPOD(Element.self) { new.owner.count = count }
        return new
    }

    /// The first element's address (valid until the table next grows).
    @inlinable
    public var pointer: UnsafeMutablePointer<Element> { base }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    /// The valid indices, as a plain range (no copy of the table inside, unlike `DefaultIndices`).
    @inlinable public var indices: Range<Int> { 0 ..< count }

    /// The element at `i` (0 ..< count), read and written in place.
    @inlinable
    public subscript(i: Int) -> Element {
        @inline(__always) unsafeAddress {
            precondition(i >= 0 && i < count, "InPlaceTable index out of range")
            return UnsafePointer(base + i)
        }
        @inline(__always) nonmutating unsafeMutableAddress {
            precondition(i >= 0 && i < count, "InPlaceTable index out of range")
            return base + i
        }
    }

    /// Adds `value` at the end.
    @inlinable @inline(__always)
    public mutating func append(_ value: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: value)
        used += 1
        if !_isPOD(Element.self) { owner.count = count }
    }

    /// Adds `values` at the end.
    @inlinable
    public mutating func append(contentsOf values: some Sequence<Element>) {
        for value in values { append(value) }
    }

    /// Removes and returns the last element, if any.
    @inlinable @inline(__always)
    public mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        used -= 1
        if !_isPOD(Element.self) { owner.count = count }
        return (base + count).move()
    }

    /// Empties the table, keeping its storage.
    @inlinable
    public mutating func clearKeepingCapacity() {
        if !_isPOD(Element.self) {
            base.deinitialize(count: count)
            owner.count = 0
        }
        used = 0
    }

    @inlinable @inline(never)
    mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
        owner.base = bigger
    }
}

/// A table is written by its one owner only (see the type's notes); tables travel inside
/// Sendable values (a queue manager, a finished run's statistics) to be read.
extension InPlaceTable: @unchecked Sendable {}

extension InPlaceTable: ExpressibleByArrayLiteral {
    /// A table of `elements`, in order.
    @inlinable
    public init(_ elements: some Collection<Element>) {
        self.init(capacity: elements.count)
        append(contentsOf: elements)
    }

    /// A table of the given elements, in order.
    @inlinable
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}
