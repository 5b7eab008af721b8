print("eclaire-bench: see docs/BENCHMARKS.md")
