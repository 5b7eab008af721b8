import Foundation

extension String {
    /// Whether the text contains `needle`, compared byte for byte on UTF-8. Foundation's `contains` goes through
    /// NSString and took most of the extraction time; the folded texts searched here need no locale.
    func has(_ needle: String) -> Bool { byteOffset(of: needle, backwards: false) != nil }

    /// Whether the text contains `word` at the start of a word (not « formation » inside « information », « api »
    /// inside « rapide »): what precedes it is not a letter or a digit.
    func hasWord(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        return byteOffset(of: word, backwards: false) { text, index in
            index == 0 || !Self.isWordByte(first) || !Self.isWordByte(text[index - 1])
        } != nil
    }

    /// A letter or digit of a folded text (every byte of a non-ASCII character counts as a letter).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || isDigit(byte) || isCapital(byte) || byte >= 0x80
    }

    /// The UTF-8 offset of the last occurrence of `needle`, nil when absent.
    func lastByteOffset(of needle: String) -> Int? { byteOffset(of: needle, backwards: true) }

    /// Whether the text may hold `count` decimal digits in a row. Regexes' `\d` also matches other scripts' digits,
    /// so every non-ASCII byte counts as one: the answer is never no where such a regex would find a match.
    func mayHoldDigitRun(_ count: Int) -> Bool { hasRun(count, of: Self.mayBeDigit) }

    /// Whether the text may hold `count` decimal digits, by the same rule.
    func mayHoldDigits(_ count: Int) -> Bool {
        var text = self
        return text.withUTF8 { bytes in bytes.lazy.filter(Self.mayBeDigit).prefix(count).count == count }
    }

    /// Whether the text holds `count` ASCII capitals or digits in a row (the foreign VAT pattern's `[0-9A-Z]`).
    func hasCapitalsOrDigitsRun(_ count: Int) -> Bool { hasRun(count) { Self.isDigit($0) || Self.isCapital($0) } }

    /// Whether the text may hold an IBAN's start: two capital letters, then two characters that may be digits.
    func mayHoldIBANStart() -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            return (0...(bytes.count - 4)).contains { index in
                Self.isCapital(bytes[index]) && Self.isCapital(bytes[index + 1])
                    && Self.mayBeDigit(bytes[index + 2]) && Self.mayBeDigit(bytes[index + 3])
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func mayBeDigit(_ byte: UInt8) -> Bool { isDigit(byte) || byte >= 0x80 }

    /// Whether `count` bytes in a row pass `test`.
    private func hasRun(_ count: Int, of test: (UInt8) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            var run = 0
            for byte in bytes {
                run = test(byte) ? run + 1 : 0
                if run >= count { return true }
            }
            return false
        }
    }

    /// The first (or last) occurrence of `needle` that `accept` takes, given the text's bytes and the offset.
    private func byteOffset(of needle: String, backwards: Bool,
                            where accept: (UnsafeBufferPointer<UInt8>, Int) -> Bool = { _, _ in true }) -> Int? {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h -> Int? in
            needle.withUTF8 { n -> Int? in
                guard !n.isEmpty, n.count <= h.count, let hBase = h.baseAddress, let nBase = n.baseAddress else {
                    return n.isEmpty ? 0 : nil
                }
                let first = n[0], last = h.count - n.count
                for index in backwards ? stride(from: last, through: 0, by: -1) : stride(from: 0, through: last, by: 1)
                where h[index] == first && memcmp(hBase + index, nBase, n.count) == 0 && accept(h, index) {
                    return index
                }
                return nil
            }
        }
    }
}
