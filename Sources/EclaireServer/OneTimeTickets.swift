import Foundation

/// Values handed from a form's answer to the page the browser is sent to (redirect after POST): each taken once, by
/// the user who caused it, within five minutes; kept in memory only.
actor OneTimeTickets<Value: Sendable> {
    private var waiting: [String: (login: String, value: Value, until: ContinuousClock.Instant)] = [:]

    func put(_ value: Value, for login: String) -> String {
        let now = ContinuousClock.now
        waiting = waiting.filter { $0.value.until > now }
        let ticket = UUID().uuidString
        waiting[ticket] = (login, value, now + .seconds(300))
        return ticket
    }

    func take(_ ticket: String, for login: String) -> Value? {
        guard let entry = waiting[ticket], entry.login == login, entry.until > ContinuousClock.now else { return nil }
        waiting[ticket] = nil
        return entry.value
    }
}
