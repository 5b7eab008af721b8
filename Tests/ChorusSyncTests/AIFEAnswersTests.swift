@testable import ChorusSync
import Foundation
import Testing

@Suite("Reading the AIFE's OData answers, its duplicates, and when to try again")
struct AIFEAnswersTests {
    @Test func odataDatesAreMillisecondsSince1970InUTC() {
        #expect(AIFEAnswers.date("/Date(1735689600000)/") == Date(timeIntervalSince1970: 1_735_689_600))
        #expect(AIFEAnswers.date("/Date(1735689600000+0100)/") == Date(timeIntervalSince1970: 1_735_689_600))
        #expect(AIFEAnswers.date("2025-01-01T00:00:00") == Date(timeIntervalSince1970: 1_735_689_600))
        #expect(AIFEAnswers.date("20250101") == Date(timeIntervalSince1970: 1_735_689_600))
        #expect(AIFEAnswers.date("/Date(abc)/") == nil)
        #expect(AIFEAnswers.date("2025-02-30") == nil)
        #expect(AIFEAnswers.date("/Date(99999999999999999999)/") == nil)
    }

    @Test func rowsComeFromDResultsOrD() throws {
        let paged = try AIFEAnswers.page(Data(#"{"d":{"results":[{"num_ej":"1300000001"}],"__next":"liste?$skip=1"}}"#.utf8), what: "liste")
        #expect(paged.rows.count == 1 && paged.next == "liste?$skip=1")
        let bare = try AIFEAnswers.page(Data(#"{"d":[{"num_ej":1300000001}]}"#.utf8), what: "liste")
        #expect(bare.rows.first?["num_ej"]?.string == "1300000001" && bare.next == nil)
        #expect(throws: AIFEError.unreadableAnswer("liste", reason: "l'objet « d » manque")) {
            try AIFEAnswers.page(Data(#"{"value":[]}"#.utf8), what: "liste")
        }
        #expect(throws: AIFEError.unreadableAnswer("liste", reason: "ce n'est pas du JSON")) {
            try AIFEAnswers.page(Data("<html>".utf8), what: "liste")
        }
    }

    @Test func anEJActivityNeedsANumberAndADate() throws {
        let row: [String: JSONValue] = ["alerte": .string("EJ 1300000001 - Modification"), "num_ej": .string("1300000001"),
                                        "date_reception": .string("/Date(1735689600000)/"), "pur_org": .string("ORG1"),
                                        "pur_group": .string("G01")]
        let activity = try AIFEAnswers.activity(row, index: 0)
        #expect(activity.change == .modification && activity.ej == "1300000001" && activity.purchasingGroup == "G01")
        var short = row
        short["num_ej"] = .number(300000001)
        #expect(try AIFEAnswers.activity(short, index: 0).ej == "0300000001", "padded as Chorus pads it")
        var hostile = row
        hostile["num_ej"] = .string("../../etc")
        #expect(throws: AIFEError.unreadableAnswer("liste des EJ, élément 1", reason: "num_ej « ../../etc » n'est pas un n° d'EJ (dix chiffres)")) {
            try AIFEAnswers.activity(hostile, index: 0)
        }
        var broken = row
        broken["date_reception"] = .string("hier")
        #expect(throws: AIFEError.unreadableAnswer("liste des EJ, élément 3", reason: "date_reception absente ou illisible")) {
            try AIFEAnswers.activity(broken, index: 2)
        }
    }

    static func attachment(_ id: String, name: String = "devis.pdf", size: Int64? = 10, at seconds: Double) -> AttachmentMetadata {
        AttachmentMetadata(id: id, name: name, ej: "1300000001", declaredSize: size, date: Date(timeIntervalSince1970: seconds))
    }

    @Test func aDuplicateDifferingOnlyByDateKeepsTheLatest() throws {
        let kept = try AIFEAnswers.withoutDuplicates([Self.attachment("A", at: 100), Self.attachment("B", at: 50),
                                                      Self.attachment("A", at: 300), Self.attachment("A", at: 200)], ej: "1300000001")
        #expect(kept.map(\.id) == ["A", "B"])
        #expect(kept.first?.date == Date(timeIntervalSince1970: 300))
    }

    @Test func aDuplicateDifferingOtherwiseIsRefusedSayingWhy() {
        #expect(throws: AIFEError.conflictingDuplicate(ej: "1300000001", attachment: "A",
                                                       differences: "nom « devis.pdf » / « facture.pdf », taille 10 / 20")) {
            try AIFEAnswers.withoutDuplicates([Self.attachment("A", at: 100), Self.attachment("A", name: "facture.pdf", size: 20, at: 100)],
                                              ej: "1300000001")
        }
    }

    @Test func only429And5xxAreTriedAgainWithGrowingDelays() {
        #expect(RetryPolicy.retries(status: 429) && RetryPolicy.retries(status: 500) && RetryPolicy.retries(status: 503))
        #expect(!RetryPolicy.retries(status: 400) && !RetryPolicy.retries(status: 403) && !RetryPolicy.retries(status: 404))
        let policy = RetryPolicy(attempts: 5, firstDelay: 1, maxDelay: 8)
        #expect((1...5).map { policy.delay(after: $0, retryAfter: nil) } == [1, 2, 4, 8, 8])
        #expect(policy.delay(after: 1, retryAfter: "3") == 3)
        #expect(policy.delay(after: 1, retryAfter: "3600") == 8)
        #expect(policy.delay(after: 1, retryAfter: "demain") == 1)
    }

    @Test func theSecretComesFromAFileOrTheEnvironmentAndIsNeverPrinted() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)")
        try "  from-file\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let environment = ["ECLAIRE_AIFE_AUTH_URL": "https://auth.example/", "ECLAIRE_AIFE_BASE_URL": "https://api.example",
                           "ECLAIRE_AIFE_CLIENT_ID": "eclaire", "ECLAIRE_AIFE_CLIENT_SECRET": "from-env",
                           "ECLAIRE_AIFE_PUR_ORGS": "ORG1, ORG2", "ECLAIRE_AIFE_PUR_GROUPS": ""]
        let fromEnvironment = try AIFESettings.resolve(environment: environment)
        #expect(fromEnvironment.secret.value == "from-env" && fromEnvironment.authURL == "https://auth.example")
        #expect(fromEnvironment.purchasingOrganisations == ["ORG1", "ORG2"] && fromEnvironment.purchasingGroups.isEmpty)
        let fromFile = try AIFESettings.resolve(secretFile: file.path, environment: environment)
        #expect(fromFile.secret.value == "from-file")
        #expect(!"\(fromFile)".contains("from-file") && !"\(fromFile.secret)".contains("from-file"))
        var missing = environment
        missing["ECLAIRE_AIFE_CLIENT_SECRET"] = nil
        #expect(throws: AIFEError.missingSetting("ECLAIRE_AIFE_CLIENT_SECRET")) { try AIFESettings.resolve(environment: missing) }
        #expect(throws: AIFEError.unreadableSecret(path: "/nonexistent/secret")) {
            try AIFESettings.resolve(secretFile: "/nonexistent/secret", environment: environment)
        }
    }

    @Test func namesFromTheAIFELoseTheirFolders() {
        #expect(AttachmentSync.safeName("../../etc/passwd", id: "9") == "passwd")
        #expect(AttachmentSync.safeName("C:\\dossier\\devis.pdf", id: "9") == "devis.pdf")
        #expect(AttachmentSync.safeName("..", id: "9") == "pj-9")
        #expect(AttachmentSync.safeName("", id: "9") == "pj-9")
    }
}
