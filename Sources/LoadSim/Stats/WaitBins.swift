import InPlaceTables

/// The wait histograms of one run's queues, recorded in place: each row holds the bins of one
/// `WaitHistogram`, then its count and maximum, in one `InPlaceTable`.
///
/// A `[WaitHistogram]` written per caller checked twice that its buffers were not shared (the
/// array of histograms, then the histogram's bins), a call into the runtime each. Here a wait
/// is three plain stores. Like the statistics' other tables, **copies share the storage**: the
/// run that owns the statistics records; everyone else reads (``histogram(_:)`` copies a row
/// out into an ordinary `WaitHistogram`).
struct WaitBins: Sendable {
    /// Bin counts, then the count, then the maximum's bit pattern, per row.
    private static var stride: Int { WaitHistogram.binCount + 2 }
    private var table: InPlaceTable<UInt64>
    /// Number of histograms.
    let rows: Int

    /// `rows` empty histograms.
    init(rows: Int) {
        self.rows = rows
        table = InPlaceTable(repeating: 0, count: rows * Self.stride)
    }

    /// Records a wait of `seconds`, whose bin is `bin` (`WaitHistogram.bin(of:)`), in row `row`.
    @inline(__always)
    func record(_ seconds: Double, bin: Int, row: Int) {
        precondition(row >= 0 && row < rows && bin >= 0 && bin < WaitHistogram.binCount, "wait bin out of range")
        let base = row * Self.stride
        table[base + bin] &+= 1
        table[base + WaitHistogram.binCount] &+= 1
        let w = max(0, seconds)
        if w > Double(bitPattern: table[base + WaitHistogram.binCount + 1]) {
            table[base + WaitHistogram.binCount + 1] = w.bitPattern
        }
    }

    /// Row `row` as a histogram of its own (a copy).
    func histogram(_ row: Int) -> WaitHistogram {
        let base = row * Self.stride
        let bins = Array(table[base ..< base + WaitHistogram.binCount])
        return WaitHistogram(bins: bins, count: table[base + WaitHistogram.binCount],
                             maximum: Double(bitPattern: table[base + WaitHistogram.binCount + 1]))
    }
}
