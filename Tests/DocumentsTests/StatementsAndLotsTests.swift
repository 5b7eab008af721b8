import Testing
import EclaireCore
import TestSupport
@testable import Documents

/// Designs of set n of the stranger corpus (issue 15, session 24), measured blind before these rules were written:
/// a letterhead whose address line carries the identifiers, a rental quote dated in its header above its delivery
/// and collection dates, a CCTP of one lot whose object is the sentence of its first article, totals in whole euros
/// set in cards, a navette comparing quotes.
@Suite struct StatementsAndLotsTests {
    static func facts(_ lines: [String]) -> DocumentFacts { DocumentReader.facts(fromLines: lines) }

    @Test func aLetterheadsNameStandsAboveTheAddressLineThatCarriesItsIdentifiers() {
        let facts = Self.facts([
            "Fournitures de Bureau Lambert",
            "75 quai de la Fosse · 31000 Toulouse · SIRET 53341721874109 · TVA FR83533417218",
            "Devis n° D20250751\tDirection régionale des affaires culturelles de Bretagne",
            "Émis le 07.03.2025\t160 impasse des Artisans",
            "\t86000 Poitiers",
            "Objet : Entretien des espaces verts de Brest Kerichen",
            "Désignation\tQté\tP.U. HT\tTotal HT",
            "Tonte (passage)\t1\t290 €\t290 €",
            "Total HT\t290 €", "TVA 20 %\t58 €", "Total TTC\t348 €",
        ])
        #expect(facts[.supplierName] == "Fournitures de Bureau Lambert")
        #expect(facts[.supplierSiret] == "53341721874109")
    }

    /// At a page's foot the same kind of line stands under a signature, which names no company.
    @Test func aSignatureAboveAFootersAddressLineIsNoName() {
        let facts = Self.facts([
            "Nuage Cévenol", "69003 Lyon", "Proposition financière", "Référence : PF-2026-940", "Date : 21/08/2026",
            "Objet de la proposition : Analyses de la qualité de l'eau du réseau de Brest Porte Océane",
            "Désignation\tPrix unitaire HT\tNombre\tTotal HT",
            "Analyse microbiologique\t50,51\t250\t12 627,50",
            "Montant total HT\t12 627,50", "TVA (20 %)\t2 525,50", "Montant total TTC\t15 153,00",
            "Validité de la proposition : 90 jours.", "Pour Nuage Cévenol,", "Hélène Garnier, associé(e)",
            "115 rue Jean Jaurès – 69003 Lyon – SIRET 49461064572081 – N° TVA intracommunautaire FR55494610645",
        ])
        #expect(facts[.supplierName] == "Nuage Cévenol")
    }

    /// OCR reads a region's letter between a service's acronym and a number as a zero (« 2024-SGAMI-0-337 », set n's
    /// scans and photos): a number's group is not a bare zero.
    @Test func aLoneZeroBetweenCapitalsAndANumberIsTheLetterO() {
        #expect(ReferenceFinder.lettersForZeros("2024-SGAMI-0-337") == "2024-SGAMI-O-337")
        #expect(ReferenceFinder.lettersForZeros("2024-A00-356") == "2024-AOO-356")
        #expect(ReferenceFinder.lettersForZeros("2023MP00460") == "2023MP00460")
        #expect(ReferenceFinder.lettersForZeros("DIRM-2024-868") == "DIRM-2024-868")
        #expect(ReferenceFinder.lettersForZeros("LOT-10-2") == "LOT-10-2")
        #expect(ReferenceFinder.lettersForZeros("2024-0-337") == "2024-0-337")
    }

    @Test func aDeliveryAndACollectionDateDoNotDateTheQuote() {
        let facts = Self.facts([
            "TRANSPORTS EXPRESS VIDAL SA\tDEVIS DE LOCATION", "46 rue Victor Hugo, 86000 Poitiers",
            "SIRET 87596378786654 – TVA FR62875963787\tN° D2026-03209", "\t26 décembre 2026",
            "Client : Agence régionale de santé Occitanie – 157 impasse des Artisans, 56100 Lorient",
            "Objet : Formation en anglais des agents du projet Santé Prévention",
            "Livraison le 8 janvier 2027 – reprise le 10 janvier 2027 (2 jours de location)",
            "Total HT\t1 000,00 €", "TVA 20 %\t200,00 €", "Total TTC\t1 200,00 €",
        ])
        #expect(facts[.dateIssued] == "2026-12-26")
    }

