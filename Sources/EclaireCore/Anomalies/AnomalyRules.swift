/// The rules that find anomalies in EJs and their documents. Pure: the caller gathers the inputs, the rules decide.
public enum AnomalyRules {
    public static func all(_ inputs: [AnomalyInput], asOf today: LocalDate) -> [Anomaly] {
        inputs.flatMap { ofOneEJ($0, asOf: today) } + fractionnement(inputs) + doublon(inputs) + montantAtypique(inputs)
    }

    /// The rules that need only the EJ itself (the others compare it with its peers).
    public static func ofOneEJ(_ input: AnomalyInput, asOf today: LocalDate) -> [Anomaly] {
        horsMarche(input) + siretMismatch(input) + montantEcart(input) + imputationProgramme(input) + paiementTardif(input, asOf: today)
            + bankDetails(input)
    }

    // MARK: Procurement

    /// Above the dispense threshold in force when the EJ was created, with no marché or accord-cadre reference in
    /// its documents. An EJ without documents is not judged: Chorus's own exports here carry no contract number,
    /// so only its documents can show there is none.
    public static func horsMarche(_ input: AnomalyInput) -> [Anomaly] {
        guard let created = input.created, !input.documents.isEmpty else { return [] }
        let (ht, source) = input.amountHT
        let threshold = ProcurementThresholds.dispense(on: created, nature: input.nature)
        guard ht > threshold else { return [] }
        let references = input.documents.compactMap { $0.facts[.numberMarche] ?? $0.facts[.numberAccordCadre] }
        guard references.isEmpty else { return [] }
        return [Anomaly(
            kind: .horsMarche, ejs: [input.ej], amount: ht,
            explanation: "Achat de \(ht.french) HT (\(source)), au-dessus du seuil de dispense de \(threshold.french) HT "
                + "en vigueur le \(FrenchFormat.date(created))\(input.nature == .works ? " pour des travaux" : ""), sans référence de marché ni d'accord-cadre dans ses pièces.",
            evidence: [AnomalyEvidence(kind: .line, reference: input.ej, detail: "engagé \(input.engaged.french) TTC le \(FrenchFormat.date(created))"),
                       AnomalyEvidence(kind: .rule, reference: "seuil", detail: "seuil de dispense \(threshold.french) HT")]
                + input.documents.map { AnomalyEvidence(kind: .document, reference: $0.fileName, detail: "\($0.type.label) sans n° de marché") })]
    }

    /// Orders to one supplier for one need (groupe de marchandises) within 12 months, each under the threshold,
    /// together over it.
    public static func fractionnement(_ inputs: [AnomalyInput]) -> [Anomaly] {
        var groups: [String: [Int]] = [:]
        for (index, input) in inputs.enumerated() {
            guard let supplier = input.supplier.siret?.normalized ?? input.supplier.tiers ?? input.supplier.name,
                  input.groupeMarchandises != nil, input.created != nil else { continue }
            groups["\(supplier)|\(input.groupeMarchandises!)", default: []].append(index)
        }
        var found: [Anomaly] = []
        for (_, members) in groups where members.count >= 2 {
            let orders = members.map { WindowOrder(inputs[$0], index: $0) }.sorted { $0.created < $1.created }
            guard let best = longestSplitWindow(orders) else { continue }
            let window = orders[best].map { inputs[$0.index] }
            let total = orders[best].map(\.ht).reduce(.zero, +)
            let threshold = ProcurementThresholds.dispense(on: orders[best].last!.created, nature: nature(of: window[...]))
            let supplier = window.first!.supplier
            found.append(Anomaly(
                kind: .fractionnement, ejs: window.map(\.ej), amount: total,
                explanation: "\(window.count) commandes au même fournisseur (\(supplier.name ?? supplier.siret?.normalized ?? "—")) "
                    + "pour le même besoin (groupe de marchandises \(window.first!.groupeMarchandises!)) en moins de 12 mois, "
                    + "chacune sous le seuil de \(threshold.french) HT, ensemble \(total.french) HT.",
                evidence: orders[best].map { AnomalyEvidence(kind: .line, reference: inputs[$0.index].ej,
                                                             detail: "\($0.ht.french) HT le \(FrenchFormat.date($0.created))") }))
        }
        return found
    }

    /// One order of a supplier's need, with what the window reads of it computed once.
    struct WindowOrder {
        let index: Int
        let created: LocalDate
        let ht: Money
        let works: Bool

