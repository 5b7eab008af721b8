import EclaireCore
import Foundation

/// The demo's attachments, written as PDFs from the ledger's orders: a devis from the supplier, the bon de commande
/// the State issued (its number is the EJ), for some the service's fiche navette, and an invoice once the service is
/// done, for some with the supplier's RIB. Label wording, date forms
/// and block positions vary from one supplier to the next, as real documents do.
public enum DemoDocuments {
    public struct Attachment: Sendable {
        public let ej: String
        public let type: DocumentType
        public let fileName: String
        public let data: Data
    }

    struct Purchase {
        let object: String
        let cpv: String
        let lines: [String]
    }

    static let services = ["Mon Espace Agriculteur", "Démarches Transformation", "Portail Emploi Inclusion",
                           "tableau de bord budgétaire", "service de prise de rendez-vous", "catalogue de données"]

    static func purchase(group: String, index: Int) -> Purchase {
        let service = services[index % services.count]
        switch group {
        case "36.02.03": return Purchase(object: "Assistance à maîtrise d'ouvrage pour le projet \(service)", cpv: "72224000-1",
                                         lines: ["Cadrage et expression de besoin", "Pilotage de projet et recette fonctionnelle"])
        case "36.03.01": return Purchase(object: "Maintenance applicative du \(service)", cpv: "72267000-4",
                                         lines: ["Maintenance corrective", "Maintenance évolutive"])
        case "12.02.01": return Purchase(object: "Mission de conseil en organisation pour le \(service)", cpv: "79411000-8",
                                         lines: ["Diagnostic de l'organisation", "Accompagnement au changement"])
        case "07.02.05": return Purchase(object: "Formation des agents à l'utilisation du \(service)", cpv: "80533100-0",
                                         lines: ["Sessions de formation", "Supports de formation"])
        case "09.02.01": return Purchase(object: "Organisation d'un séminaire de lancement du \(service)", cpv: "79952000-2",
                                         lines: ["Location de salle et accueil", "Captation vidéo"])
        default: return Purchase(object: "Développement de l'application \(service)", cpv: "72212000-4",
                                 lines: ["Développement des fonctionnalités", "Mise en production et hébergement"])
        }
    }

    static let streets = ["12 rue de la République", "4 avenue Jean Jaurès", "27 boulevard Voltaire", "8 place Bellecour",
                          "15 quai des Chartrons", "3 allée des Tilleuls"]
    static let cities = ["69002 Lyon", "75011 Paris", "33000 Bordeaux", "31000 Toulouse", "44000 Nantes", "59000 Lille"]

    /// Documents for every other order of the ledger, up to `limit` orders.
    public static func attachments(for ledger: DemoLedger, limit: Int = 12) -> [Attachment] {
        var result: [Attachment] = []
        for (index, order) in ledger.orders.enumerated() where index % 2 == 0 && result.count < limit * 3 {
            let supplierIndex = index
            let address = (streets[supplierIndex % streets.count], cities[supplierIndex % cities.count])
            let purchase = purchase(group: order.group.code, index: index)
            let ttc = order.total
            let ht = Money(cents: (ttc.cents * 10 + 6) / 12)
            let amounts = (ht: ht, tva: ttc - ht, ttc: ttc)
            // A few orders carry what analysts look for: an order engaged at its HT, an invoice from another
            // establishment than Chorus's supplier; most orders cite their marché.
            let engagedAtHT = index % 10 == 6
            let orderAmounts = engagedAtHT ? (ht: ttc, tva: Money(cents: ttc.cents / 5), ttc: ttc + Money(cents: ttc.cents / 5)) : amounts
            let context = Context(order: order, index: index, address: address, purchase: purchase, amounts: amounts,
                                  orderAmounts: orderAmounts, citesMarche: index % 3 != 0,
                                  invoiceSiret: index % 10 == 4 ? otherEstablishment(of: order.supplier.siret) : order.supplier.siret)
            result.append(Attachment(ej: order.ej, type: .devis, fileName: "devis-\(order.ej).pdf", data: devis(context)))
            result.append(Attachment(ej: order.ej, type: .bonDeCommande, fileName: "bon-de-commande-\(order.ej).pdf",
                                     data: bonDeCommande(context)))
            if index % 4 == 2 {
                result.append(Attachment(ej: order.ej, type: .ficheNavette, fileName: "fiche-navette-\(order.ej).pdf",
                                         data: ficheNavette(context)))
            }
            if order.stage != .engage {
                result.append(Attachment(ej: order.ej, type: .facture, fileName: "facture-\(order.ej).pdf", data: facture(context)))
                // Some suppliers send their RIB with the invoice; the first one sent another account than the
                // invoice's (a change of bank details to check before paying).
                if index % 8 == 0 {
                    let first = !result.contains { $0.type == .rib }
                    result.append(Attachment(ej: order.ej, type: .rib, fileName: "rib-\(order.ej).pdf",
                                             data: rib(context, iban: iban(first ? index + 500 : index))))
                }
            }
        }
        return result
    }

