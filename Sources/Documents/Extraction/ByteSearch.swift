import Foundation

extension String {
    /// Whether the text contains `needle`, compared byte for byte on UTF-8. Foundation's `contains` goes through
    /// NSString and took most of the extraction time; the folded texts searched here need no locale.
    func has(_ needle: String) -> Bool { byteOffset(of: needle, backwards: false) != nil }

    /// The UTF-8 offset of the last occurrence of `needle`, nil when absent.
    func lastByteOffset(of needle: String) -> Int? { byteOffset(of: needle, backwards: true) }

    private func byteOffset(of needle: String, backwards: Bool) -> Int? {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h -> Int? in
            needle.withUTF8 { n -> Int? in
                guard !n.isEmpty, n.count <= h.count, let hBase = h.baseAddress, let nBase = n.baseAddress else {
                    return n.isEmpty ? 0 : nil
                }
                let last = h.count - n.count
                let first = n[0]
                if backwards {
                    var index = last
                    while index >= 0 {
                        if h[index] == first && memcmp(hBase + index, nBase, n.count) == 0 { return index }
                        index -= 1
                    }
                } else {
                    var index = 0
                    while index <= last {
                        if h[index] == first && memcmp(hBase + index, nBase, n.count) == 0 { return index }
                        index += 1
                    }
                }
                return nil
            }
        }
    }
}