        init(_ input: AnomalyInput, index: Int) {
            self.index = index
            created = input.created!
            ht = input.amountHT.amount
            works = input.nature == .works
        }
    }

    /// The longest run of orders within 365 days, each under the threshold of the run's last day and together
    /// over it; the earliest when several are as long. Linear: a supplier may have thousands of orders for one
    /// need, and every window of them was summed again before.
    static func longestSplitWindow(_ orders: [WindowOrder]) -> ClosedRange<Int>? {
        var start = 0
        var sum: Int128 = 0
        var notWorks = 0
        var maxima: [Int] = []  // indices of the window, their amounts decreasing: the first is the window's largest
        var maximaStart = 0
        var best: ClosedRange<Int>?
        for end in orders.indices {
            sum += Int128(orders[end].ht.cents)
            if !orders[end].works { notWorks += 1 }
            while maxima.count > maximaStart, orders[maxima.last!].ht <= orders[end].ht { maxima.removeLast() }
            maxima.append(end)
            while orders[end].created.daysSinceEpoch - orders[start].created.daysSinceEpoch > 365 {
                sum -= Int128(orders[start].ht.cents)
                if !orders[start].works { notWorks -= 1 }
                if maxima[maximaStart] == start { maximaStart += 1 }
                start += 1
            }
            if maximaStart > 1_024 { maxima.removeFirst(maximaStart); maximaStart = 0 }
            let threshold = ProcurementThresholds.dispense(on: orders[end].created,
                                                           nature: notWorks == 0 ? .works : .suppliesAndServices)
            guard end > start, orders[maxima[maximaStart]].ht <= threshold, sum > Int128(threshold.cents) else { continue }
            if best.map({ end - start + 1 > $0.count }) ?? true { best = start...end }
        }
        return best
    }

    /// Works only when every order of the window is works: a doubt keeps the lower threshold of supplies and services.
    static func nature(of orders: ArraySlice<AnomalyInput>) -> ProcurementThresholds.Nature {
        orders.allSatisfy { $0.nature == .works } ? .works : .suppliesAndServices
    }

    // MARK: Chorus against the documents

    /// The supplier SIRET in Chorus differs from the one printed on the EJ's devis, acte d'engagement, bon de
    /// commande or invoice.
    public static func siretMismatch(_ input: AnomalyInput) -> [Anomaly] {
        guard let chorus = input.supplier.siret, chorus.isValid else { return [] }
        let checked: Set<DocumentType> = [.devis, .acteEngagement, .bonDeCommande, .facture, .avenant]
        let differing = input.documents.filter { document in
            guard checked.contains(document.type), let siret = document.facts[.supplierSiret],
                  Identifiers.siret(siret).isValid else { return false }
            return siret != chorus.normalized
        }
        // A Kbis names a company, not an establishment: its SIREN must be the supplier's.
        let otherCompany = input.documents.filter { document in
            guard document.type == .kbis, let siren = document.typedFacts.value(at: "siren")?.value, siren.count == 9,
                  Identifiers.siren(siren).isValid else { return false }
            return siren != String(chorus.normalized.prefix(9))
        }
        if differing.isEmpty, let kbis = otherCompany.first, let siren = kbis.typedFacts.value(at: "siren")?.value {
            return [Anomaly(
                kind: .siretMismatch, ejs: [input.ej], amount: input.engaged,
                explanation: "Le fournisseur de l'EJ dans Chorus (SIREN \(chorus.normalized.prefix(9))) n'est pas l'entreprise de l'extrait Kbis "
                    + "joint (SIREN \(siren)).",
                evidence: [AnomalyEvidence(kind: .line, reference: input.ej, detail: "SIRET \(chorus.normalized) dans Chorus"),
                           AnomalyEvidence(kind: .document, reference: kbis.fileName, detail: "SIREN \(siren)")])]
        }
        guard let first = differing.first, let other = first.facts[.supplierSiret] else { return [] }
        let sameCompany = other.prefix(9) == chorus.normalized.prefix(9)
        return [Anomaly(
            kind: .siretMismatch, ejs: [input.ej], amount: input.engaged,
            explanation: "Le fournisseur de l'EJ dans Chorus (SIRET \(chorus.normalized)) n'est pas celui de \(first.type.label.lowercased()) "
                + "(SIRET \(other))" + (sameCompany ? " : même entreprise, autre établissement." : " : autre entreprise."),
            evidence: [AnomalyEvidence(kind: .line, reference: input.ej, detail: "SIRET \(chorus.normalized) dans Chorus")]
                + differing.map { AnomalyEvidence(kind: .document, reference: $0.fileName,
                                                  detail: "SIRET \($0.facts[.supplierSiret] ?? "") (\($0.facts.fields[.supplierSiret]?.source?.text ?? ""))") })]
    }

