import Foundation
import EclaireCore
import Storage
import TestSupport
import Testing

@Suite("API tokens and the call log, stored")
struct APITokenStoreTests {
    @Test(arguments: Backend.available)
    func tokensAreFoundByDigestUntilRevokedAndCallsAreLogged(backend: Backend) async throws {
        try await TestDatabase.with(backend) { storage in
            let store = APITokenStore(database: storage.database)
            await #expect(throws: APITokenError.noScope) {
                try await store.create(name: "t", digest: "d0", scopes: [], createdBy: "admin")
            }
            await #expect(throws: APITokenError.unknownProduct(42)) {
                try await store.create(name: "t", digest: "d0", scopes: [.readSpending], productIDs: [42], createdBy: "admin")
            }
            let token = try await store.create(name: " Observatoire ", digest: "d1", scopes: [.readSpending, .readDocuments],
                                               programmes: ["129", "0354"], ratePerMinute: 120, createdBy: "admin")
            #expect(token.name == "Observatoire")
            let found = try #require(try await store.token(digest: "d1"))
            #expect(found.scopes == [.readSpending, .readDocuments] && found.programmes == ["129", "0354"])
            #expect(found.ratePerMinute == 120 && found.user.programmes == ["129", "0354"] && !AccessPolicy(found.user).wholeBase)
            #expect(try await store.token(digest: "d2") == nil)

            try await store.log(APICall(at: Timestamp.now(), caller: "jeton:1:Observatoire", tokenID: token.id, method: "GET",
                                        path: "/api/v1/ejs", query: "limit=5", status: 200, durationMilliseconds: 3.5))
            try await store.log(APICall(at: Timestamp.now(), caller: nil, tokenID: nil, method: "GET",
                                        path: "/api/v1/stats", query: nil, status: 401, durationMilliseconds: 0.4))
            #expect(try await store.calls().map(\.status) == [401, 200])
            #expect(try await store.tokens().first?.lastUsedAt != nil)
            #expect(try await store.calls(tokenID: token.id).map(\.path) == ["/api/v1/ejs"])
            // Pruned by age: a call of last year goes, today's stay.
            try await store.log([APICall(at: "2025-01-02T03:04:05Z", caller: "jeton:1:Observatoire", tokenID: token.id, method: "GET",
                                         path: "/api/v1/old", query: nil, status: 200, durationMilliseconds: 1)])
            #expect(try await store.calls().count == 3)
            try await store.pruneCalls(before: Timestamp.iso(Date().addingTimeInterval(-86_400)))
            #expect(try await store.calls().map(\.path) == ["/api/v1/stats", "/api/v1/ejs"])

            try await store.revoke(id: token.id)
            #expect(try await store.token(digest: "d1") == nil)
            #expect(try await store.tokens().first?.revokedAt != nil)
            await #expect(throws: APITokenError.unknownToken(99)) { try await store.revoke(id: 99) }
        }
    }
}
