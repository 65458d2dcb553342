"""`make bench`: measurements behind every number an issue asks for; see docs/benchmarks.md."""