    struct Context {
        let order: DemoLedger.Order
        let index: Int
        let address: (String, String)
        let purchase: Purchase
        let amounts: (ht: Money, tva: Money, ttc: Money)
        /// What the bon de commande says (the same as the devis, except in the « engaged at HT » case).
        let orderAmounts: (ht: Money, tva: Money, ttc: Money)
        let citesMarche: Bool
        let invoiceSiret: String

        var siren: String { String(order.supplier.siret.prefix(9)) }
        var vat: String {
            let key = (12 + 3 * (Int(siren)! % 97)) % 97
            return "FR\(key < 10 ? "0" : "")\(key)\(siren)"
        }
        var legalName: String {
            let name = order.supplier.name
            return ["SAS", "SARL", "SA", "SCOP"].contains { name.hasSuffix(" " + $0) } ? name : name + " SAS"
        }
        var longDates: Bool { index % 4 == 0 }
        func date(_ date: LocalDate) -> String {
            longDates ? "\(date.day == 1 ? "1er" : String(date.day)) \(FrenchFormat.monthName(date.month)) \(date.year)" : FrenchFormat.date(date)
        }
        var buyer: [String] {
            [order.programme.ministry, "Direction du numérique (\(order.programme.bop))", "Bureau des achats"]
        }
        func amount(_ money: Money) -> String { FrenchFormat.amount(money) }
    }

    static func supplierHeader(_ pdf: inout SimplePDF, _ c: Context, x: Double = 56, siret: String? = nil) {
        pdf.text(c.legalName, x: x, size: 14, bold: true)
        pdf.text(c.address.0, x: x)
        pdf.text(c.address.1, x: x)
        pdf.text("SIRET : \(grouped(siret ?? c.order.supplier.siret))", x: x)
        pdf.text("N° TVA intracommunautaire : \(c.vat)", x: x)
    }

    static func totals(_ pdf: inout SimplePDF, _ c: Context, style: Int, amounts: (ht: Money, tva: Money, ttc: Money)? = nil) {
        let shown = amounts ?? c.amounts
        pdf.skip(10)
        let labels = style % 2 == 0 ? ("Total HT", "TVA 20 %", "Total TTC") : ("Montant hors taxes", "Montant TVA (20 %)", "Montant TTC")
        for (label, value) in [(labels.0, shown.ht), (labels.1, shown.tva), (labels.2, shown.ttc)] {
            let y = pdf.cursor
            pdf.text(label, x: 330, bold: label == labels.2, at: y)
            pdf.text(c.amount(value), x: 470, bold: label == labels.2, at: y)
            pdf.skip(14.5)
        }
    }

