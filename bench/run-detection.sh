#!/usr/bin/env bash
# Seconds of one full detection pass (DetectionRules.findings, every account) over a generated portfolio
# in a fresh embedded PostgreSQL, against a hand-written SQL statement of the same adoption and support
# aggregates. Arguments: seed, accounts, days (default 42 10000 180), e.g. bench/run-detection.sh 42 2000 180
set -euo pipefail
cd "$(dirname "$0")/.."
# test-compile: Riskdesk's classes and test classes, and the benchmarks; no tests run, no jar built.
./mvnw -q -B -f bench/pom.xml test-compile
java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/classpath)" io.riskdesk.bench.DetectionPassBenchmark "$@"
