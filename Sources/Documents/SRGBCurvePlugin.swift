import CLittleCMS

/// Poppler gives every page of a PDF/A its own four colour transforms towards the file's output-intent profile
/// (`Gfx::initDisplayProfile`, even for text extraction, with no switch to skip it). The usual profile, HP's
/// sRGB IEC61966-2.1, stores its curves as 1 024-entry tables, and LittleCMS inverts a table by searching it: 60 %
/// of the time spent reading such a file's text. This handler of the `curv` tag type reads tables exactly as
/// LittleCMS does, except that a table which is the sRGB curve rounded to 16 bits becomes the sRGB formula, which
/// LittleCMS inverts in closed form — as a parametric type of our own, whose evaluator remembers the formula's values
/// at the points LittleCMS samples (`SRGBToneTable.evaluate`). Colours differ by less than one 16-bit step.
enum SRGBCurvePlugin {
    /// LittleCMS keeps a copy of each plugin in its global context; registering once is enough for the process.
    static let isRegistered: Bool = {
        var curves = cmsPluginParametricCurves()
        curves.base = cmsPluginBase(Magic: cmsUInt32Number(cmsPluginMagicNumber), ExpectedVersion: 2060,
                                    Type: cmsUInt32Number(cmsPluginParametricCurveSig), Next: nil)
        curves.nFunctions = 1
        curves.FunctionTypes.0 = cmsUInt32Number(SRGBToneTable.parametricType)
        curves.ParameterCount.0 = cmsUInt32Number(SRGBToneTable.sRGB.array.count)
        curves.Evaluator = evaluate
        var tags = cmsPluginTagType(
            base: cmsPluginBase(Magic: cmsUInt32Number(cmsPluginMagicNumber), ExpectedVersion: 2060,
                                Type: cmsUInt32Number(cmsPluginTagTypeSig), Next: nil),
            Handler: cmsTagTypeHandler(Signature: cmsSigCurveType, ReadPtr: readCurve, WritePtr: writeCurve,
                                       DupPtr: duplicateCurve, FreePtr: freeCurve, ContextID: nil, ICCVersion: 0))
        // The curve type first: the tag handler builds curves of it.
        return withUnsafeMutablePointer(to: &curves) { cmsPlugin(UnsafeMutableRawPointer($0)) != 0 }
            && withUnsafeMutablePointer(to: &tags) { cmsPlugin(UnsafeMutableRawPointer($0)) != 0 }
    }()

    static func register() { _ = isRegistered }

    private static let evaluate: @convention(c) (cmsInt32Number, UnsafePointer<cmsFloat64Number>?, cmsFloat64Number) -> cmsFloat64Number = { type, parameters, x in
        guard let p = parameters else { return 0 }
        return SRGBToneTable.evaluate(type: type, parameters: .init(g: p[0], a: p[1], b: p[2], c: p[3], d: p[4]), at: x)
    }

    /// ICC `curv`: a count, then nothing (identity), one 8.8 gamma, or that many 16-bit samples.
    private static let readCurve: @convention(c) (UnsafeMutablePointer<cmsTagTypeHandler>?, UnsafeMutablePointer<cmsIOHANDLER>?,
                                                  UnsafeMutablePointer<cmsUInt32Number>?, cmsUInt32Number) -> UnsafeMutableRawPointer? = { handler, io, items, _ in
        guard let handler, let io, let items else { return nil }
        items.pointee = 0
        var count: cmsUInt32Number = 0
        guard _cmsReadUInt32Number(io, &count) != 0 else { return nil }
        let context = handler.pointee.ContextID
        var curve: OpaquePointer?
        switch count {
        case 0:
            var gamma = 1.0
            curve = cmsBuildParametricToneCurve(context, 1, &gamma)
        case 1:
            var fixed: cmsUInt16Number = 0
            guard _cmsReadUInt16Number(io, &fixed) != 0 else { return nil }
            var gamma = _cms8Fixed8toDouble(fixed)
            curve = cmsBuildParametricToneCurve(context, 1, &gamma)
        case 2...0x7FFF:  // LittleCMS's own bound on a table's length
            var table = [cmsUInt16Number](repeating: 0, count: Int(count))
            guard _cmsReadUInt16Array(io, count, &table) != 0 else { return nil }
            curve = SRGBToneTable.matches(table)
                ? cmsBuildParametricToneCurve(context, SRGBToneTable.parametricType, SRGBToneTable.sRGB.array)
                : cmsBuildTabulatedToneCurve16(context, count, table)
        default:
            return nil
        }
        guard let curve else { return nil }
        items.pointee = 1
        return UnsafeMutableRawPointer(curve)
    }

    /// A plain gamma as one 8.8 number, any other curve as its 16-bit table.
    private static let writeCurve: @convention(c) (UnsafeMutablePointer<cmsTagTypeHandler>?, UnsafeMutablePointer<cmsIOHANDLER>?,
                                                   UnsafeMutableRawPointer?, cmsUInt32Number) -> cmsBool = { _, io, pointer, _ in
        guard let io, let pointer else { return 0 }
        let curve = OpaquePointer(pointer)
        if cmsGetToneCurveParametricType(curve) == 1, let parameters = cmsGetToneCurveParams(curve) {
            return _cmsWriteUInt32Number(io, 1) != 0 && _cmsWriteUInt16Number(io, _cmsDoubleTo8Fixed8(parameters[0])) != 0 ? 1 : 0
        }
        let entries = cmsGetToneCurveEstimatedTableEntries(curve)
        guard let table = cmsGetToneCurveEstimatedTable(curve) else { return 0 }
        return _cmsWriteUInt32Number(io, entries) != 0 && _cmsWriteUInt16Array(io, entries, table) != 0 ? 1 : 0
    }

    private static let duplicateCurve: @convention(c) (UnsafeMutablePointer<cmsTagTypeHandler>?, UnsafeRawPointer?,
                                                       cmsUInt32Number) -> UnsafeMutableRawPointer? = { _, pointer, _ in
        guard let pointer, let copy = cmsDupToneCurve(OpaquePointer(pointer)) else { return nil }
        return UnsafeMutableRawPointer(copy)
    }

    private static let freeCurve: @convention(c) (UnsafeMutablePointer<cmsTagTypeHandler>?, UnsafeMutableRawPointer?) -> Void = { _, pointer in
        if let pointer { cmsFreeToneCurve(OpaquePointer(pointer)) }
    }
}
