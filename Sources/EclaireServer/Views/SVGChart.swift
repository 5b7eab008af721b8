import EclaireCore

/// Bar charts drawn on the server as SVG: no script, no external asset, readable without colours (each bar carries
/// its value as text and a title for screen readers).
enum SVGChart {
    struct Series {
        let name: String
        let cssClass: String
        let values: [Money]
    }

    /// Grouped bars: one group per label, one bar per series.
    static func bars(labels: [String], series: [Series], title: String, width: Int = 720, height: Int = 240) -> String {
        let maximum = max(1, series.flatMap(\.values).map(\.cents).max() ?? 1)
        let top = 20, bottom = 36, left = 8
        let plot = height - top - bottom
        let groupWidth = Double(width - left) / Double(max(1, labels.count))
        let barWidth = groupWidth * 0.8 / Double(max(1, series.count))
        var svg = "<svg class=\"graphique\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" "
            + "style=\"max-width:\(width)px\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(escape(title))</title>"
        for (group, label) in labels.enumerated() {
            let x0 = Double(left) + Double(group) * groupWidth + groupWidth * 0.1
            for (index, serie) in series.enumerated() where group < serie.values.count {
                let value = serie.values[group]
                let barHeight = Double(plot) * Double(max(0, value.cents)) / Double(maximum)
                let x = x0 + Double(index) * barWidth
                let y = Double(top + plot) - barHeight
                svg += "<rect class=\"\(serie.cssClass)\" x=\"\(format(x))\" y=\"\(format(y))\" "
                    + "width=\"\(format(barWidth * 0.92))\" height=\"\(format(barHeight))\">"
                    + "<title>\(escape(label)) — \(escape(serie.name)) : \(escape(value.french))</title></rect>"
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
