#!/usr/bin/env bash
# Writes a generated portfolio (accounts, telemetry CSV files and the ground truth) into a folder;
# see docs/portfolio.md. e.g. bench/generate-portfolio.sh --seed 42 --accounts 10000 --days 180 --out target/portfolio
# (--out is relative to the directory it is run from).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# test-compile: Riskdesk's classes and test classes, and the benchmarks; no tests run, no jar built.
(cd "$root" && ./mvnw -q -B -f bench/pom.xml test-compile)
java -cp "$(cat "$root/bench/jmh/target/classpath")" io.riskdesk.demo.portfolio.PortfolioCommand "$@"
