#!/usr/bin/env bash
# Requests per second of GET /api/risks?size=1 with a bearer token and with HTTP Basic, against a
# running Riskdesk, beside GET /actuator/health (no sign-in) as the baseline of the same run.
# Usage: bench/run-auth.sh [base URL, default http://localhost:8080]
# Environment: SECONDS_EACH (default 10), THREADS (default 4), ADMIN (default admin:demo), USER_CREDENTIALS (default alex:demo)
set -euo pipefail
cd "$(dirname "$0")"
base="${1:-http://localhost:8080}"
seconds="${SECONDS_EACH:-10}"
threads="${THREADS:-4}"
user="${USER_CREDENTIALS:-alex:demo}"
# A token for the user, revoked again on the way out.
created=$(curl -sf -u "${ADMIN:-admin:demo}" -H 'Content-Type: application/json' \
	-d "{\"name\": \"bench/run-auth.sh\", \"username\": \"${user%%:*}\"}" "$base/api/tokens")
secret=$(sed -E 's/.*"secret":"([^"]+)".*/\1/' <<<"$created")
id=$(sed -E 's/.*"token":\{"id":([0-9]+).*/\1/' <<<"$created")
trap 'curl -sf -o /dev/null -u "${ADMIN:-admin:demo}" -X DELETE "$base/api/tokens/$id"' EXIT

load() { java http/Load.java "$1" "$seconds" "$threads" "${2:-}"; }
health=$(load "$base/actuator/health")
bearer=$(load "$base/api/risks?size=1" "Bearer $secret")
basic=$(load "$base/api/risks?size=1" "Basic $(printf %s "$user" | base64)")
ratio() { awk -v a="$1" -v b="$health" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-45s %8s %8s\n' "request ($threads threads, ${seconds} s each)" "req/s" "ratio"
printf '%-45s %8s %8s\n' "GET /actuator/health (baseline, no sign-in)" "$health" "1.00"
printf '%-45s %8s %8s\n' "GET /api/risks?size=1, bearer token" "$bearer" "$(ratio "$bearer")"
printf '%-45s %8s %8s\n' "GET /api/risks?size=1, HTTP Basic" "$basic" "$(ratio "$basic")"
