#!/usr/bin/env bash
# Measures NotesExtractor on the seed notes in ../shared/seeds against commonmark parsing them alone.
# Arguments go to JMH, e.g. bench/run-intake.sh -f 2 -i 10
set -euo pipefail
cd "$(dirname "$0")/.."
# test-compile: Riskdesk's classes and test classes, and the benchmarks; no tests run, no jar built.
./mvnw -q -B -f bench/pom.xml test-compile
java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/classpath)" io.riskdesk.bench.IntakeExtractionBenchmark "$@"
