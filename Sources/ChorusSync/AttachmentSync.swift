import Foundation
import Logging
import Storage

/// One synchronisation: the EJs the AIFE reports as changed in the window, for each purchasing organisation and
/// group, then their attachments not yet stored — downloaded, stored once by content, queued for reading. Where each
/// scope stopped is remembered after every EJ, so an interrupted run resumes there; attachments already fetched are
/// known by their AIFE id and never downloaded twice; an EJ whose attachments could not all be fetched is tried again
/// by the next run.
public struct AttachmentSync: Sendable {
    let client: AIFEClient
    let settings: AIFESettings
    let store: SyncStore
    let documents: DocumentStore
    let actor: String
    let logger: Logger

    public init(settings: AIFESettings, store: SyncStore, documents: DocumentStore, actor: String,
                client: AIFEClient? = nil, logger: Logger = Logger(label: "eclaire.sync")) {
        self.settings = settings
        self.client = client ?? AIFEClient(settings: settings, logger: logger)
        self.store = store
        self.documents = documents
        self.actor = actor
        self.logger = logger
    }

    /// Runs once. `since` nil: each scope from where it stopped (the first time, the 1st of January of `now`'s year);
    /// `until` nil: now. A run that cannot reach the AIFE at all ends as failed, its figures kept.
    public func run(since: Date? = nil, until: Date? = nil, now: Date = Date()) async throws -> SyncReport {
        let to = until ?? now
        let scopes = settings.purchasingOrganisations.flatMap { organisation in
            settings.purchasingGroups.isEmpty ? [(organisation, String?.none)] : settings.purchasingGroups.map { (organisation, Optional($0)) }
        }
        var starts: [String: Date] = [:]
        for (organisation, group) in scopes {
            let scope = Self.scope(organisation, group)
            if let since { starts[scope] = since } else { starts[scope] = try await store.cursor(scope: scope) ?? Self.startOfYear(now) }
        }
        let earliest = starts.values.min() ?? to
        let run = try await store.begin(actor: actor, from: earliest, to: to, now: now)
        var figures = SyncFigures()
        do {
            for ej in try await store.retries() {
                try Task.checkCancellation()
                figures.ejsSeen += 1
                if try await fetchAttachments(of: ej, run: run, figures: &figures) { try await store.clearRetry(ej: ej) }
                try await store.update(run: run, figures: figures)
            }
            for (organisation, group) in scopes {
                let scope = Self.scope(organisation, group)
                let from = starts[scope] ?? earliest
                guard from <= to else { continue }
                let changed = try await client.changedEJs(from: from, to: to, organisation: organisation, group: group)
                figures.problems += changed.refused.map(\.description)
                for activity in Self.inOrder(changed.activities) {
                    try Task.checkCancellation()
                    figures.ejsSeen += 1
                    if try await !fetchAttachments(of: activity.ej, run: run, figures: &figures) {
                        try await store.markForRetry(ej: activity.ej, reason: figures.problems.last ?? "")
                    }
                    try await advance(scope, to: activity.received)
                    try await store.update(run: run, figures: figures)
                }
                try await advance(scope, to: to)
            }
            try await store.update(run: run, figures: figures, status: .done)
            return SyncReport(run: run, from: earliest, to: to, status: .done, figures: figures)
        } catch {
            let cancelled = error is CancellationError
            if !cancelled { figures.problems.append((error as? AIFEError)?.description ?? String(describing: error)) }
            let figures = figures
            // Recorded even when the task was cancelled, so the page tells what happened.
            try? await Task.detached { try await store.update(run: run, figures: figures, status: cancelled ? .interrupted : .failed) }.value
            throw error
        }
    }

    /// The cursor never goes back: a run over an earlier window (`--since`) does not make the next one start there.
    private func advance(_ scope: String, to date: Date) async throws {
        if let reached = try await store.cursor(scope: scope), reached >= date { return }
        try await store.setCursor(scope: scope, reached: date)
    }

    /// Fetches the EJ's attachments not yet stored. Returns false when some could not be fetched (to be tried again);
    /// a refused token stops the run.
    private func fetchAttachments(of ej: String, run: Int, figures: inout SyncFigures) async throws -> Bool {
        let attachments: [AttachmentMetadata]
        do {
            attachments = try await client.attachments(of: ej)
        } catch let error as AIFEError {
            if case .tokenRefused = error { throw error }
            figures.problems.append(error.description)
            return false
        }
        var complete = true
        for attachment in attachments {
            try Task.checkCancellation()
            if let known = try await store.attachment(attachment.id) {
                if !known.refused {
                    figures.filesKnown += 1
                    continue
                }
                if let bytes = known.bytes, bytes > settings.maxFileBytes {
                    figures.filesRefused += 1
                    continue
                }
            }
            let name = Self.safeName(attachment.name, id: attachment.id)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("eclaire-aife-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: file) }
            do {
                let bytes = try await client.download(attachment, to: file)
                let stored = try await store.storeFetched(file, id: attachment.id, ej: ej, name: name, bytes: bytes, run: run,
                                                          documents: documents)
                figures.bytes += bytes
                if stored.isNew { figures.filesNew += 1 } else { figures.filesKnown += 1 }
                logger.info("AIFE: EJ \(ej) — \(name) (\(bytes) octets) \(stored.isNew ? "nouveau" : "déjà présent") : document \(stored.document.id)")
            } catch let error as AIFEError {
                switch error {
                case .tokenRefused: throw error
                case .tooLarge(_, let bytes, _):
                    figures.filesRefused += 1
                    figures.problems.append(error.description)
                    try await store.recordRefused(id: attachment.id, ej: ej, name: name, bytes: bytes, reason: error.description, run: run)
                default:
                    figures.filesFailed += 1
                    figures.problems.append(error.description)
                    complete = false
                }
            }
        }
        return complete
    }

    static func scope(_ organisation: String, _ group: String?) -> String { "\(organisation)/\(group ?? "*")" }

    /// Oldest first, each EJ once (its latest change).
    static func inOrder(_ activities: [EJActivity]) -> [EJActivity] {
        var latest: [String: EJActivity] = [:]
        for activity in activities where (latest[activity.ej]?.received ?? .distantPast) <= activity.received {
            latest[activity.ej] = activity
        }
        return latest.values.sorted { ($0.received, $0.ej) < ($1.received, $1.ej) }
    }

    static func startOfYear(_ date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: calendar.component(.year, from: date), month: 1, day: 1)) ?? date
    }

    /// The AIFE's name for the file, without folders or control characters; its id when it gives none.
    static func safeName(_ name: String, id: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.prefix(200).map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        return clean.isEmpty || clean == "." || clean == ".." ? "pj-\(id)" : clean
    }
}

/// What a run did, for `eclaire sync` and its `--json`.
public struct SyncReport: Sendable, Equatable {
    public let run: Int
    public let from: Date
    public let to: Date
    public let status: SyncRunStatus
    public let figures: SyncFigures
}
