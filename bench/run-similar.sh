#!/usr/bin/env bash
# Milliseconds of the similar-risks statement over 100,000 closed risks in a fresh embedded PostgreSQL, against
# a primary-key read of the asked risk. Arguments: closed risks, asked risks (default 100000 500),
# e.g. bench/run-similar.sh 20000 200
set -euo pipefail
cd "$(dirname "$0")/.."
# test-compile: Riskdesk's classes and test classes, and the benchmarks; no tests run, no jar built.
./mvnw -q -B -f bench/pom.xml test-compile
java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/classpath)" io.riskdesk.bench.SimilarRisksBenchmark "$@"
