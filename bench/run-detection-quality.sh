#!/usr/bin/env bash
# Recall, precision and median lead time of the default detection rules on a generated portfolio the
# rules were not tuned on, backtested day by day against its truth.csv.
# Arguments: seed, accounts, days, every n-th day (default 7 2000 180 1), e.g. bench/run-detection-quality.sh 7 2000 180 3
set -euo pipefail
cd "$(dirname "$0")/.."
# test-compile: Riskdesk's classes and test classes, and the benchmarks; no tests run, no jar built.
./mvnw -q -B -f bench/pom.xml test-compile
java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/classpath)" io.riskdesk.bench.DetectionQualityBenchmark "$@"
