import Documents

OCRThreads.limitToOneThenRun()
await BenchMain.run()
