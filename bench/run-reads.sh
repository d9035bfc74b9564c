#!/usr/bin/env bash
# Reads at scale against a running Riskdesk whose database holds the large data set
# (bench/generate-dataset.sh: 10,000 accounts, 100,000 risks): register pages of 50 (first and deep,
# numbered and by cursor, a few filters and sorts), the dashboard, an account page and its risks, beside
# GET /actuator/health and a primary-key read (GET /api/risks/{key}) as baselines of the same run; then
# the CSV export of every risk, timed, with the application's RSS before and after when APP_PID is set.
# Usage: bench/run-reads.sh [base URL, default http://localhost:8080]
# Environment: SECONDS_EACH (10), THREADS (16), USER_CREDENTIALS (alex:demo), APP_PID (the app's process id)
set -euo pipefail
cd "$(dirname "$0")"
base="${1:-http://localhost:8080}"
seconds="${SECONDS_EACH:-10}"
threads="${THREADS:-16}"
user="${USER_CREDENTIALS:-alex:demo}"
api() { curl -sf -u "$user" "$base$1"; }
# A risk and an account of the data set, and the cursor of a page deep in the register.
key=$(api "/api/risks?size=1&sort=key" | sed -E 's/.*"key":"([^"]+)".*/\1/')
account=$(api "/api/risks?size=1&sort=key" | sed -E 's/.*"account":\{"id":([0-9]+).*/\1/')
unresolved='status=OPEN&status=TRIAGED&status=ACTIVE'
after=""
for _ in 1 2 3 4 5 6 7 8 9 10; do   # 10 pages of 200 in: the cursor of row 2,000
	after=$(api "/api/risks/scroll?size=200${after:+&after=$after}" | sed -E 's/.*"next":"([^"]+)".*/\1/')
done
paths=(
	"/actuator/health"
	"/api/risks/$key"
	"/api/risks?size=50"
	"/api/risks/scroll?size=50"
	"/api/risks?size=50&page=1000"
	"/api/risks/scroll?size=50&after=$after"
	"/api/risks?size=50&$unresolved"
	"/api/risks?size=50&$unresolved&sort=nextDueAt"
	"/api/risks?size=50&$unresolved&slaStatus=BREACHED"
	"/api/risks?size=50&sort=title"
	"/api/risks?size=50&sort=account"
	"/api/risks?size=50&accountId=$account"
	"/risks?$unresolved"
	"/"
	"/accounts/$account"
	"/accounts/$account/risks"
)
printf 'path (%d threads, %d s each)\treq/s\tp50 ms\tp99 ms\n' "$threads" "$seconds"
java http/Latency.java "$base" "$seconds" "$threads" "$user" "${paths[@]}" | tee /tmp/run-reads.$$ |
	awk -F'\t' 'NR == 1 { health = $2; p99 = $4 }
		{ printf "%-70s %7s %8s %8s   x%.2f thr  x%.1f p99\n", substr($1, 1, 70), $2, $3, $4, $2 / health, $4 / p99 }'
rm -f /tmp/run-reads.$$
rss() { [ -n "${APP_PID:-}" ] && awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$APP_PID/status" || echo "n/a (set APP_PID)"; }
before=$(rss)
# The export signs in through the form like the browser does: the CSV is a page's download.
jar=$(mktemp)
csrf=$(curl -sf -c "$jar" "$base/login" | sed -nE 's/.*name="_csrf"[^>]*value="([^"]+)".*/\1/p' | head -1)
curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=${user%%:*}" --data-urlencode "password=${user#*:}" \
	--data-urlencode "_csrf=$csrf" "$base/login"
csv=$(curl -sf -b "$jar" -o /tmp/run-reads.csv -w '%{time_total} %{size_download}' "$base/risks.csv?q=")
rm -f "$jar"
printf 'CSV export of every risk: %s rows, %.1f MB in %.2f s; RSS before %s, after %s\n' \
	"$(($(wc -l </tmp/run-reads.csv) - 1))" "$(awk -v b="${csv#* }" 'BEGIN { print b / 1048576 }')" "${csv% *}" "$before" "$(rss)"
rm -f /tmp/run-reads.csv
