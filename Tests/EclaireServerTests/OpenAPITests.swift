import DemoData
import EclaireServer
import Foundation
import Storage
import Testing
import VaporTesting

/// `/api/v1/openapi.json` describes the API exactly: every route, and every response's keys, types and nulls.
@Suite("The API conforms to its OpenAPI description", .serialized)
struct OpenAPITests {
    static let ledger = DemoLedger(orderCount: 30)

    @Test func everyRouteIsDescribedAndEveryResponseConforms() async throws {
        try await DemoApp.with(ledger: Self.ledger) { app, location in
            var admin = try await Visitor.signedIn(app, as: "admin")
            var document: [String: Any] = [:]
            try await Visitor.anonymous(app).getting("/api/v1/openapi.json") { response in
                #expect(response.status == .ok)
                document = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
            }
            let paths = document["paths"] as! [String: Any]
            // Every GET route under /api/v1 is described, and nothing described is missing from the server.
            let routes = Set(app.routes.all.filter { $0.method == .GET && $0.path.first?.description == "api" }
                .map { "/" + $0.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/") })
            #expect(routes == Set(paths.filter { ($0.value as? [String: Any])?["get"] != nil }.keys))
            // Routes that change something are described too.
            let changes = app.routes.all.filter { $0.method != .GET && $0.path.first?.description == "api" }
            for route in changes {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                #expect((paths[path] as? [String: Any])?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path)")
            }
            let (ej, product) = try await StorageContainer.using(location, migrate: false) { storage in
                let store = BudgetStore(database: storage.database, actor: "t")
                let product = try await store.products()[0].id
                return (try await store.links(productID: product)[0].ej, product)
            }
            let validator = SchemaValidator(document: document)
            for (path, real) in [("/api/v1/stats", "/api/v1/stats"), ("/api/v1/ejs", "/api/v1/ejs?limit=20"),
                                 ("/api/v1/ejs/{ej}", "/api/v1/ejs/\(ej)"), ("/api/v1/products", "/api/v1/products"),
                                 ("/api/v1/products/{id}", "/api/v1/products/\(product)?exercice=2025"),
                                 ("/api/v1/products/{id}/reconciliation", "/api/v1/products/\(product)/reconciliation"),
                                 ("/api/v1/products/{id}/consumptions", "/api/v1/products/\(product)/consumptions"),
                                 ("/api/v1/products/{id}/forecast", "/api/v1/products/\(product)/forecast"),
                                 ("/api/v1/products/{id}/audit", "/api/v1/products/\(product)/audit"),
                                 ("/api/v1/imports", "/api/v1/imports"),
                                 ("/api/v1/portfolio", "/api/v1/portfolio?exercice=2025"),
                                 ("/api/v1/suggestions", "/api/v1/suggestions"),
                                 ("/api/v1/anomalies", "/api/v1/anomalies?include_dismissed=true"),
                                 ("/api/v1/documents", "/api/v1/documents"), ("/api/v1/documents/summary", "/api/v1/documents/summary"),
                                 ("/api/v1/documents/coverage", "/api/v1/documents/coverage"),
                                 ("/api/v1/documents/syntheses", "/api/v1/documents/syntheses?limit=5"),
                                 ("/api/v1/documents/{id}", "/api/v1/documents/1")] {
                try await admin.get(real) { response in
                    #expect(response.status == .ok, "\(real)")
                    let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView), options: .fragmentsAllowed)
                    let schema = try validator.responseSchema(path: path, status: "200")
                    let problems = validator.validate(body, against: schema, at: real)
                    #expect(problems.isEmpty, "\(problems.prefix(5))")
                }
            }
            // Errors are described too.
            try await admin.get("/api/v1/ejs/9999999999") { response in
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
                #expect(validator.validate(body, against: try validator.responseSchema(path: "/api/v1/ejs/{ej}", status: "404"), at: "404").isEmpty)
            }
        }
    }

