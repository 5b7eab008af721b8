import Testing
import EclaireCore

@Suite struct HexTests {
    @Test func everyByteIsTwoLowerCaseDigitsInOrder() {
        #expect(Hex.lowercase([0x00, 0x0f, 0xa5, 0xff, 0x10]) == "000fa5ff10")
        #expect(Hex.lowercase([UInt8]()) == "")
        #expect(Hex.lowercase(UInt8.min...UInt8.max).count == 512)
    }
}
