await BenchMain.run()
