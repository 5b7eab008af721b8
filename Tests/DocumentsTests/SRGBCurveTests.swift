import CLittleCMS
import Foundation
import Testing
@testable import Documents
import TestSupport

/// The output-intent profile of real PDF/A invoices is read by LittleCMS with its sRGB tables as the sRGB formula,
/// and every other curve as before.
@Suite("Colour curves of PDF/A output intents")
struct SRGBCurveTests {
    /// HP's sRGB IEC61966-2.1, as embedded by the FNFE-MPE Factur-X samples (see Fixtures/README.md).
    static func profile() throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("documents/srgb-iec61966-2.1.icc"))))
    }

    /// The red curve's table as stored in the profile: tag table at byte 128, `curv` count then 16-bit samples.
    static func redTable(_ bytes: [UInt8]) throws -> [UInt16] {
        func uint32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let tags = uint32(128)
        let entry = try #require((0..<tags).map { 132 + 12 * $0 }.first { String(decoding: bytes[$0..<$0 + 4], as: UTF8.self) == "rTRC" })
        let offset = uint32(entry + 4)
        #expect(String(decoding: bytes[offset..<offset + 4], as: UTF8.self) == "curv")
        let count = uint32(offset + 8)
        return (0..<count).map { UInt16(bytes[offset + 12 + 2 * $0]) << 8 | UInt16(bytes[offset + 13 + 2 * $0]) }
    }

    @Test func theRealProfilesTablesAreTheSRGBCurveAndOthersAreNot() throws {
        let table = try Self.redTable(Self.profile())
        #expect(table.count == 1024)
        let isSRGB = SRGBToneTable.matches(table)
        #expect(isSRGB)
        var shifted = table
        shifted[600] &+= 3
        #expect(!SRGBToneTable.matches(shifted))
        let gamma22 = (0..<1024).map { UInt16((pow(Double($0) / 1023, 2.2) * 65535).rounded()) }
        #expect(!SRGBToneTable.matches(gamma22))
        // Two samples are a straight line, whatever their ends.
        #expect(!SRGBToneTable.matches([0, 65535]))
    }

    @Test func littleCMSReadsTheSRGBTablesAsTheFormulaWithTheSameValues() throws {
        #expect(SRGBCurvePlugin.isRegistered)
        let bytes = try Self.profile()
        let table = try Self.redTable(bytes)
        let profile = try #require(bytes.withUnsafeBytes { cmsOpenProfileFromMem($0.baseAddress, cmsUInt32Number($0.count)) })
        defer { cmsCloseProfile(profile) }
        let curve = try #require(cmsReadTag(profile, cmsSigRedTRCTag).map { OpaquePointer($0) })
        #expect(cmsGetToneCurveParametricType(curve) == SRGBToneTable.parametricType)
        for (index, sample) in table.enumerated() {
            let value = Double(cmsEvalToneCurveFloat(curve, Float(index) / 1023)) * 65535
            #expect(abs(value - Double(sample)) <= 1.5, "sample \(index)")
        }
        // The point of it: the inverse LittleCMS builds for the display transforms is in closed form.
        let inverse = try #require(cmsReverseToneCurve(curve))
        defer { cmsFreeToneCurve(inverse) }
        #expect(cmsGetToneCurveParametricType(inverse) == -SRGBToneTable.parametricType)
    }

    /// The remembered curve is LittleCMS's own type 4 with the same parameters, to the bit: its 16-bit tables and
    /// its values between the sampling points, forwards and inverted.
    @Test func theRememberedCurveIsLittleCMSsType4() throws {
        #expect(SRGBCurvePlugin.isRegistered)
        let ours = try #require(cmsBuildParametricToneCurve(nil, SRGBToneTable.parametricType, SRGBToneTable.sRGB.array))
        let theirs = try #require(cmsBuildParametricToneCurve(nil, 4, SRGBToneTable.sRGB.array))
        let oursInverse = try #require(cmsReverseToneCurve(ours)), theirsInverse = try #require(cmsReverseToneCurve(theirs))
        defer { [ours, theirs, oursInverse, theirsInverse].forEach { cmsFreeToneCurve($0) } }
        #expect(cmsGetToneCurveParametricType(oursInverse) == -SRGBToneTable.parametricType)
        #expect(cmsGetToneCurveParametricType(theirsInverse) == -4)
        for (mine, reference) in [(ours, theirs), (oursInverse, theirsInverse)] {
            let count = Int(cmsGetToneCurveEstimatedTableEntries(mine))
            #expect(count == SRGBToneTable.samplingPoints)
            #expect(Int(cmsGetToneCurveEstimatedTableEntries(reference)) == count)
            let table = try #require(cmsGetToneCurveEstimatedTable(mine)), expected = try #require(cmsGetToneCurveEstimatedTable(reference))
            let differing = (0..<count).filter { table[$0] != expected[$0] }
            #expect(differing.isEmpty, "\(differing.count) entries differ, first at \(differing.first ?? 0)")
            for step in 0...1000 {
                let x = Float(step) / 1000 * 0.999 + 0.0003
                #expect(cmsEvalToneCurveFloat(mine, x) == cmsEvalToneCurveFloat(reference, x), "x = \(x)")
            }
        }
        // Other parameters are evaluated, not remembered.
        var gamma = SRGBToneTable.sRGB
        gamma.g = 2.2
        #expect(SRGBToneTable.evaluate(type: 1, parameters: gamma, at: 0.5) == SRGBToneTable.curve(0.5, gamma))
        #expect(SRGBToneTable.evaluate(type: 1, parameters: gamma, at: 0.5) != SRGBToneTable.evaluate(type: 1, parameters: SRGBToneTable.sRGB, at: 0.5))
    }

    @Test func otherTablesAreWrittenAndReadBackUnchanged() throws {
        #expect(SRGBCurvePlugin.isRegistered)
        let samples = (0..<300).map { UInt16((pow(Double($0) / 299, 1.8) * 65535).rounded()) }
        let tabulated = try #require(cmsBuildTabulatedToneCurve16(nil, cmsUInt32Number(samples.count), samples))
        defer { cmsFreeToneCurve(tabulated) }
        var white = cmsCIExyY(x: 0.3127, y: 0.3290, Y: 1)
        var primaries = cmsCIExyYTRIPLE(Red: cmsCIExyY(x: 0.64, y: 0.33, Y: 1), Green: cmsCIExyY(x: 0.30, y: 0.60, Y: 1),
                                        Blue: cmsCIExyY(x: 0.15, y: 0.06, Y: 1))
        var curves: [OpaquePointer?] = [tabulated, tabulated, tabulated]
        let written = try #require(cmsCreateRGBProfile(&white, &primaries, &curves))
        defer { cmsCloseProfile(written) }
        var size: cmsUInt32Number = 0
        #expect(cmsSaveProfileToMem(written, nil, &size) != 0)
        var saved = [UInt8](repeating: 0, count: Int(size))
        #expect(cmsSaveProfileToMem(written, &saved, &size) != 0)
        #expect(try Self.redTable(saved) == samples)

        let reread = try #require(saved.withUnsafeBytes { cmsOpenProfileFromMem($0.baseAddress, cmsUInt32Number($0.count)) })
        defer { cmsCloseProfile(reread) }
        let curve = try #require(cmsReadTag(reread, cmsSigGreenTRCTag).map { OpaquePointer($0) })
        #expect(cmsGetToneCurveParametricType(curve) == 0)
        let entries = Int(cmsGetToneCurveEstimatedTableEntries(curve))
        let table = try #require(cmsGetToneCurveEstimatedTable(curve))
        #expect(Array(UnsafeBufferPointer(start: table, count: entries)) == samples)
    }
}
