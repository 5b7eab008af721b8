/// A proposal to link an unlinked EJ to a product, with the reasons that make it likely.
public struct LinkSuggestion: Sendable, Equatable {
    public var ej: String
    public var productID: Int
    /// 0…1: the sum of the weights of the reasons found.
    public var score: Double
    public var reasons: [String]
}

/// What is known of a product when suggesting links for it.
public struct ProductProfile: Sendable {
    public var product: Product
    /// SIRETs of the suppliers of the EJs already linked to it.
    public var supplierSirets: Set<String>
    public var forecast: [ForecastLine]

    public init(product: Product, supplierSirets: Set<String>, forecast: [ForecastLine]) {
        self.product = product
        self.supplierSirets = supplierSirets
        self.forecast = forecast
    }
}

/// Scores every product for an unlinked EJ from signals a budget officer would use: a supplier the product already
/// works with, its centre de coûts, its centre financier or programme, an amount and a date close to a forecast line.
public enum LinkSuggester {
    /// Weights in points out of 100, kept as integers so that thresholds compare exactly.
    static let supplierWeight = 40
    static let centreCoutsWeight = 25
    static let centreFinancierWeight = 10
    static let amountWeight = 20
    static let dateWeight = 5
    /// Suggestions under this score are not shown: one signal alone, even a known supplier (who may work for
    /// several products), is not enough.
    public static let minimumPoints = 45
    public static var minimumScore: Double { Double(minimumPoints) / 100 }

    /// Whether a suggestion always needs the supplier or the centre de coûts to match: the other signals together
    /// stay under the threshold. Storage relies on it to look only at EJs that share one of them with a product.
    public static var needsSupplierOrCentreCouts: Bool {
        centreFinancierWeight + amountWeight + dateWeight < minimumPoints
    }
    /// An amount within this share of a forecast line's AE counts as close.
    static let amountTolerance = 0.1

    /// `lines` are the EJ's lines: exports complete them with different imputations, and any of them may tell.
    public static func suggestions(for ej: EJOverview, lines: [EJLineFacts] = [], createdOn: LocalDate?,
                                   among profiles: [ProductProfile]) -> [LinkSuggestion]
    {
        let imputations = [ej.imputation] + lines.map(\.imputation)
        return profiles.compactMap { profile in
            var score = 0
            var reasons: [String] = []
            let product = profile.product
            if let siret = ej.supplier.siret?.normalized, profile.supplierSirets.contains(siret) {
                score += supplierWeight
                reasons.append("fournisseur déjà lié au produit (SIRET \(siret))")
            }
            if let centre = product.centreCouts, imputations.contains(where: { $0.centreCouts == centre }) {
                score += centreCoutsWeight
                reasons.append("même centre de coûts (\(centre))")
            }
            if let centre = product.centreFinancier, imputations.contains(where: { $0.centreFinancier == centre }) {
                score += centreFinancierWeight
                reasons.append("même centre financier (\(centre))")
            } else if let programme = product.programme, imputations.contains(where: { $0.programme == programme }) {
                score += centreFinancierWeight / 2
                reasons.append("même programme (\(programme))")
            }
            if let line = closestForecastLine(to: ej.ae, in: profile.forecast) {
                score += amountWeight
                reasons.append("montant proche de la ligne prévisionnelle « \(line.label) » (\(line.ae.french))")
                if let created = createdOn, let month = line.plannedMonth,
                   abs(created.daysSinceEpoch - month.daysSinceEpoch) <= 45 {
                    score += dateWeight
                    reasons.append("date de l'EJ proche du mois prévu (\(FrenchFormat.date(created)))")
                }
            }
            guard score >= minimumPoints else { return nil }
            return LinkSuggestion(ej: ej.ej, productID: product.id, score: Double(score) / 100, reasons: reasons)
        }
        .sorted { $0.score > $1.score || ($0.score == $1.score && $0.productID < $1.productID) }
    }

    static func closestForecastLine(to amount: Money, in forecast: [ForecastLine]) -> ForecastLine? {
        guard amount.cents > 0 else { return nil }
        return forecast
            .filter { $0.ae.cents > 0 && Double(($0.ae - amount).cents.magnitude) <= Double($0.ae.cents) * amountTolerance }
            .min { ($0.ae - amount).cents.magnitude < ($1.ae - amount).cents.magnitude }
    }
}
