/// An ordered list of up to 20 prompts, by index into ``FlowProgram/promptNames``, stored inline.
///
/// Fixed size so that a ``CallAction/play(_:interruptible:)`` never allocates; 20 is
/// enough for a 15-digit number read back between two prompts.
public struct PromptList: Sendable, Hashable, Sequence {
    /// The most prompts a list holds; ``append(_:)`` drops any beyond.
    public static let capacity = 20
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0, w4: UInt64 = 0
    /// Number of prompts in the list.
    public private(set) var count: Int = 0

    /// The empty list.
    public init() {}

    /// A list holding `prompts` (indices into the program's prompt table).
    public init<S: Sequence>(_ prompts: S) where S.Element == Int {
        for prompt in prompts { append(prompt) }
    }

    /// True when the list is empty.
    public var isEmpty: Bool { count == 0 }

    /// The prompt index at `position` (must be less than `count`).
    public subscript(position: Int) -> Int {
        let shift = UInt64((position & 3) * 16)
        let word: UInt64
        switch position >> 2 {
        case 0: word = w0
        case 1: word = w1
        case 2: word = w2
        case 3: word = w3
        default: word = w4
        }
        return Int((word >> shift) & 0xFFFF)
    }

    /// Appends a prompt index (0-65535); ignored when the list is full.
    public mutating func append(_ prompt: Int) {
        guard count < Self.capacity else { return }
        let value = UInt64(UInt16(truncatingIfNeeded: prompt)) << UInt64((count & 3) * 16)
        switch count >> 2 {
        case 0: w0 |= value
        case 1: w1 |= value
        case 2: w2 |= value
        case 3: w3 |= value
        default: w4 |= value
        }
        count += 1
    }

    /// Appends every prompt of `other` that fits.
    public mutating func append(contentsOf other: PromptList) {
        for prompt in other { append(prompt) }
    }

    /// Iterates the prompt indices in order.
    public struct Iterator: IteratorProtocol {
        let list: PromptList
        var position = 0
        /// The next prompt index.
        public mutating func next() -> Int? {
            guard position < list.count else { return nil }
            defer { position += 1 }
            return list[position]
        }
    }

    /// An iterator over the prompt indices.
    public func makeIterator() -> Iterator { Iterator(list: self) }
}
