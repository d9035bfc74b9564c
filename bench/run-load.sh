#!/usr/bin/env bash
# Load through HAProxy on a running cluster (bench/run-cluster.sh start ...), with wrk (Debian's package):
# at each client count, /actuator/health (the baseline), register pages of 50, and a 90/10 mix of reads and
# writes (PATCH with If-Match, new milestones); then the mix again with one node killed (kill -9) halfway,
# and a check in the database that every acknowledged write is there exactly once. bench/README.md explains it.
#
#   bench/run-load.sh [--clients "1 16 64"] [--duration 15] [--kill-clients 16] [--no-kill]
#
# Credentials: an API token is created for the run as user ADMIN_USER (default admin) with ADMIN_PASSWORD
# (default admin), the cluster's administrator. The database check uses psql on the cluster's JDBC URL
# (PGUSER defaults to postgres, the embedded server's user).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CLIENTS="1 16 64"
DURATION=15
KILL_CLIENTS=16
KILL=1
while [ $# -gt 0 ]; do
	case "$1" in
		--clients) CLIENTS=$2; shift 2 ;;
		--duration) DURATION=$2; shift 2 ;;
		--kill-clients) KILL_CLIENTS=$2; shift 2 ;;
		--no-kill) KILL=0; shift ;;
		*) echo "run-load: unknown argument $1" >&2; exit 2 ;;
	esac
done
ENV_FILE="$ROOT/bench/target/cluster/cluster.env"
[ -f "$ENV_FILE" ] || { echo "run-load: no cluster running; start one with bench/run-cluster.sh start" >&2; exit 1; }
# shellcheck disable=SC1090
. "$ENV_FILE"
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -q wrk >/dev/null; } \
	|| { echo "run-load: wrk is missing: apt-get install wrk" >&2; exit 1; }
OUT="$ROOT/bench/target/load"
mkdir -p "$OUT"
RUN=$(date +%s)
export PGUSER=${PGUSER:-postgres}
PSQL_URL=${JDBC_URL#jdbc:}
PSQL_URL=${PSQL_URL%%\?*}
sql() { psql "$PSQL_URL" -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }

token=$(curl -sf -u "${ADMIN_USER:-admin}:${ADMIN_PASSWORD:-admin}" -H 'Content-Type: application/json' \
	-d "{\"name\": \"load-$RUN\", \"username\": \"${ADMIN_USER:-admin}\"}" "$URL/api/tokens" \
	| python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')
# The risks the writes go to: unresolved ones, as a CS team edits them.
sql -c "select risk_key from risk where status in ('OPEN', 'TRIAGED', 'ACTIVE') order by risk_key limit 1000" >"$OUT/keys"
[ -s "$OUT/keys" ] || { echo "run-load: the database has no unresolved risk to write to" >&2; exit 1; }

# wrk with one connection per thread; prints "rps p50 p99 errors socket-errors acked refused".
# Modes: health (the baseline: the same wrk, the same HAProxy, the cheapest endpoint there is), register, mix.
load() { # name clients mode
	local clients=$2
	LOAD_MODE=$3 LOAD_RUN="$RUN-$1-$clients" LOAD_TOKEN=$token LOAD_KEYS="$OUT/keys" LOAD_THREADS=$clients \
		LOAD_OUT="$OUT/$1-$clients" wrk -t "$clients" -c "$clients" -d "${DURATION}s" --timeout 30s --latency \
		-s bench/load/mix.lua "$URL" | grep '^RESULT' | cut -d' ' -f2-
}

# Every acknowledged write exactly once; an unanswered or refused one at most once.
check() { # name
	sql -c "create temp table written (kind text, risk_key text, text text, status text, detail text)" \
		-c "\\copy written (kind, risk_key, text) from '$OUT/$1.acked'" \
		-c "update written set status = 'acked' where status is null" \
		-c "\\copy written (kind, risk_key, text) from '$OUT/$1.unanswered'" \
		-c "\\copy written (kind, risk_key, text, status, detail) from '$OUT/$1.refused'" \
		-c "update written set status = 'unanswered' where status is null" \
		-c "select count(*) filter (where status = 'acked'),
		           count(*) filter (where status = 'acked' and found = 0),
		           count(*) filter (where found > 1),
		           count(*) filter (where status <> 'acked'),
		           count(*) filter (where status <> 'acked' and found = 1)
		    from (select w.status, case w.kind
		                 when 'patch' then (select count(*) from timeline_entry t where t.risk_key = w.risk_key and t.after_value = w.text)
		                 else (select count(*) from cap_milestone m where m.title = w.text) end as found
		          from written w) x" | tail -1 | tr '|' ' '
}

printf '%-8s %-22s %10s %9s %9s %7s %7s\n' clients endpoint 'req/s' 'p50 ms' 'p99 ms' errors socket
for clients in $CLIENTS; do
	read -r h_rps h_p50 h_p99 h_err h_sock _ <<<"$(load health "$clients" health)"
	read -r r_rps r_p50 r_p99 r_err r_sock _ <<<"$(load register "$clients" register)"
	read -r m_rps m_p50 m_p99 m_err m_sock _ <<<"$(load mix "$clients" mix)"
	printf '%-8s %-22s %10s %9s %9s %7s %7s\n' "$clients" "health (baseline)" "$h_rps" "$h_p50" "$h_p99" "$h_err" "$h_sock" \
		"$clients" "register page of 50" "$r_rps" "$r_p50" "$r_p99" "$r_err" "$r_sock" \
		"$clients" "90/10 reads/writes" "$m_rps" "$m_p50" "$m_p99" "$m_err" "$m_sock"
	python3 -c "import sys; h, r, hp, rp = map(float, sys.argv[1:]); print(f'{\"\":8} register / health: throughput {r / h:.2f}x (target >= 0.5), p99 {rp / hp:.1f}x (target <= 4)')" \
		"$h_rps" "$r_rps" "$h_p99" "$r_p99"
	read -r acked lost doubled doubt doubt_found <<<"$(check "mix-$clients")"
	echo "         writes: $acked acknowledged, $lost lost, $doubled doubled"
done

if [ "$KILL" = 1 ]; then
	echo
	echo "Kill -9 of node 2 (PID $NODE2_PID) halfway through the mix at $KILL_CLIENTS clients, ${DURATION}s:"
	(sleep "$((DURATION / 2))"; kill -9 "$NODE2_PID"; echo "  killed node 2 at $(date +%T)") &
	read -r k_rps k_p50 k_p99 k_err k_sock k_acked k_refused <<<"$(load kill "$KILL_CLIENTS" mix)"
	wait
	read -r acked lost doubled doubt doubt_found <<<"$(check "kill-$KILL_CLIENTS")"
	printf '  %s req/s, p50 %s ms, p99 %s ms; failed: %s answers >= 400, %s socket errors (at most %s requests were in flight)\n' \
		"$k_rps" "$k_p50" "$k_p99" "$k_err" "$k_sock" "$KILL_CLIENTS"
	echo "  writes: $acked acknowledged, $lost lost, $doubled doubled; $doubt without a 2xx answer, $doubt_found of them written"
	echo "  Node 2 again: bench/run-cluster.sh node 2"
fi
