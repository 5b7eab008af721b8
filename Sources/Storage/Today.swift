import EclaireCore
import Foundation

extension LocalDate {
    /// Today in UTC: due dates, waiting times and late payments are counted from it. (The Core reads no clock.)
    public static var today: LocalDate { LocalDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400)) }
}
