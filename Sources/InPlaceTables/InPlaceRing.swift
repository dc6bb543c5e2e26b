/// A first-in, first-out line of plain values (a ring buffer), read and written in place through
/// a pointer: the queue manager's lines of waiting callers and its lists of idle agents.
///
/// Like `InPlaceTable` it does not check for sharing on a write, which a `Deque` does (a call into
/// the runtime, and an append that is a closure call): **a copy shares the storage**, and an
/// owner that needs value semantics makes its own with `copy()`, as the queue manager does once
/// per input when it is shared. A copy must not be used after another copy has grown (the
/// storage moves). Only plain values (no references) may be held.
///
/// Indices are positions in the line: 0 is the first (oldest) element.
public struct InPlaceRing<Element>: Sequence {
    /// Frees the storage when the last copy of the ring goes away.
    @usableFromInline
    final class Owner: @unchecked Sendable {
        @usableFromInline var base: UnsafeMutablePointer<Element>
        @inlinable init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
        @inlinable deinit { base.deallocate() }
    }

    @usableFromInline var owner: Owner
    @usableFromInline var base: UnsafeMutablePointer<Element>
    /// Capacity - 1; the capacity is a power of two.
    @usableFromInline var mask: Int
    /// Storage index of the first element.
    @usableFromInline var head = 0
    /// Number of elements.
    @usableFromInline var used = 0

    /// An empty line with room for `capacity` elements (rounded up to a power of two) before it grows.
    @inlinable
    public init(capacity: Int = 16) {
        precondition(_isPOD(Element.self), "InPlaceRing holds plain values only")
        var size = 4
        while size < capacity { size *= 2 }
        mask = size - 1
        base = .allocate(capacity: size)
        owner = Owner(base)
    }

    /// Number of elements.
    @inlinable public var count: Int { used }
    /// Whether the line is empty.
    @inlinable public var isEmpty: Bool { used == 0 }
    /// The first (oldest) element, if any.
    @inlinable public var first: Element? {
        @inline(__always) get { used > 0 ? base[head] : nil }
    }

    /// The element at position `i` (0 ..< count), read and written in place.
    @inlinable
    public subscript(i: Int) -> Element {
        @inline(__always) get {
            precondition(i >= 0 && i < used, "InPlaceRing index out of range")
            return base[(head &+ i) & mask]
        }
        @inline(__always) nonmutating set {
            precondition(i >= 0 && i < used, "InPlaceRing index out of range")
            base[(head &+ i) & mask] = newValue
        }
    }

    /// Adds `value` at the end of the line.
    @inlinable @inline(__always)
    public mutating func append(_ value: Element) {
        if used > mask { grow() }
        base[(head &+ used) & mask] = value
        used &+= 1
    }

    /// Adds `value` at the front of the line.
    @inlinable
    public mutating func prepend(_ value: Element) {
        if used > mask { grow() }
        head = (head &- 1) & mask
        base[head] = value
        used &+= 1
    }

    /// Removes and returns the first element; the line must not be empty.
    @inlinable @inline(__always) @discardableResult
    public mutating func removeFirst() -> Element {
        precondition(used > 0, "removeFirst from an empty InPlaceRing")
        let value = base[head]
        head = (head &+ 1) & mask
        used &-= 1
        return value
    }

    /// Inserts `value` at position `i` (0 ... count), moving the later elements back by one.
    @inlinable
    public mutating func insert(_ value: Element, at i: Int) {
        precondition(i >= 0 && i <= used, "InPlaceRing insertion index out of range")
        append(value)
        var j = used - 1
        while j > i {
            self[j] = self[j - 1]
            j -= 1
        }
        self[i] = value
    }

    /// Removes every element for which `shouldRemove` is true, keeping the order of the rest.
    @inlinable
    public mutating func removeAll(where shouldRemove: (Element) throws -> Bool) rethrows {
        var kept = 0
        for i in 0 ..< used {
            let value = self[i]
            if try !shouldRemove(value) {
                base[(head &+ kept) & mask] = value
                kept += 1
            }
        }
        used = kept
    }

    /// A line of its own with the same elements.
    @inlinable
    public func copy() -> InPlaceRing {
        var new = InPlaceRing(capacity: mask + 1)
        for value in self { new.append(value) }
        return new
    }

    @inlinable @inline(never)
    mutating func grow() {
        let size = (mask + 1) * 2
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: size)
        for i in 0 ..< used { (bigger + i).initialize(to: base[(head &+ i) & mask]) }
        base.deallocate()
        base = bigger
        owner.base = bigger
        mask = size - 1
        head = 0
    }

    /// Iterates from the first element to the last.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let ring: InPlaceRing
        @usableFromInline var i = 0
        @inlinable init(_ ring: InPlaceRing) { self.ring = ring }
        /// The next element, or nil after the last.
        @inlinable
        public mutating func next() -> Element? {
            guard i < ring.used else { return nil }
            defer { i += 1 }
            return ring[i]
        }
    }

    /// An iterator from the first element to the last.
    @inlinable public func makeIterator() -> Iterator { Iterator(self) }
    /// The number of elements (exact).
    @inlinable public var underestimatedCount: Int { used }
}

/// A ring is written by its one owner only (see the type's notes).
extension InPlaceRing: @unchecked Sendable {}