    static func items(_ pdf: inout SimplePDF, _ c: Context) {
        pdf.skip(10)
        let y = pdf.cursor
        pdf.text("Désignation", x: 56, bold: true, at: y)
        pdf.text("Qté", x: 300, bold: true, at: y)
        pdf.text("PU HT", x: 370, bold: true, at: y)
        pdf.text("Total HT", x: 470, bold: true, at: y)
        pdf.skip(14.5)
        let first = Money(cents: c.amounts.ht.cents * 6 / 10)
        for (line, value) in zip(c.purchase.lines, [first, c.amounts.ht - first]) {
            // Days of work when the amount divides into them, else one forfait.
            let days: Int = [20, 16, 15, 12, 10, 8, 6, 5, 4, 3, 2].first(where: { value.cents % Int64($0) == 0 }) ?? 1
            let row = pdf.cursor
            pdf.text(line, x: 56, at: row)
            pdf.text(days == 1 ? "1 forfait" : "\(days) jours", x: 300, at: row)
            pdf.text(c.amount(Money(cents: value.cents / Int64(days))), x: 370, at: row)
            pdf.text(c.amount(value), x: 470, at: row)
            pdf.skip(14.5)
        }
    }

    static func devis(_ c: Context) -> Data {
        var pdf = SimplePDF()
        supplierHeader(&pdf, c)
        pdf.skip(16)
        pdf.text("DEVIS N° D-\(c.order.created.year)-\(100 + c.index)", size: 16, bold: true)
        pdf.text("Date : \(c.date(c.order.created.adding(days: -15)))")
        pdf.skip()
        pdf.text("Client :", bold: true)
        for line in c.buyer.prefix(2) { pdf.text(line) }
        pdf.skip()
        pdf.text("Objet : \(c.purchase.object)")
        items(&pdf, c)
        totals(&pdf, c, style: c.index)
        pdf.skip(16)
        pdf.text("Validité de l'offre : 3 mois. Bon pour accord, date et signature du client.")
        return pdf.data()
    }

    static func bonDeCommande(_ c: Context) -> Data {
        var pdf = SimplePDF()
        for line in c.buyer { pdf.text(line, bold: line == c.buyer[0]) }
        pdf.text("Service exécutant : \(c.order.programme.bop)0\(c.order.programme.code)")
        pdf.skip(16)
        pdf.text("BON DE COMMANDE N° \(c.order.ej)", size: 16, bold: true)
        pdf.text("Engagement juridique n° \(c.order.ej)")
        pdf.text("Fait à Paris, le \(c.date(c.order.created))")
        pdf.skip()
        pdf.text("Titulaire : \(c.legalName)")
        pdf.text("SIRET : \(grouped(c.order.supplier.siret))")
        pdf.text(c.address.0 + ", " + c.address.1)
        pdf.skip()
        pdf.text("Objet : \(c.purchase.object)")
        pdf.text("Code CPV : \(c.purchase.cpv)")
        if c.citesMarche { pdf.text("Commande passée au titre du marché n° \(c.order.created.year)-\(c.order.programme.bop)-\(100 + c.index % 7)") }
        pdf.text("Imputation : programme \(c.order.programme.code), groupe de marchandises \(c.order.group.code)")
        totals(&pdf, c, style: c.index + 1, amounts: c.orderAmounts)
        return pdf.data()
    }

    /// The service's request for the order, with the imputation it asks for; one in three asks for another groupe de
    /// marchandises than the one Chorus was given (what the imputation check finds).
    static func ficheNavette(_ c: Context) -> Data {
        var pdf = SimplePDF()
        for line in c.buyer { pdf.text(line, bold: line == c.buyer[0]) }
        pdf.skip(16)
        pdf.text("FICHE NAVETTE - DEMANDE D'ENGAGEMENT", size: 16, bold: true)
        pdf.skip()
        let group = c.index % 12 == 2 ? (c.order.group.code == "36.02.03" ? "36.03.01" : "36.02.03") : c.order.group.code
        let programme = c.order.domaineProgramme ?? c.order.programme.code
        let actions = StatePrograms.program(programme)?.actions.sorted() ?? ["01", "02", "03"]
        let rows = [("Service demandeur", "Direction du numérique (\(c.order.programme.bop))"), ("Objet de la dépense", c.purchase.object),
                    ("Fournisseur", c.legalName), ("SIRET du fournisseur", grouped(c.order.supplier.siret)),
                    ("Montant TTC", c.amount(c.amounts.ttc)), ("Domaine fonctionnel", "\(programme)-\(actions[1 % min(3, actions.count)])"),
                    ("Centre de coûts", "\(c.order.programme.bop)0075"), ("Groupe de marchandises", group),
                    ("Localisation interministérielle", "N1175"), ("N° EJ", c.order.ej)]
        for (label, value) in rows {
            let y = pdf.cursor
            pdf.text(label, x: 56, bold: true, at: y)
            pdf.text(value, x: 260, at: y)
            pdf.skip(14.5)
        }
        pdf.skip(16)
        pdf.text("Visa du responsable de programme :")
        return pdf.data()
    }

