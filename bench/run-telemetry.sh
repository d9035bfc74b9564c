#!/usr/bin/env bash
# Usage rows per second through POST /api/telemetry/usage of a running Riskdesk, beside a raw COPY of
# the same CSV file into a plain table on the same database (the baseline of the same run).
# Usage: bench/run-telemetry.sh [base URL, default http://localhost:8080]
# Environment: ROWS (default 500000), JDBC_URL (default the embedded database on port 15432, see
# bench/README.md), USER_CREDENTIALS (default alex:demo)
set -euo pipefail
cd "$(dirname "$0")"
base="${1:-http://localhost:8080}"
driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
java -cp "$driver" http/TelemetryLoad.java "$base" \
	"${JDBC_URL:-jdbc:postgresql://localhost:15432/postgres?user=postgres&password=postgres}" \
	"${ROWS:-500000}" "${USER_CREDENTIALS:-alex:demo}"
