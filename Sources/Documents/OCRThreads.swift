import Foundation

/// Tesseract's OpenMP threads read `OMP_THREAD_LIMIT` once, when the library is loaded at process start: setting it
/// later changes nothing, and on two cores its threads spin against each other (a page took 5 times longer). The
/// executables call this first: without the variable, the process runs itself again with it.
public enum OCRThreads {
    public static func limitToOneThenRun() {
        guard ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", arguments)
        // execv returns only on failure: go on with the threads as they are.
    }
}