    static func rib(_ c: Context, iban: String) -> Data {
        var pdf = SimplePDF()
        pdf.text("RELEVÉ D'IDENTITÉ BANCAIRE", size: 16, bold: true)
        pdf.skip()
        for (label, value) in [("Titulaire du compte", c.legalName), ("Domiciliation", "BNP PARIBAS \(c.address.1.uppercased())"),
                               ("IBAN", grouped4(iban)), ("BIC", "BNPAFRPPXXX")] {
            let y = pdf.cursor
            pdf.text(label, x: 56, bold: true, at: y)
            pdf.text(value, x: 220, at: y)
            pdf.skip(14.5)
        }
        return pdf.data()
    }

    static func facture(_ c: Context) -> Data {
        var pdf = SimplePDF()
        supplierHeader(&pdf, c, x: 56, siret: c.invoiceSiret)
        pdf.skip(16)
        let date = c.order.serviceFait?.date ?? c.order.created.adding(days: 30)
        pdf.text("FACTURE N° F\(c.order.created.year)-\(1000 + c.index)", size: 16, bold: true)
        pdf.text("Date de facture : \(c.date(date.adding(days: 2)))")
        pdf.text("N° de bon de commande : \(c.order.ej)")
        pdf.skip()
        pdf.text("Facturé à :", bold: true)
        for line in c.buyer.prefix(2) { pdf.text(line) }
        items(&pdf, c)
        totals(&pdf, c, style: c.index)
        pdf.skip(16)
        pdf.text("Conditions de paiement : 30 jours à réception, par virement.")
        pdf.text("IBAN : \(grouped4(iban(c.index)))")
        return pdf.data()
    }

    /// Another establishment of the same company: the next NIC whose SIRET passes Luhn.
    static func otherEstablishment(of siret: String) -> String {
        let siren = String(siret.prefix(9))
        let nic = Int(siret.suffix(5)) ?? 0
        for candidate in (nic + 1)...(nic + 40) {
            let value = siren + String(format: "%05d", candidate % 100_000)
            if Identifiers.siret(value).isValid { return value }
        }
        return siret
    }

    static func grouped(_ siret: String) -> String {
        let digits = Array(siret)
        guard digits.count == 14 else { return siret }
        return "\(String(digits[0..<3])) \(String(digits[3..<6])) \(String(digits[6..<9])) \(String(digits[9..<14]))"
    }

    static func grouped4(_ text: String) -> String {
        stride(from: 0, to: text.count, by: 4).map { start in
            String(text.dropFirst(start).prefix(4))
        }.joined(separator: " ")
    }

    /// A French IBAN with correct check digits (ISO 13616 mod 97).
    static func iban(_ seed: Int) -> String {
        let bban = "30004" + String(format: "%05d", 1000 + seed) + String(format: "%011d", 12_345_678 + seed * 97) + "06"
        var remainder = 0
        for character in bban + "152700" {  // "FR00" → F=15, R=27, 00
            remainder = (remainder * 10 + Int(String(character))!) % 97
        }
        let key = 98 - remainder
        return "FR\(key < 10 ? "0" : "")\(key)\(bban)"
    }
}
