import Foundation

/// The simulator's random stream: xoshiro256** draws, one at a time, or 64 at a time with the
/// `log` of each unit value computed ahead when most draws become exponential times.
///
/// glibc's `log` costs about 15 ns when the next step waits for its result, but 3-4 ns when
/// independent calls overlap. Straight into a queue about three draws in four are logs
/// (arrival gaps, patience, handling: 73 % in `bench-direct`, all of them in M/M/c), so a
/// batch computes its 64 logs back to back, where they overlap, and hands them out in order.
/// Through a flow only about one draw in three is a log (menu keys, offers and key latency
/// take plain unit values; 34 % in `bench-store`): logs computed ahead would mostly be wasted,
/// and the stream draws one value at a time, as a plain generator does.
///
/// Either way the stream is exactly ``Xoshiro256StarStar``'s from the same state: the same
/// bits, the same unit values and the same logs (one `log` function, the same argument), so a
/// run is byte-identical whether or not its logs are computed ahead.
struct DrawStream: UnitDrawSource {
    /// A batch's table: 64 entries, a power of two (`take` masks by it).
    typealias Batch<Element> = InlineArray<64, Element>
    /// Draws in a batch.
    static let size = Batch<UInt64>.count
    private var source: Xoshiro256StarStar
    /// The next unused position in the batch (`size`: used up, refill first).
    private var index = DrawStream.size
    /// Whether draws come from batches with their logs ahead (else straight from `source`).
    let logsAhead: Bool
    private var bits = Batch<UInt64>(repeating: 0)
    private var logs = Batch<Double>(repeating: 0)

    /// A stream drawing from `source`, from its current state on; `logsAhead` when most draws
    /// will be taken as logs (`logOfNextUnit`).
    init(_ source: Xoshiro256StarStar, logsAhead: Bool) {
        self.source = source
        self.logsAhead = logsAhead
    }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        logsAhead ? takeBits() : source.next()
    }

    /// The next draw as a uniform double in (0, 1).
    @inline(__always)
    mutating func nextUnit() -> Double { unitValue(of: next()) }

    /// The natural log of the next draw's unit value: from the batch, or computed now.
    @inline(__always)
    mutating func logOfNextUnit() -> Double {
        logsAhead ? takeLog() : log(unitValue(of: source.next()))
    }

    // The batch's side is kept out of line: inlined at every draw in the flow's code, it cost
    // the store's flow a fifth more instruction-cache misses (cachegrind) and about 2 % of its speed.

    @inline(never)
    private mutating func takeBits() -> UInt64 { bits[take()] }

    @inline(never)
    private mutating func takeLog() -> Double { logs[take()] }

    @inline(__always)
    private mutating func take() -> Int {
        if index == Self.size { refill() }
        let i = index & (Self.size - 1)
        index = i + 1
        return i
    }

    @inline(never)
    private mutating func refill() {
        for i in 0..<Self.size {
            let b = source.next()
            bits[i] = b
            logs[i] = log(unitValue(of: b))
        }
        index = 0
    }
}
