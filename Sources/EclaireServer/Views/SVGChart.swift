import EclaireCore

/// Bar charts drawn on the server as SVG: no script, no external asset, readable without colours (each bar carries
/// its value as text and a title for screen readers).
enum SVGChart {
    struct Series {
        let name: String
        let cssClass: String
        let values: [Money]
    }

    /// Grouped bars: one group per label, one bar per series, each bar's value written above it, and an axis of
    /// round amounts on the left with light grid lines (readable printed, without hovering).
    static func bars(labels: [String], series: [Series], title: String, width: Int = 720, height: Int = 240) -> String {
        let largest = max(1, series.flatMap(\.values).map(\.cents).max() ?? 1)
        let step = Self.step(for: largest)
        let (rounded, overflow) = step.multipliedReportingOverflow(by: (largest - 1) / step + 1)
        let scale = overflow ? largest : rounded
        let top = 24, bottom = 36, left = 64
        let plot = height - top - bottom
        let groupWidth = Double(width - left) / Double(max(1, labels.count))
        let barWidth = groupWidth * 0.8 / Double(max(1, series.count))
        var svg = "<svg class=\"graphique\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" "
            + "style=\"max-width:\(width)px\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(escape(title))</title>"
        var tick: Int64 = 0
        while tick <= scale {
            let y = Double(top + plot) - Double(plot) * Double(tick) / Double(scale)
            svg += "<line class=\"grille\" x1=\"\(left)\" x2=\"\(width)\" y1=\"\(format(y))\" y2=\"\(format(y))\"/>"
                + "<text class=\"axe\" x=\"\(left - 4)\" y=\"\(format(y + 3))\" text-anchor=\"end\">\(escape(compact(tick)))</text>"
            guard !tick.addingReportingOverflow(step).overflow else { break }
            tick += step
        }
        for (group, label) in labels.enumerated() {
            let x0 = Double(left) + Double(group) * groupWidth + groupWidth * 0.1
            for (index, serie) in series.enumerated() where group < serie.values.count {
                let value = serie.values[group]
                let barHeight = Double(plot) * Double(max(0, value.cents)) / Double(scale)
                let x = x0 + Double(index) * barWidth
                let y = Double(top + plot) - barHeight
                svg += "<rect class=\"\(serie.cssClass)\" x=\"\(format(x))\" y=\"\(format(y))\" "
                    + "width=\"\(format(barWidth * 0.92))\" height=\"\(format(barHeight))\">"
                    + "<title>\(escape(label)) — \(escape(serie.name)) : \(escape(value.french))</title></rect>"
                if value.cents > 0 {
                    svg += "<text class=\"valeur\" x=\"\(format(x + barWidth * 0.46))\" y=\"\(format(y - 3))\" "
                        + "text-anchor=\"middle\">\(escape(compact(value.cents)))</text>"
                }
            }
            svg += "<text x=\"\(format(x0 + groupWidth * 0.4))\" y=\"\(height - bottom + 16)\" "
                + "text-anchor=\"middle\">\(escape(label))</text>"
        }
        var legendX = Double(left)
        for serie in series {
            svg += "<rect class=\"\(serie.cssClass)\" x=\"\(format(legendX))\" y=\"\(height - 12)\" width=\"10\" height=\"10\"/>"
                + "<text x=\"\(format(legendX + 14))\" y=\"\(height - 3)\">\(escape(serie.name))</text>"
            legendX += 14 + Double(serie.name.count) * 7 + 20
        }
        return svg + "</svg>"
    }

    /// A round step (1, 2 or 5 times a power of ten, in cents) giving about four grid lines up to `largest`.
    static func step(for largest: Int64) -> Int64 {
        let raw = max(1, largest / 4)
        var magnitude: Int64 = 1
        while magnitude <= raw / 10 { magnitude *= 10 }
        for factor: Int64 in [1, 2, 5, 10] where magnitude.multipliedReportingOverflow(by: factor).partialValue >= raw {
            return magnitude * factor
        }
        return raw
    }

    /// « 1,2 M€ », « 350 k€ », « 80 € »: amounts short enough to sit above a bar.
    static func compact(_ cents: Int64) -> String {
        let euros = Double(cents) / 100
        func decimal(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            let text = rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
            return text.replacingOccurrences(of: ".", with: ",")
        }
        if euros.magnitude >= 1_000_000_000 { return decimal(euros / 1_000_000_000) + "\u{00A0}Md€" }
        if euros.magnitude >= 1_000_000 { return decimal(euros / 1_000_000) + "\u{00A0}M€" }
        if euros.magnitude >= 1_000 { return decimal(euros / 1_000) + "\u{00A0}k€" }
        return decimal(euros) + "\u{00A0}€"
    }

    static func format(_ value: Double) -> String { String(Double(Int(value * 10)) / 10) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let monthLabels = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                              "nov.", "déc."]

    static func monthly(_ paid: [Int: Money], title: String) -> String {
        bars(labels: monthLabels, series: [Series(name: "Payé (CP)", cssClass: "s-paye",
                                                  values: (1...12).map { paid[$0] ?? .zero })], title: title)
    }
}
