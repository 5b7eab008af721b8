import EclaireCore
import Foundation

/// Writes the demo ledger as Chorus would export it: Business Objects INF-BUD-53 AE and CP restitutions and the
/// long "Type montant" form, so that the demo goes through the same import as real files.
public enum DemoFiles {
    public static func write(_ ledger: DemoLedger, to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = [
            ("demo_inf_bud_53_ae.csv", aeRestitution(ledger)),
            ("demo_inf_bud_53_cp.csv", cpRestitution(ledger)),
            ("demo_inf_bud_53_type_montant.csv", typeMontant(ledger)),
        ]
        return try files.map { name, text in
            let path = (directory as NSString).appendingPathComponent(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    public static let aeHeader = "Programme,Domaine fonctionnel,Centre de coûts,Référentiel de programmation,N° EJ,Date de réplication,N° poste EJ,Date de dernière modif. de l'EJ,Fournisseur titulaire principal (EJ),Fournisseur titulaire principal (EJ),Code taxe 1,Compte général,Compte budgétaire,Groupe de marchandises,Contrat de projet Etat-Region,Contrat de projet Etat-Region,Localisation interministérielle,EUR"

    public static func preamble(exercice: Int, amountLabel: String, width: Int) -> String {
        let commas = String(repeating: ",", count: width - 2)
        return """
            INF-BUD-53 : Pilotage de la gestion - Vue détaillée\(commas),
            Dernière MàJ des données :\(commas),
            02.01.\(exercice + 1) 05:32:09\(commas),
            Affichage :\(commas),
            "Pour ajuster la zone filtre, faites glisser les caractéristiques de l'espace de navigation vers cette zone."\(commas),
            \(commas)Exercice comptable,\(exercice)
            \(commas),\(amountLabel)

            """
    }

    static func bo(_ date: LocalDate) -> String {
        "\(FrenchFormat.pad(date.day)).\(FrenchFormat.pad(date.month)).\(date.year)"
    }

    /// `"22500,12"`, as Business Objects quotes amounts with a decimal comma.
    static func boAmount(_ money: Money) -> String {
        "\"" + money.plain.replacingOccurrences(of: ".", with: ",") + "\""
    }

    public static func aeLine(_ order: DemoLedger.Order, poste: Int, amount: Money) -> String {
        let p = order.programme
        // Actions the programme has in the finance bill, as real exports show them.
        let programme = order.domaineProgramme ?? p.code
        let actions = StatePrograms.program(programme)?.actions.sorted() ?? ["01", "02", "03"]
        let action = "\(programme)-\(actions[poste % min(3, actions.count)])"
        return [
            String(p.code.dropFirst()), action, "BG00/\(p.bop)0075", "BG00/\(p.code)0101\(poste)", order.ej,
            bo(order.created), String(poste), bo(order.created), order.supplier.tiers, order.supplier.name,
            order.supplier.siret, "PCE/6113110000", "Dépenses de fonction", order.group.code, "#", "Non affecté",
            "N1175", boAmount(amount),
        ].joined(separator: ",")
    }

    static func aeRestitution(_ ledger: DemoLedger) -> String {
        var text = preamble(exercice: ledger.exercice, amountLabel: "Montant engagé", width: 18) + aeHeader + "\n"
        for order in ledger.orders {
            for (index, amount) in order.postes.enumerated() {
                text += aeLine(order, poste: index + 1, amount: amount) + "\n"
            }
        }
        return text
    }

    static func cpRestitution(_ ledger: DemoLedger) -> String {
        let header = "Programme,Domaine fonctionnel,Centre de coûts,Référentiel de programmation,N° EJ,N° poste EJ,N° DP,Date de base de la DP,Date de dernière opération sur la DP,N° SF,Date comptable du SF,Fournisseur payé (DP),Fournisseur payé (DP),Code taxe 1,Compte général,Compte budgétaire,Groupe de marchandises,Contrat de projet Etat-Region,Contrat de projet Etat-Region,Localisation interministérielle,EUR"
        var text = preamble(exercice: ledger.exercice, amountLabel: "Montant payé", width: 21) + header + "\n"
        for order in ledger.orders {
            guard let payment = order.payment, let paidDate = payment.paid, let sf = order.serviceFait else { continue }
            let p = order.programme
            for index in order.postes.indices {
                text += [
                    String(p.code.dropFirst()), "\(order.domaineProgramme ?? p.code)-0\(1 + (index + 1) % 3)", "BG00/\(p.bop)0075",
                    "BG00/\(p.code)0101\(index + 1)", order.ej, String(index + 1), payment.dp, bo(payment.base),
                    bo(paidDate), sf.number, bo(sf.date), order.supplier.tiers, order.supplier.name,
                    order.supplier.siret, "PCE/6113110000", "Dépenses de fonction", order.group.code, "#",
                    "Non affecté", "N1175", boAmount(order.paid(poste: index)),
                ].joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// The Ministry of Agriculture's long form: header on line 5, `;`, a "Type montant" column, a subtotal row.
    static func typeMontant(_ ledger: DemoLedger) -> String {
        var text = "INF-BUD-53 : Pilotage de la gestion - Vue détaillée\nExercice comptable;\(ledger.exercice)\n\n\n"
        text += "N° EJ;N° poste EJ;N° SF;N° DP;N° poste DP;Date de base de la DP;Fournisseur titulaire principal (EJ);Type montant;\(ledger.exercice)\n"
        for order in ledger.orders {
            guard let sf = order.serviceFait else { continue }
            let received = order.total
            let dp = order.payment
            let base = dp.map { bo($0.base) } ?? "#"
            text += "\(order.ej);1;\(sf.number);#;#;#;\(order.supplier.name);Montant réceptionné;\(french(received))\n"
            if let dp {
                text += "\(order.ej);1;\(sf.number);\(dp.dp);2;\(base);\(order.supplier.name);Montant facturé;\(french(received))\n"
            }
            text += "\(order.ej) Résultat;;;;;;;;\(french(received))\n"
        }
        return text
    }

    /// `12 345,67` with a space between thousands, as the long form prints.
    static func french(_ money: Money) -> String {
        FrenchFormat.amount(money).replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: "\u{00A0}€", with: "")
    }
}
