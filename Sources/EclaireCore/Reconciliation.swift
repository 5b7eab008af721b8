/// Checks Chorus amounts against a product team's own figures, with the rules the Ministry of Agriculture's
/// budget office already applies to INF-BUD-53 lines (one cent of tolerance).
///
/// - An engaged amount is compared with the order's AE: the whole order (`OK - BC initial`), the order split over
///   several engaged lines of the year (`OK - BC subdivisé`), or what remained after earlier years' payments, the
///   advance (DP poste 1) excluded (`OK - BC Reste à engager`); otherwise `KO - BC Écart non expliqué`.
/// - A received amount is compared with the team's service fait CP: equal (`OK - SF`), the team splitting one Chorus
///   line over several of its rows, or Chorus splitting one team row over several lines (`OK - SF subdivisé`);
///   otherwise `KO - SF`.
public enum Reconciliation {
    /// One Chorus amount line of an EJ, with the team's figure it is checked against.
    public struct Line: Sendable, Equatable {
        public var kind: AmountKind
        public var chorusAmount: Money
        public var exercice: Int
        public var serviceFait: String?
        public var posteDP: Int?
        public var dateBaseDP: LocalDate?
        /// The order's AE as the team recorded it (for engaged lines).
        public var orderAE: Money?
        /// The service fait's CP as the team recorded it (for received lines).
        public var serviceFaitCP: Money?

        public init(kind: AmountKind, chorusAmount: Money, exercice: Int, serviceFait: String? = nil,
                    posteDP: Int? = nil, dateBaseDP: LocalDate? = nil, orderAE: Money? = nil,
                    serviceFaitCP: Money? = nil) {
            self.kind = kind
            self.chorusAmount = chorusAmount
            self.exercice = exercice
            self.serviceFait = serviceFait
            self.posteDP = posteDP
            self.dateBaseDP = dateBaseDP
            self.orderAE = orderAE
            self.serviceFaitCP = serviceFaitCP
        }
    }

    public enum Verdict: Sendable, Equatable {
        case bcInitial, bcSubdivise, bcResteAEngager
        case bcEcart(difference: Money)
        case sf, sfSubdiviseEquipe, sfSubdiviseChorus
        case sfEcart(difference: Money)
        /// The team has no figure for this line yet.
        case aRapprocher
        /// Only engaged and received amounts are reconciled.
        case nonConcerne

        public var isOK: Bool {
            switch self {
            case .bcInitial, .bcSubdivise, .bcResteAEngager, .sf, .sfSubdiviseEquipe, .sfSubdiviseChorus: true
            default: false
            }
        }

        /// The label the budget office knows, with the difference in French format for a KO.
        public var label: String {
            switch self {
            case .bcInitial: "OK - BC initial"
            case .bcSubdivise: "OK - BC subdivisé"
            case .bcResteAEngager: "OK - BC Reste à engager"
            case .bcEcart(let difference): "KO - BC Écart non expliqué (diff = \(difference.french))"
            case .sf: "OK - SF"
            case .sfSubdiviseEquipe: "OK - SF subdivisé (équipe)"
            case .sfSubdiviseChorus: "OK - SF subdivisé (Chorus)"
            case .sfEcart(let difference): "KO - SF (diff = \(difference.french))"
            case .aRapprocher: "À rapprocher : aucun montant de l'équipe"
            case .nonConcerne: ""
            }
        }
    }

    static let toleranceCents: Int64 = 1

    static func same(_ a: Money, _ b: Money) -> Bool { (a - b).cents.magnitude <= toleranceCents }

    /// The verdict for `line`, judged among all the lines of its EJ (`group`, which contains `line`).
    public static func verdict(for line: Line, in group: [Line]) -> Verdict {
        switch line.kind {
        case .engage: engagedVerdict(line, group)
        case .receptionne: receivedVerdict(line, group)
        default: .nonConcerne
        }
    }

    /// An order split over several engaged lines of a year is judged as a whole: each of its lines carries the
    /// order's verdict, and a gap is the order's (500 €), not each line's distance to the whole order.
    private static func engagedVerdict(_ line: Line, _ group: [Line]) -> Verdict {
        guard let order = line.orderAE else { return .aRapprocher }
        if same(line.chorusAmount, order) { return .bcInitial }
        let engagedThisYear = group.filter { $0.kind == .engage && $0.exercice == line.exercice }
        let total = engagedThisYear.reduce(Money.zero) { $0 + $1.chorusAmount }
        if same(total, order) { return .bcSubdivise }
        let paidBefore = group.filter {
            $0.kind == .paye && $0.posteDP != 1 && ($0.dateBaseDP?.year ?? Int.max) < line.exercice
        }.reduce(Money.zero) { $0 + $1.chorusAmount }
        let judged = engagedThisYear.count > 1 ? total : line.chorusAmount
        let difference = judged - (order - paidBefore)
        return same(difference, .zero) ? .bcResteAEngager : .bcEcart(difference: difference)
    }

    private static func receivedVerdict(_ line: Line, _ group: [Line]) -> Verdict {
        guard let teamAmount = line.serviceFaitCP else { return .aRapprocher }
        if same(line.chorusAmount, teamAmount) { return .sf }
        let sameServiceFait = group.filter { $0.kind == .receptionne && $0.serviceFait == line.serviceFait }
        let teamTotal = sameServiceFait.reduce(Money.zero) { $0 + ($1.serviceFaitCP ?? .zero) }
        if same(teamTotal, line.chorusAmount) { return .sfSubdiviseEquipe }
        let chorusTotal = sameServiceFait.reduce(Money.zero) { $0 + $1.chorusAmount }
        if sameServiceFait.allSatisfy({ $0.serviceFaitCP == teamAmount }) && same(chorusTotal, teamAmount) {
            return .sfSubdiviseChorus
        }
        return .sfEcart(difference: line.chorusAmount - teamAmount)
    }
}
