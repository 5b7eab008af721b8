import Documents
import EclaireCLI

OCRThreads.limitToOneThenRun()
await EclaireCommandLine.main(CommandLine.arguments)