    @Test func theValidatorCatchesWhatItMust() throws {
        let validator = SchemaValidator(document: ["components": ["schemas": [
            "A": ["type": "object", "required": ["x", "y"], "additionalProperties": false,
                  "properties": ["x": ["type": "integer"], "y": ["type": "string", "nullable": true]]],
        ]]])
        let schema: [String: Any] = ["$ref": "#/components/schemas/A"]
        #expect(validator.validate(["x": 1, "y": NSNull()], against: schema, at: "$").isEmpty)
        #expect(validator.validate(["x": 1], against: schema, at: "$").count == 1)
        #expect(validator.validate(["x": 1.5, "y": "a"], against: schema, at: "$").count == 1)
        #expect(validator.validate(["x": 1, "y": "a", "z": 2], against: schema, at: "$").count == 1)
        #expect(validator.validate(["x": NSNull(), "y": "a"], against: schema, at: "$").count == 1)
    }
}

/// The part of JSON Schema the description uses: $ref, type, nullable, required, properties,
/// additionalProperties, items, enum.
struct SchemaValidator {
    let document: [String: Any]

    func responseSchema(path: String, status: String) throws -> [String: Any] {
        let paths = document["paths"] as! [String: Any]
        let get = try #require((paths[path] as? [String: Any])?["get"] as? [String: Any], "\(path)")
        let response = try #require((get["responses"] as? [String: Any])?[status] as? [String: Any], "\(path) \(status)")
        return ((response["content"] as! [String: Any])["application/json"] as! [String: Any])["schema"] as! [String: Any]
    }

    /// Foundation reads `true` as a boolean NSNumber (and, on Linux, says any NSNumber `is Bool`): ask its class.
    static func isBoolean(_ value: Any) -> Bool {
        value is Bool && String(describing: type(of: value)).contains("Boolean")
    }

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        // `allOf` with one schema: OpenAPI 3.0's way to make a reference nullable.
        if let parts = schema["allOf"] as? [[String: Any]], parts.count == 1 {
            var resolved = resolve(parts[0])
            resolved["nullable"] = schema["nullable"]
            return resolved
        }
        guard let ref = schema["$ref"] as? String else { return schema }
        let name = String(ref.split(separator: "/").last!)
        return ((document["components"] as! [String: Any])["schemas"] as! [String: Any])[name] as! [String: Any]
    }

    func validate(_ value: Any, against raw: [String: Any], at path: String) -> [String] {
        let schema = resolve(raw)
        if value is NSNull {
            return schema["nullable"] as? Bool == true ? [] : ["\(path): null where not nullable"]
        }
        if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
            return ["\(path): \(text) not in \(allowed)"]
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            var problems: [String] = []
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path).\(key): missing") }
            for (key, item) in object {
                if let property = properties[key] as? [String: Any] {
                    problems += validate(item, against: property, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += validate(item, against: additional, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path).\(key): not described")
                }
            }
            return problems
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            let items = schema["items"] as? [String: Any] ?? [:]
            return array.enumerated().flatMap { validate($1, against: items, at: "\(path)[\($0)]") }
        case "string": return value is String ? [] : ["\(path): not a string"]
        case "boolean": return Self.isBoolean(value) ? [] : ["\(path): not a boolean"]
        case "integer":
            guard let number = value as? NSNumber, !Self.isBoolean(value),
                  number.doubleValue.rounded() == number.doubleValue else { return ["\(path): not an integer"] }
            return []
        case "number": return value is NSNumber && !Self.isBoolean(value) ? [] : ["\(path): not a number"]
        default: return []
        }
    }
}

extension Visitor {
    /// A GET from a value that is not kept (an anonymous visitor needs no cookies afterwards).
    func getting(_ path: String, _ check: (TestingHTTPResponse) async throws -> Void) async throws {
        var copy = self
        try await copy.get(path, check)
    }
}
