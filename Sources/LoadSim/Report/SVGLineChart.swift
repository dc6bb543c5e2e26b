/// A small line chart drawn as inline SVG (no scripts, no external files).
///
/// X is the interval index; nil values break a line (e.g. service level with no calls).
public struct SVGLineChart: Sendable {
    /// One line.
    public struct Series: Sendable {
        /// Legend text.
        public var name: String
        /// CSS colour.
        public var color: String
        /// One value per interval.
        public var values: [Double?]
        /// Dashed stroke (for targets and goals).
        public var dashed = false
        /// Creates a series.
        public init(name: String, color: String, values: [Double?], dashed: Bool = false) {
            self.name = name; self.color = color; self.values = values; self.dashed = dashed
        }
    }

    /// Chart title.
    public var title: String
    /// The lines.
    public var series: [Series]
    /// Tick labels on the x axis: (interval index, text).
    public var xTicks: [(Int, String)]
    /// Top of the y axis (nil: from the data).
    public var yMax: Double?
    /// How y tick labels are written.
    public var yFormat: @Sendable (Double) -> String

    let width = 960.0, height = 240.0, left = 56.0, right = 12.0, top = 28.0, bottom = 34.0

    /// Creates a chart.
    public init(title: String, series: [Series], xTicks: [(Int, String)], yMax: Double? = nil,
                yFormat: @escaping @Sendable (Double) -> String) {
        self.title = title; self.series = series; self.xTicks = xTicks; self.yMax = yMax; self.yFormat = yFormat
    }

    /// The `<svg>` element.
    public func render() -> String {
        let count = max(1, series.map(\.values.count).max() ?? 1)
        let dataMax = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1
        let top = niceCeiling(yMax ?? max(dataMax, 1e-9))
        let plotW = width - left - right, plotH = height - self.top - bottom
        func x(_ i: Int) -> Double { left + plotW * (Double(i) + 0.5) / Double(count) }
        func y(_ v: Double) -> Double { self.top + plotH * (1 - min(max(v / top, 0), 1)) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        s += "<text x=\"\(Int(left))\" y=\"18\" class=\"t\">\(escape(title))</text>"
        for k in 0...4 {
            let v = top * Double(k) / 4, yy = f(y(v))
            s += "<line x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(yy)\" y2=\"\(yy)\" class=\"g\"/>"
            s += "<text x=\"\(Int(left - 6))\" y=\"\(yy)\" class=\"yl\">\(escape(yFormat(v)))</text>"
        }
        for (i, label) in xTicks {
            let xx = f(left + plotW * Double(i) / Double(count))
            s += "<line x1=\"\(xx)\" x2=\"\(xx)\" y1=\"\(Int(self.top))\" y2=\"\(Int(height - bottom))\" class=\"g\"/>"
            s += "<text x=\"\(xx)\" y=\"\(Int(height - bottom + 16))\" class=\"xl\">\(escape(label))</text>"
        }
        let legendWidth = series.reduce(0.0) { $0 + 30 + Double($1.name.count) * 7 }
        var legendX = width - right - legendWidth
        for line in series {
            s += path(line, x: x, y: y)
            s += "<rect x=\"\(f(legendX))\" y=\"9\" width=\"14\" height=\"4\" fill=\"\(line.color)\"/>"
            s += "<text x=\"\(f(legendX + 18))\" y=\"15\" class=\"lg\">\(escape(line.name))</text>"
            legendX += 30 + Double(line.name.count) * 7
        }
        return s + "</svg>"
    }

    private func path(_ line: Series, x: (Int) -> Double, y: (Double) -> Double) -> String {
        var d = "", pen = false
        for (i, v) in line.values.enumerated() {
            guard let v else { pen = false; continue }
            d += (pen ? "L" : "M") + f(x(i)) + " " + f(y(v))
            pen = true
        }
        let dash = line.dashed ? " stroke-dasharray=\"6 4\"" : ""
        return "<path d=\"\(d)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"1.6\"\(dash)/>"
    }

    private func niceCeiling(_ v: Double) -> Double {
        var step = 1.0
        while step * 10 <= v { step *= 10 }
        while step > v && step > 1e-6 { step /= 10 }
        for m in [1.0, 2, 2.5, 5, 10] where step * m >= v { return step * m }
        return v
    }

    private func f(_ v: Double) -> String { Figure.fixed(v, 1) }
}

/// Escapes text for HTML and SVG.
func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
        switch ch {
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        default: out.append(ch)
        }
    }
    return out
}
