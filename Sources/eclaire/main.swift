import EclaireCLI

await EclaireCommandLine.main(CommandLine.arguments)
