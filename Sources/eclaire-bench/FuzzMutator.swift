import DemoData
import Foundation

/// Damages bytes the ways files get damaged or forged: flipped bits, cut files, repeated blocks, and the tokens parsers
/// of CSV, XML and amounts trip on (delimiters, quotes, entities, huge numbers, broken UTF-8).
struct Mutator {
    static let maxSize = 2 << 20

    static let tokens: [[UInt8]] = [
        ";", ",", "\"", "\"\"", "\n", "\r\n", "\r", "\t", "<", ">", "/>", "&", "&amp;", "&#0;", "&#x110000;", "&lt",
        "<![CDATA[", "]]>", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;\">]>", "&b;",
        "<?xml version=\"1.0\"?>", "<row r=\"1048577\">", "<c r=\"XFD1\" t=\"s\"><v>99999999</v></c>", "<v>1e308</v>",
        "<v>NaN</v>", "<v>-0</v>", "9999999999999999999", "-9223372036854775808", "18446744073709551616", "1e308", "NaN",
        "0,00", "12 345,67", "-1 000,00", "(5,00)", "5,00-", "€", "EUR", "31/12/2025", "99/99/9999", "00/00/0000",
        "2105123456", "FR7630006000011234567890189", "73282932000074", "FR40303265045", "\u{FEFF}", "é",
    ].map { Array($0.utf8) } + [[0xE9], [0xC3], [0xFF, 0xFE], [0x00], [0xF0, 0x9F], [0xED, 0xA0, 0x80]]

    mutating func mutate(_ bytes: inout [UInt8], keeping prefix: Int, others: [[UInt8]],
                         random: inout SeededRandom) {
        let rounds = 1 + Int(random.next() % 8)
        for _ in 0..<rounds {
            let low = min(prefix, bytes.count)
            let position = low + Int(random.next() % UInt64(bytes.count - low + 1))
            switch random.next() % 9 {
            case 0 where position < bytes.count: bytes[position] ^= 1 << UInt8(random.next() % 8)
            case 1 where position < bytes.count: bytes[position] = UInt8(truncatingIfNeeded: random.next())
            case 2: bytes.insert(contentsOf: Self.tokens[Int(random.next() % UInt64(Self.tokens.count))], at: position)
            case 3: bytes.removeSubrange(position..<min(bytes.count, position + 1 + Int(random.next() % 64)))
            case 4 where position < bytes.count:
                // A block repeated many times: long cells, long lines, deep nesting.
                let block = Array(bytes[position..<min(bytes.count, position + 1 + Int(random.next() % 256))])
                let times = 1 + Int(random.next() % 64)
                if bytes.count + block.count * times < Self.maxSize {
                    bytes.insert(contentsOf: Array(repeating: block, count: times).joined(), at: position)
                }
            case 5 where !others.isEmpty:
                let other = others[Int(random.next() % UInt64(others.count))]
                let from = Int(random.next() % UInt64(other.count + 1))
                let piece = other[from..<min(other.count, from + Int(random.next() % 512))]
                bytes.insert(contentsOf: piece, at: position)
            case 6 where position > low: bytes.removeSubrange(position...)
            case 7: bytes.insert(contentsOf: (0..<1 + random.next() % 16).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
            default:
                let digits = Array(repeating: UInt8(ascii: "9"), count: 1 + Int(random.next() % 40))
                bytes.insert(contentsOf: digits, at: position)
            }
        }
    }

    /// Random text for the amount, date and identifier parsers: their own characters mostly, sometimes anything.
    static func shortText(for target: FuzzBench.Target, _ random: inout SeededRandom) -> String {
        let alphabet: [Character] = switch target {
        case .amounts: Array("0123456789 ,.-+()€EUR'’\u{A0}\u{202F}e9")
        case .dates: Array("0123456789/-. :TZjanvierfévrierdécembre")
        default: Array("0123456789 FRABCDEXYZ-.fr ")
        }
        let length = random.next() % 20 == 0 ? Int(random.next() % 2000) : Int(random.next() % 40)
        var text = ""
        for _ in 0..<length {
            if random.next() % 30 == 0, let scalar = Unicode.Scalar(UInt32(random.next() % 0x2FFFF)) {
                text.unicodeScalars.append(scalar)
            } else {
                text.append(alphabet[Int(random.next() % UInt64(alphabet.count))])
            }
        }
        return text
    }

    static let labels = [
        "Total HT", "Montant hors taxe", "TVA 20 %", "TVA 5,5 %", "TVA 10%", "Total TTC", "Net à payer", "Acompte",
        "Remise", "Retenue de garantie", "Facture n°", "Devis n°", "Bon de commande n°", "Date :", "Échéance",
        "SIRET", "SIREN", "N° TVA", "IBAN", "BIC", "RIB", "Objet :", "Client", "Destinataire", "Titulaire",
        "Accord-cadre n°", "Marché n°", "Quantité", "Prix unitaire", "Désignation", "Page 1/2", "Capital de",
        // The facts of each type (issue 17): titles that set the type, then their labels, boxes and tables.
        "FICHE NAVETTE", "ACTE D'ENGAGEMENT", "C.C.A.P.", "RELEVÉ D'IDENTITÉ BANCAIRE", "Extrait Kbis", "DC4", "AVENANT N° 2",
        "Centre financier\t", "Domaine fonctionnel :", "Centre de coûts (CC)\t", "Lot n° 1 :", "[X] accord-cadre [ ] marché",
        "Durée : ", "reconductible", "Avance : [X] Je ne renonce pas", "Code banque\tCode guichet\tN° de compte\tClé RIB",
        "Montant initial", "Nouveau montant", "Co-traitant :", "Sous-traitant :", "Paiement direct : X oui □ non", "CCAG-",
        "Pénalités :", "Dénomination :", "Adresse du siège",
    ]

    /// Invoice-like lines: labels with amounts that may add up, overflow, or mean nothing.
    static func invoiceLines(_ random: inout SeededRandom) -> [String] {
        (0..<1 + random.next() % 60).map { _ in
            var line = labels[Int(random.next() % UInt64(labels.count))]
            for _ in 0..<random.next() % 4 {
                switch random.next() % 6 {
                case 0: line += " " + String(repeating: "9", count: 1 + Int(random.next() % 30)) + ",99"
                case 1: line += " " + FrenchFormatLike.amount(Int64(bitPattern: random.next()) % 100_000_000_00)
                case 2: line += " \(random.next() % 32)/\(random.next() % 14)/\(1900 + random.next() % 300)"
                case 3: line += " FR76" + String(random.next() % 10_000_000_000_000)
                case 4: line += " " + String(random.next() % 100_000_000_000_000)
                default: line += " " + String(shortText(for: .amounts, &random).prefix(30))
                }
            }
            return line
        }
    }
}

/// `12 345,67` from cents, without the core's formatter (the fuzzer must not depend on what it checks).
enum FrenchFormatLike {
    static func amount(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        var units = String(magnitude / 100)
        var grouped = ""
        while units.count > 3 {
            grouped = "\u{202F}" + units.suffix(3) + grouped
            units.removeLast(3)
        }
        return sign + units + grouped + "," + String(format: "%02d", Int(magnitude % 100))
    }
}
