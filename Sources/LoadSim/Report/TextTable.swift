import Foundation

/// A plain-text table with right-aligned numeric columns, for terminal reports.
public struct TextTable: Sendable {
    /// Column headings.
    public var headers: [String]
    /// Rows of cells (as many as headers).
    public var rows: [[String]] = []
    /// Column indices aligned left (others align right).
    public var leftAligned: Set<Int> = [0]

    /// A table with `headers`.
    public init(headers: [String]) { self.headers = headers }

    /// The table as lines joined by newlines, columns two spaces apart.
    public func render() -> String {
        var widths = headers.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return leftAligned.contains(i) ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}

/// Number formats shared by the reports (fixed decimals, no locale: same bytes everywhere).
public enum Figure {
    /// `0.9372` → `93.7%`.
    public static func percent(_ v: Double, decimals: Int = 1) -> String { fixed(v * 100, decimals) + "%" }
    /// `3.4333` → `3.4s`.
    public static func seconds(_ v: Double, decimals: Int = 1) -> String { fixed(v, decimals) + "s" }
    /// Whole numbers without decimals, others with one: `1000`, `7.5`.
    public static func compact(_ v: Double) -> String { v.rounded() == v ? fixed(v, 0) : fixed(v, 1) }
    /// `v` with exactly `decimals` digits after the point.
    public static func fixed(_ v: Double, _ decimals: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "-" : (v > 0 ? "inf" : "-inf") }
        // Beyond 2^53 whole numbers lose their units digit anyway; Int(_:) would trap past Int.max.
        guard abs(v) < 1e15 else { return String(format: "%.\(max(0, decimals))f", v) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let r = (abs(v) * scale).rounded()
        let whole = Int(r / scale), frac = Int(r - Double(whole) * scale)
        var s = (v < 0 && r != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return s
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
