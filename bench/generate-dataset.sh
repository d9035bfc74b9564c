#!/usr/bin/env bash
# Fills a Riskdesk database with a generated data set (deterministic by seed; see docs/operations.md,
# "Large data set"), e.g.
#   bench/generate-dataset.sh --seed 42 --accounts 10000 --risks 100000                 # into ./data/postgres
#   bench/generate-dataset.sh --jdbc-url jdbc:postgresql://localhost/riskdesk --user riskdesk --password secret
# Refuses a database that holds accounts or risks unless given --replace. --data-dir is relative to the
# directory it is run from; the app must not be running on it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# test-compile: Riskdesk's classes and test classes (the generator is one), and the benchmarks; no tests run.
(cd "$root" && ./mvnw -q -B -f bench/pom.xml test-compile)
java -cp "$(cat "$root/bench/jmh/target/classpath")" io.riskdesk.demo.dataset.DatasetCommand "$@"
