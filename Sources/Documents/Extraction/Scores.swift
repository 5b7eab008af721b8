/// Scores per case of an enumeration, read in the order the cases are listed: the same scores give the same winner
/// and the same sum on every run, whatever order the dictionary keeps them in.
extension Dictionary where Key: CaseIterable, Value == Double {
    /// The sum, in the cases' order (added in another order, the last bits differ).
    var orderedTotal: Double { Key.allCases.reduce(0) { $0 + (self[$1] ?? 0) } }

    /// The highest score; a tie goes to the case listed first.
    var top: (key: Key, value: Double)? {
        Key.allCases.reduce(nil) { best, key in
            guard let value = self[key], value > best?.value ?? -.infinity else { return best }
            return (key, value)
        }
    }
}