    /// The engaged amount (TTC) differs by more than 1 % from the order's documents, or equals their HT.
    public static func montantEcart(_ input: AnomalyInput) -> [Anomaly] {
        guard input.engaged.cents > 0,
              let document = input.rankedDocuments.first(where: { [.acteEngagement, .avenant, .bonDeCommande, .devis].contains($0.type) && $0.money(.amountTTC) != nil })
        else { return [] }
        let ttc = document.money(.amountTTC)!
        let tolerance = max(ttc.cents.magnitude / 100, 1)
        guard (input.engaged - ttc).cents.magnitude > tolerance else { return [] }
        let ht = document.money(.amountHT)
        let engagedHT = ht.map { (input.engaged - $0).cents.magnitude <= max($0.cents.magnitude / 100, 1) } ?? false
        let difference = input.engaged - ttc
        return [Anomaly(
            kind: .montantEcart, ejs: [input.ej], amount: Money(cents: Int64(difference.cents.magnitude)),
            explanation: engagedHT
                ? "L'EJ engage \(input.engaged.french), le montant HT de \(document.type.label.lowercased()) : le TTC (\(ttc.french)) était attendu."
                : "L'EJ engage \(input.engaged.french) TTC, \(document.type.label.lowercased()) dit \(ttc.french) TTC (écart \(difference.french)).",
            evidence: [AnomalyEvidence(kind: .line, reference: input.ej, detail: "engagé \(input.engaged.french)"),
                       AnomalyEvidence(kind: .document, reference: document.fileName,
                                       detail: "TTC \(ttc.french)" + (ht.map { ", HT \($0.french)" } ?? ""))])]
    }

    /// A domaine fonctionnel or an activité whose programme differs from the centre financier's; a domaine
    /// fonctionnel whose action its programme does not have (finance bill of `StatePrograms.source`); a compte
    /// général of personnel (64) or intervention (65) charges for what its documents show to be a purchase from a
    /// supplier.
    public static func imputationProgramme(_ input: AnomalyInput) -> [Anomaly] {
        var mixed: [AnomalyEvidence] = [], unknownActions: [AnomalyEvidence] = [], natures: [AnomalyEvidence] = []
        let purchase = input.rankedDocuments.first { [.devis, .bonDeCommande, .acteEngagement, .facture].contains($0.type) }
        for line in input.lines {
            let reference = "\(input.ej) poste \(line.poste)"
            if let purchase, let account = line.imputation.compteGeneral, let nature = chargeNature(account) {
                natures.append(AnomalyEvidence(kind: .line, reference: reference,
                                               detail: "compte général \(account) (\(nature)) pour un achat : \(purchase.type.label.lowercased()) \(purchase.fileName)"))
            }
            // The centre financier's programme, or the Programme column where an export has no centre financier.
            guard let programme = programmeCode(line.imputation.centreFinancier ?? line.imputation.programme ?? "") else { continue }
            let cf = line.imputation.centreFinancier.map { "centre financier \($0) (programme \(programme))" } ?? "programme \(programme)"
            if let df = line.imputation.domaineFonctionnel, let other = programmeCode(df) {
                if other != programme {
                    mixed.append(AnomalyEvidence(kind: .line, reference: reference, detail: "\(cf), domaine fonctionnel \(df) (programme \(other))"))
                } else if let known = StatePrograms.program(df), let action = StatePrograms.action(ofDomaineFonctionnel: df),
                          !known.actions.contains(action) {
                    unknownActions.append(AnomalyEvidence(
                        kind: .line, reference: reference,
                        detail: "domaine fonctionnel \(df) : le programme \(known.code) « \(known.label) » n'a pas d'action \(action) au \(StatePrograms.source) "
                            + "(actions \(known.actions.sorted().joined(separator: ", ")))"))
                }
            }
            if let activity = line.imputation.referentielProgrammation, activity.count >= 4,
               let other = programmeCode(String(activity.prefix(4))), other != programme {
                mixed.append(AnomalyEvidence(kind: .line, reference: reference, detail: "\(cf), activité \(activity) (programme \(other))"))
            }
        }
        let printed = printedImputationDiffers(input)
        let evidence = mixed + unknownActions + natures + printed
        guard let first = evidence.first else { return [] }
        let explanation = !mixed.isEmpty ? "L'imputation mélange deux programmes : \(first.detail)."
            : !unknownActions.isEmpty ? "L'imputation cite une action que son programme n'a pas : \(first.detail)."
            : !natures.isEmpty ? "La nature de la dépense ne correspond pas à son objet : \(first.detail)."
            : "Chorus n'impute pas la dépense comme la pièce qui la demande : \(first.detail)."
        return [Anomaly(kind: .imputationProgramme, ejs: [input.ej], amount: input.engaged, explanation: explanation,
                        evidence: evidence)]
    }

