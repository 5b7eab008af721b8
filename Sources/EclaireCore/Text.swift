/// Text helpers shared by readers: header matching ignores case, accents and punctuation.
public enum Text {
    /// `"N° poste EJ"` → `"n poste ej"`; `"Montant engagé (EUR)"` → `"montant engage eur"`.
    public static func foldedKey(_ text: String) -> String {
        var out = ""
        var lastWasSpace = true
        for scalar in text.lowercased().unicodeScalars {
            let base = fold(scalar)
            if let base, base.properties.isAlphabetic || ("0"..."9").contains(base) {
                out.unicodeScalars.append(base)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "à", "â", "ä", "á": "a"
        case "é", "è", "ê", "ë": "e"
        case "î", "ï": "i"
        case "ô", "ö": "o"
        case "ù", "û", "ü": "u"
        case "ç": "c"
        case "œ": "o"
        case "°", "º": nil
        default: scalar
        }
    }
}
