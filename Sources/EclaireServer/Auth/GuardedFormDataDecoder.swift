import Vapor

/// MultipartKit 4.7.1 traps (index out of range) on a byte ≥ 0x80 where it expects a part's header name: one hostile
/// request would take the whole server down. Every multipart body goes through this decoder, which walks the body
/// with the same states as that parser and refuses, with a 400, a body that would reach such a byte; the others are
/// decoded by MultipartKit as usual.
struct GuardedFormDataDecoder: ContentDecoder {
    private let decoder = FormDataDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
                              userInfo: [CodingUserInfoKey: Sendable]) throws -> D {
        if let boundary = headers.contentType?.parameters["boundary"], !boundary.isEmpty,
           !MultipartGuard.isSafe(Array(body.readableBytesView), boundary: boundary) {
            throw Abort(.badRequest, reason: "envoi multipart/form-data mal formé (en-tête de partie illisible)")
        }
        return try decoder.decode(D.self, from: body, headers: headers, userInfo: userInfo)
    }
}

/// The states of MultipartKit's parser, enough to tell whether a header name would hold a byte ≥ 0x80. Where the
/// parser stops on a syntax error, so does this walk (the parser then throws, which is harmless).
enum MultipartGuard {
    static func isSafe(_ bytes: [UInt8], boundary text: String) -> Bool {
        let boundary = Array("\r\n--\(text)".utf8)
        let cr: UInt8 = 13, lf: UInt8 = 10, colon: UInt8 = 58
        enum State { case preamble(Int), preHeaders(expectingLF: Bool), headerName(empty: Bool), headerValue,
                          postHeaderValue, postHeaders, body, boundary(Int) }
        var state = State.preamble(0)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch state {
            case .preamble(let match):
                var next = 0
                if match == 0, byte == boundary[2] { next = 3 }
                else if byte == boundary[match] { next = match + 1 }
                else if match > 0, byte == boundary[0] { next = 1 }
                index += 1
                state = next >= boundary.count ? .preHeaders(expectingLF: false) : .preamble(next)
            case .preHeaders(let expectingLF):
                index += 1
                if !expectingLF, byte == cr { state = .preHeaders(expectingLF: true) }
                else if expectingLF, byte == lf { state = .headerName(empty: true) }
                else { return true }
            case .headerName(let empty):
                index += 1
                if byte == colon, !empty { state = .headerValue }
                else if byte == cr, empty { state = .postHeaders }
                else if byte >= 0x80 { return false }
                else { state = .headerName(empty: false) }
            case .headerValue:
                index += 1
                if byte == cr { state = .postHeaderValue }
            case .postHeaderValue:
                index += 1
                guard byte == lf else { return true }
                state = .headerName(empty: true)
            case .postHeaders:
                index += 1
                guard byte == lf else { return true }
                state = .body
            case .body:
                while index < bytes.count, bytes[index] != boundary[0] { index += 1 }
                if index < bytes.count { state = .boundary(0) }
            case .boundary(let match):
                index += 1
                if match >= boundary.count {
                    if byte == cr { state = .preHeaders(expectingLF: true) }
                    else { return true }
                } else if byte != boundary[match] {
                    state = byte == boundary[0] ? .boundary(1) : .body
                } else {
                    state = .boundary(match + 1)
                }
            }
        }
        return true
    }
}