    /// The imputation a fiche navette (or a bon de commande, an acte d'engagement) prints, part by part, against the
    /// EJ's Chorus lines: a part the document states that no line carries, where the lines carry that part at all.
    /// Compared without spaces, dashes or case (« 0129-CDBU-0001 » is « 0129CDBU0001 »).
    static func printedImputationDiffers(_ input: AnomalyInput) -> [AnomalyEvidence] {
        let parts: [(key: String, label: String, chorus: (Imputation) -> String?)] = [
            ("centre_financier", "centre financier", \.centreFinancier), ("domaine_fonctionnel", "domaine fonctionnel", \.domaineFonctionnel),
            ("activite", "activité", \.referentielProgrammation), ("centre_couts", "centre de coûts", \.centreCouts),
            ("groupe_marchandises", "groupe de marchandises", \.groupeMarchandises),
        ]
        func key(_ text: String) -> String { String(text.uppercased().filter { $0.isLetter || $0.isNumber }) }
        var evidence: [AnomalyEvidence] = []
        for document in input.documents where [.ficheNavette, .bonDeCommande, .acteEngagement].contains(document.type) {
            for part in parts {
                guard let printed = document.typedFacts.value(at: "imputation.\(part.key)"), printed.confidence >= 0.6 else { continue }
                let inChorus = Set(input.lines.compactMap { part.chorus($0.imputation) }.filter { !$0.isEmpty })
                // A coarser part (« 0129-02 » for « 0129-02-01 ») says the same, and so does a centre de coûts without
                // its société (« DNUM0075 » for « BG00/DNUM0075 »).
                let printedKey = key(printed.value)
                guard !inChorus.isEmpty, !inChorus.contains(where: { chorus in
                    let chorusKey = key(chorus)
                    return chorusKey.hasPrefix(printedKey) || printedKey.hasPrefix(chorusKey) || chorusKey.hasSuffix(printedKey)
                }) else { continue }
                evidence.append(AnomalyEvidence(
                    kind: .document, reference: document.fileName,
                    detail: "\(part.label) \(printed.value) sur \(document.type.label.lowercased()) \(document.fileName), "
                        + "\(inChorus.sorted().joined(separator: ", ")) dans Chorus"))
            }
        }
        return evidence
    }

    /// A RIB whose IBAN is not the one the invoices of the same EJ ask to be paid on, or whose holder shares no
    /// word of its name with the supplier (a payment to someone else: a factor, or a fraud — to be checked before
    /// paying).
    public static func bankDetails(_ input: AnomalyInput) -> [Anomaly] {
        let ribs = input.documents.filter { $0.type == .rib }
        guard !ribs.isEmpty else { return [] }
        var evidence: [AnomalyEvidence] = []
        let invoiceIBANs = Set(input.documents.filter { $0.type == .facture }.compactMap { $0.facts[.iban] }.filter { Identifiers.iban($0).isValid })
        for rib in ribs {
            if let iban = rib.facts[.iban] ?? rib.typedFacts.value(at: "iban")?.value, Identifiers.iban(iban).isValid,
               !invoiceIBANs.isEmpty, !invoiceIBANs.contains(iban) {
                evidence.append(AnomalyEvidence(kind: .document, reference: rib.fileName,
                                                detail: "IBAN \(iban) sur le RIB, \(invoiceIBANs.sorted().joined(separator: ", ")) sur les factures"))
            }
            let names = [input.supplier.name] + input.documents.filter { $0.type != .rib }.map { $0.facts[.supplierName] }
            if let holder = rib.typedFacts.value(at: "titulaire"), holder.confidence >= 0.6,
               case let known = names.compactMap({ $0 }), !known.isEmpty, !known.contains(where: { sharesAWord(holder.value, $0) }) {
                evidence.append(AnomalyEvidence(kind: .document, reference: rib.fileName,
                                                detail: "titulaire du compte « \(holder.value) », fournisseur « \(known[0]) »"))
            }
        }
        guard let first = evidence.first else { return [] }
        return [Anomaly(kind: .coordonneesBancaires, ejs: [input.ej], amount: input.engaged,
                        explanation: "Les coordonnées bancaires jointes ne sont pas celles du fournisseur : \(first.detail). "
                            + "À vérifier avant de payer (cession de créance, affacturage ou fraude au changement de RIB).",
                        evidence: evidence)]
    }