    /// The article « le » alone yields to any other label, even one of the same length (« Livraison le 12 … »).
    @Test func anArticleYieldsToTheLabelBeforeIt() {
        let facts = Self.facts([
            "Devis de location n° LOC-2025-8517", "02/02/2025", "Livraison le 12/02/2025",
            "Total HT\t1 000,00 €", "TVA 20 %\t200,00 €", "Total TTC\t1 200,00 €",
        ])
        #expect(facts[.dateIssued] == "2025-02-02")
    }

    /// Cards of totals, each label above its amount, in whole euros (« 129 € »; « 1419 € » whose space OCR lost).
    @Test func wholeEurosWithTheirCurrencyAreAmounts() {
        let facts = Self.facts([
            "Fournitures de Bureau Lambert", "75 quai de la Fosse · 31000 Toulouse · SIRET 53341721874109",
            "Devis n° D20250751", "Émis le 07.03.2025", "Objet : Entretien des espaces verts de Brest Kerichen",
            "Désignation\tQté\tP.U. HT\tTotal HT",
            "Tonte (passage)\t1\t290 €\t290 €", "Taille des haies (ml)\t250\t4 €\t1 000 €",
            "Total HT", "1 290 €", "TVA 10 %", "129 €", "Total TTC", "1419 €",
        ])
        #expect(facts[.amountHT] == "1290.00")
        #expect(facts[.amountTVA] == "129.00")
        #expect(facts[.amountTTC] == "1419.00")
    }

    /// A year or a count before « € » is no amount without three digits at least, nor a capital.
    @Test func aCapitalInWholeEurosIsNoTotal() {
        let facts = Self.facts([
            "Imprimerie Nouvelle Perrin SARL au capital de 8000 €", "12 rue du Port 29200 Brest",
            "Facture n° F-2025-118", "Date : 05/03/2025",
            "Total HT\t1 000,00 €", "TVA 20 %\t200,00 €", "Total TTC\t1 200,00 €",
        ])
        #expect(facts[.amountHT] == "1000.00")
        #expect(facts[.amountTTC] == "1200.00")
    }

    /// OCR read the comparison table's headings as one cell beside « Fournisseur consulté »: the supplier is the one
    /// retained, named below.
    @Test func aRowOfAmountHeadingsIsNoSupplier() {
        let facts = Self.facts([
            "Ministère de l'Économie et des Finances", "Direction régionale des finances publiques de Bretagne",
            "FICHE NAVETTE - DEMANDE D'ACHAT", "Date de la demande : 15.08.2024",
            "Objet de l'achat : Transport de mobilier entre les sites de Caen Presqu'île", "Mise en concurrence",
            "Fournisseur consulté\tMontant HT Montant TTC Chox",
            "Réceptions Bretonnes\t84 536,04\t101 443,25", "Audit et Conseil Dumas SNC\t61 258,00\t73 509,60\tretenu",
            "Fournisseur retenu : Audit et Conseil Dumas SNC - SIRET 530 639 509 99239",
            "Montant engagé : 61 258,00 HT, soit 73 509,60 TTC", "N° EJ : 1400362241",
        ])
        #expect(facts[.supplierName] == "Audit et Conseil Dumas SNC")
        #expect(facts[.amountHT] == "61258.00")
        #expect(facts[.amountTTC] == "73509.60")
    }

    @Test func aLotsCCTPStatesItsObjectInItsFirstArticle() {
        let facts = Self.facts([
            "Ministère de la Culture", "Direction régionale des affaires culturelles de Bretagne",
            "CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES", "Marché n° 2025-408", "Lot n° 03 – Menuiseries intérieures",
            "Préambule", "Le site comprend plusieurs bâtiments construits entre 1970 et 1995.",
            "Article 1 – Généralités",
            "Les prestations objet du présent CCTP concernent : Fourniture de papeterie et consommables pour Rouen Saint-Sever.",
            "Article 2 – Prescriptions générales",
        ])
        #expect(facts[.object] == "Fourniture de papeterie et consommables pour Rouen Saint-Sever")
        #expect(facts[.numberMarche] == "2025-408")
    }

    /// Without such a sentence the lot's title is still the object.
    @Test func aLotsTitleIsTheObjectWhenNoSentenceStatesOne() {
        let facts = Self.facts([
            "Ministère de la Culture", "CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES", "Marché n° 2025-408",
            "Lot n° 03 – Menuiseries intérieures du bâtiment B", "Article 1 – Prescriptions générales",
            "Le titulaire exécute ses ouvrages selon les documents techniques unifiés en vigueur.",
        ])
        #expect(facts[.object] == "Menuiseries intérieures du bâtiment B")
    }
}
