import EclaireCore
import Storage
import Vapor

/// In front of the API's signed-in routes: scripts are rate-limited, and every call made with a token is logged
/// (which token, what, answer, time taken) whatever its outcome, behind the answer. Scopes are each route's
/// (`APIRoutes.scoped`).
struct APIGate: AsyncMiddleware {
    let limiter: RateLimiter
    /// Calls per minute for scripts using a person's password (tokens carry their own limit).
    let passwordRate: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await guarded(request, next)
        } catch {
            await log(request, status: (error as? any AbortError)?.status.code ?? 500, since: started)
            throw error
        }
        await log(request, status: response.status.code, since: started)
        return response
    }

    private func guarded(_ request: Request, _ next: any AsyncResponder) async throws -> Response {
        guard let caller = request.caller, caller.csrfToken == nil else { return try await next.respond(to: request) }
        let rate = caller.token?.ratePerMinute ?? passwordRate
        switch await limiter.take(caller.label, perMinute: rate) {
        case .allowed(let remaining):
            let response = try await next.respond(to: request)
            response.headers.replaceOrAdd(name: "X-RateLimit-Limit", value: String(rate))
            response.headers.replaceOrAdd(name: "X-RateLimit-Remaining", value: String(remaining))
            return response
        case .refused(let retryAfter):
            let response = Response(status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
            response.headers.replaceOrAdd(name: "X-RateLimit-Limit", value: String(rate))
            try response.content.encode(ProblemDTO(
                status: 429, title: "trop d'appels : \(rate) par minute au plus, réessayez dans \(retryAfter) s"))
            return response
        }
    }

    private func log(_ request: Request, status: UInt, since started: ContinuousClock.Instant) async {
        guard let token = request.caller?.token else { return }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let call = APICall(at: Timestamp.now(), caller: request.caller?.label, tokenID: token.id,
                           method: request.method.rawValue, path: request.url.path, query: request.url.query,
                           status: Int(status), durationMilliseconds: (milliseconds * 10).rounded() / 10)
        await request.application.callLog.record(call)
    }
}

/// Token buckets per caller: `perMinute` calls may come at once, then one more every 60/`perMinute` s. In memory:
/// each server process limits the calls it answers.
actor RateLimiter {
    enum Decision: Equatable { case allowed(remaining: Int), refused(retryAfterSeconds: Int) }

    private var buckets: [String: (tokens: Double, at: ContinuousClock.Instant)] = [:]

    func take(_ key: String, perMinute: Int, now: ContinuousClock.Instant = .now) -> Decision {
        let capacity = Double(perMinute), refill = Double(perMinute) / 60
        var bucket = buckets[key] ?? (capacity, now)
        let elapsed = now - bucket.at
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket = (min(capacity, bucket.tokens + seconds * refill), now)
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            return .refused(retryAfterSeconds: max(1, Int(((1 - bucket.tokens) / refill).rounded(.up))))
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        return .allowed(remaining: Int(bucket.tokens))
    }
}