    /// Two names of one company share a word of four letters or more that is not a legal form.
    static func sharesAWord(_ a: String, _ b: String) -> Bool {
        let forms: Set<String> = ["sas", "sarl", "sasu", "eurl", "scop", "societe", "groupe", "france", "conseil", "services", "solutions"]
        func words(_ text: String) -> Set<String> {
            Set(Text.foldedKey(text).split(separator: " ").map(String.init).filter { $0.count >= 4 && !forms.contains($0) })
        }
        let left = words(a), right = words(b)
        return left.isEmpty || right.isEmpty || !left.isDisjoint(with: right)
    }

    /// Charges that a purchase from a supplier should never be imputed to: personnel (64) and intervention (65:
    /// transfers and subsidies) accounts.
    static func chargeNature(_ account: String) -> String? {
        let digits = account.filter(\.isNumber)
        if digits.hasPrefix("64") { return "charges de personnel" }
        if digits.hasPrefix("65") { return "charges d'intervention" }
        return nil
    }

    /// `0129-DNUM-C001` → `0129`; `129` → `0129`; `0216-10-04` → `0216`.
    static func programmeCode(_ text: String) -> String? {
        let digits = text.prefix { $0.isNumber }
        guard (3...4).contains(digits.count) else { return nil }
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    // MARK: Payments

    /// Paid more than 30 days after the date the délai global de paiement starts (the DP's date de base, else the
    /// service fait), with the interest and indemnity the delay costs.
    public static func paiementTardif(_ input: AnomalyInput, asOf today: LocalDate) -> [Anomaly] {
        var found: [Anomaly] = []
        let firstSF = input.servicesFaits.compactMap(\.dateComptable).min()
        for payment in input.payments where payment.amount.cents > 0 {
            guard let start = payment.dateBase ?? firstSF, let paid = payment.dateDerniereOperation else { continue }
            let assessment = LatePayment.assess(amount: payment.amount, start: start, paid: paid, asOf: today,
                                                ecbRateBasisPoints: ECBRates.rate(on: start).basisPoints)
            guard assessment.isLate else { continue }
            let cost = assessment.interest + assessment.indemnity
            found.append(Anomaly(
                kind: .paiementTardif, ejs: [input.ej], amount: cost,
                explanation: "DP \(payment.dp) payée le \(FrenchFormat.date(paid)), \(assessment.daysLate) jours après l'échéance du "
                    + "\(FrenchFormat.date(assessment.dueDate)) (délai global de paiement de 30 jours) : intérêts moratoires "
                    + "\(assessment.interest.french) et indemnité forfaitaire \(assessment.indemnity.french).",
                evidence: [AnomalyEvidence(kind: .payment, reference: payment.dp,
                                           detail: "\(payment.amount.french) payés le \(FrenchFormat.date(paid)), délai à compter du \(FrenchFormat.date(start))")]))
        }
        return found
    }

    /// The same supplier invoice paid twice: two DPs of one supplier with the same amount and the same date de base
    /// (the invoice's), or two invoices with the same number and supplier attached to different EJs.
    public static func doublon(_ inputs: [AnomalyInput]) -> [Anomaly] {
        var byInvoice: [String: [(String, PaymentFacts)]] = [:]
        for input in inputs {
            for payment in input.payments where payment.amount.cents > 0 {
                guard let base = payment.dateBase,
                      let supplier = payment.supplier.siret?.normalized ?? payment.supplier.tiers ?? input.supplier.siret?.normalized else { continue }
                byInvoice["\(supplier)|\(payment.amount.cents)|\(base.iso)", default: []].append((input.ej, payment))
            }
        }
        var found: [Anomaly] = []
        for (_, payments) in byInvoice where Set(payments.map(\.1.dp)).count >= 2 {
            let distinct = Dictionary(payments.map { ($0.1.dp, $0) }, uniquingKeysWith: { first, _ in first }).values
                .sorted { $0.1.dp < $1.1.dp }
            let amount = distinct[0].1.amount
            found.append(Anomaly(
                kind: .doublon, ejs: Array(Set(distinct.map(\.0))), amount: amount,
                explanation: "\(distinct.count) demandes de paiement du même montant (\(amount.french)), au même fournisseur, avec la même "
                    + "date de base (\(FrenchFormat.date(distinct[0].1.dateBase!))) : la même facture semble payée \(distinct.count) fois.",
                evidence: distinct.map { AnomalyEvidence(kind: .payment, reference: $0.1.dp, detail: "EJ \($0.0), \($0.1.amount.french)") }))
        }
        var byNumber: [String: [(String, AnomalyInput.Document)]] = [:]
        for input in inputs {
            for document in input.documents where document.type == .facture {
                guard let number = document.facts[.numberDocument], let siret = document.facts[.supplierSiret] else { continue }
                byNumber["\(siret)|\(number)", default: []].append((input.ej, document))
            }
        }
        for (_, invoices) in byNumber where Set(invoices.map(\.0)).count >= 2 {
            let amount = invoices[0].1.money(.amountTTC) ?? .zero
            found.append(Anomaly(
                kind: .doublon, ejs: Array(Set(invoices.map(\.0))), amount: amount,
                explanation: "La facture n° \(invoices[0].1.facts[.numberDocument]!) du même fournisseur est jointe à \(Set(invoices.map(\.0)).count) EJ.",
                evidence: invoices.map { AnomalyEvidence(kind: .document, reference: $0.1.fileName, detail: "EJ \($0.0)") }))
        }
        return found
    }

    // MARK: Amounts

    /// An amount far from its peers (same groupe de marchandises and year): the robust score of its logarithm,
    /// |log x − median| / (1,4826 × MAD), suspect beyond 4, aberrant beyond 6. Groups of fewer than 8 are not judged.
    public static func montantAtypique(_ inputs: [AnomalyInput], minimumPeers: Int = 8) -> [Anomaly] {
        // Peer groups from the finest (what is bought, by whom, when) to the coarsest (what, when): each EJ is judged
        // within the finest group that has enough peers.
        struct Peers { let label: String; var members: [AnomalyInput] = [] }
        var fine: [String: Peers] = [:], coarse: [String: Peers] = [:]
        for input in inputs where input.engaged.cents > 0 {
            guard let need = input.need, let year = input.created?.year else { continue }
            coarse["\(need.key)|\(year)", default: Peers(label: "\(need.label) et de la même année")].members.append(input)
            if let buyer = input.buyer {
                fine["\(need.key)|\(buyer)|\(year)", default: Peers(label: "\(need.label), du même ministère (\(buyer)) et de la même année")]
                    .members.append(input)
            }
        }
        var judged = Set<String>()
        var found: [Anomaly] = []
        for (key, peers) in fine.sorted(by: { $0.key < $1.key }) + coarse.sorted(by: { $0.key < $1.key })
        where peers.members.count >= minimumPeers {
            let members = peers.members.filter { !judged.contains($0.ej) }
            judged.formUnion(members.map(\.ej))
            let logs = peers.members.map { RobustScore.log(Double($0.engaged.cents)) }
            let median = RobustScore.median(logs)
            let mad = RobustScore.median(logs.map { abs($0 - median) })
            guard mad > 0 else { continue }
            for input in members {
                let score = abs(RobustScore.log(Double(input.engaged.cents)) - median) / (1.4826 * mad)
                guard score > 4 else { continue }
                let typical = Money(cents: Int64(RobustScore.exp(median).rounded()))
                found.append(Anomaly(
                    kind: .montantAtypique, ejs: [input.ej], amount: input.engaged,
                    explanation: "Montant \(score > 6 ? "aberrant" : "suspect") : \(input.engaged.french) quand les \(peers.members.count) EJ "
                        + "\(peers.label) tournent autour de \(typical.french) (écart robuste \(RobustScore.french(score))).",
                    evidence: [AnomalyEvidence(kind: .rule, reference: key, detail: "médiane \(typical.french), \(peers.members.count) EJ comparables")]))
            }
        }
        return found
    }
}
