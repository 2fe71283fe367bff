"""Benchmarks of the Large Model Primer: synthetic content, build overhead, cross-linking, reader budget.

Run by hand (`.venv/bin/python benchmarks/run.py`); results go to `benchmarks/out/` and BENCHMARKS.md.
Times are measured here and never asserted in tests."""
