import ArgumentParser
import Documents
import EclaireCore
import Foundation

/// `eclaire extract FILE… [--json]`: the facts of each document, read directly from the files.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Lit des documents (PDF, scans, images, Word, Excel, OpenDocument) et en extrait les informations clés.")

    @Argument(help: "Fichiers à lire.") var files: [String] = []
    @Flag(help: "Un objet JSON par fichier (format du contrat).") var json = false
    @Flag(name: .customLong("no-structured"), help: "Ignore la facture structurée incluse (Factur-X, UBL) : lit le texte seul.")
    var noStructured = false
    @Flag(name: .customLong("force-ocr"), help: "Reconnaît chaque page comme un scan, même si elle a une couche texte.")
    var forceOCR = false
    @Option(help: "Résolution de la reconnaissance de caractères, en points par pouce.") var dpi = 300
    @Option(help: "Nombre de fichiers lus à la fois (par défaut, un par cœur).") var jobs: Int?
    @Flag(name: .customLong("serve-records"), help: .hidden) var serveRecords = false
    @Option(name: .customLong("max-memory-mb"), help: .hidden) var maxMemoryMB: Int?
    @Option(name: .customLong("max-cpu-seconds"), help: .hidden) var maxCPUSeconds: Int?

    func validate() throws {
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs : entre 1 et 256 fichiers à la fois.") }
    }

    func run() async throws {
        Self.limit(memoryMB: maxMemoryMB)
        if serveRecords {
            Self.limitFiles()
            Self.closeSandbox()
        }
        let options = DocumentReader.Options(useStructured: !noStructured, text: .init(forceOCR: forceOCR, ocrDPI: dpi))
        if serveRecords { return Self.serve(DocumentReader(options: options), cpuSeconds: maxCPUSeconds) }
        var failed = false
        try ParallelReading.read(files, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, options: options) { index, result in
            let name = URL(fileURLWithPath: files[index]).lastPathComponent
            switch result {
            case .success(let extraction):
                let report = ExtractionReport(file: name, facts: extraction.facts, textMethod: extraction.textMethod.rawValue,
                                              typedFacts: extraction.typedFacts)
                if json { try JSONOutput.line(report) } else { print(Self.french(report, extraction.facts)) }
            case .failure(let error as DocumentError):
                failed = true
                FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            case .failure(let error):
                throw error
            }
        }
        JSONOutput.flush()
        if failed { throw ExitCode(1) }
    }

    /// The worker's reader: a path per line on standard input, a JSON reply per line on standard output, with the
    /// same reader (and OCR engine) for every document.
    static func serve(_ reader: DocumentReader, cpuSeconds: Int?) {
        // Reading is background work: on a machine shared with `eclaire serve`, people's pages come first (the
        // embedded readers' OCR took the cores the answers needed); on an idle machine it still takes whole cores.
        // On Linux a nice value is a thread's: this one, which reads, and the main thread, whose value
        // `ps` shows and threads started later inherit.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(getpid()), 10)
        let encoder = JSONEncoder()
        // The classifier's model is trained on first use: before "ready", so that no document's time pays for it.
        _ = TypeModel.shipped
        FileHandle.standardOutput.write(Data("ready\n".utf8))
        while let path = readLine() {
            if let cpuSeconds { Self.limit(cpuSecondsFromNow: cpuSeconds) }
            var reply = IsolatedExtraction.Reply()
            do { reply.record = try reader.read(path).record } catch let error as DocumentError { reply.error = error.description }
            catch { reply.error = "\(error)" }
            var data = (try? encoder.encode(reply)) ?? Data(#"{"error":"résultat impossible à écrire"}"#.utf8)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        }
    }

    /// Caps this process (a worker's reader) in address space; beyond it the allocation fails and the kernel stops
    /// the reader, not the worker. Time is bounded by the worker's deadline on each document.
    static func limit(memoryMB: Int?) {
        guard let memoryMB else { return }
        var limit = rlimit(rlim_cur: rlim_t(memoryMB) << 20, rlim_max: rlim_t(memoryMB) << 20)
        setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }

    /// The reader writes no file of its own: beyond 256 MB (an inflated worksheet spooled to disk, a ZIP bomb) the
    /// write fails, and the document with it. No core dumps either: a crash leaves nothing on disk.
    static func limitFiles() {
        var size = rlimit(rlim_cur: 256 << 20, rlim_max: 256 << 20)
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &size)
        // A write past the limit then fails with EFBIG instead of killing the reader with SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        var core = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(Int32(RLIMIT_CORE.rawValue), &core)
    }

    /// A document cannot make its reader start a program, create a process or reach the network. A kernel that
    /// refuses the filter leaves the reader working, unsandboxed, with a line on standard error for the worker's log.
    static func closeSandbox() {
        do { try ReaderSandbox.close() } catch {
            FileHandle.standardError.write(Data("eclaire extract : \(error)\n".utf8))
        }
    }

    /// CPU time is counted over the reader's life: before each document the limit is moved to what was used so
    /// far plus `seconds`. Past it the kernel stops the reader (SIGXCPU), whose worker fails that document alone
    /// (the worker's wall-clock deadline catches a reader that waits instead of computing).
    static func limit(cpuSecondsFromNow seconds: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let used = rlim_t(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1)
        // The hard limit stays open: a process may lower it but never raise it again for the next document.
        var limit = rlimit(rlim_cur: used + rlim_t(seconds), rlim_max: rlim_t.max)
        setrlimit(Int32(RLIMIT_CPU.rawValue), &limit)
    }

    static func french(_ report: ExtractionReport, _ facts: DocumentFacts) -> String {
        var lines = ["\(report.file) (\(report.textMethod))"]
        for key in FieldKey.allCases {
            guard let field = facts.fields[key] else { continue }
            lines.append("  \(key.label) : \(key.french(field.value))  [confiance \(Int((field.confidence * 100).rounded())) %]")
        }
        if !facts.invalidIDs.isEmpty { lines.append("  Identifiants invalides : \(facts.invalidIDs.joined(separator: ", "))") }
        let typed = report.typedFacts.flattened
        if !typed.isEmpty { lines.append("  Propre au type :") }
        for (path, fact) in typed {
            lines.append("    \(TypedFactLabels.label(path)) : \(TypedFactLabels.display(path, fact.value))  [confiance \(Int((fact.confidence * 100).rounded())) %]")
        }
        return lines.joined(separator: "\n")
    }
}
