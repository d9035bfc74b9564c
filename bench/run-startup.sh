#!/usr/bin/env bash
# Start-up of one node on the embedded default, started as a user does (./mvnw spring-boot:run):
#   1. first run on an empty data directory: JVM start -> readiness UP, including initdb, the migrations
#      and the demo load (whose own time the application logs);
#   2. RUNS (default 3) restarts on that existing data directory: JVM start -> readiness UP (median);
#   3. idle RSS of the node's JVM (ps -o rss) RSS_WAIT seconds after it is ready, and of its PostgreSQL;
# with baselines from the same run: a JVM starting a trivial class, and the embedded PostgreSQL's start
# alone (from the application's log). "JVM start" is the forked application JVM's process start
# (/proc, 10 ms resolution), so Maven's own start-up is not counted (it is printed apart).
# Usage: bench/run-startup.sh            (PORT, RUNS, RSS_WAIT from the environment)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18480}
RUNS=${RUNS:-3}
RSS_WAIT=${RSS_WAIT:-10}
WORK=target/bench-startup
rm -rf "$WORK" && mkdir -p "$WORK"
DATA=$PWD/$WORK/postgres
TICKS=$(getconf CLK_TCK)

now_ms() { date +%s%3N; }
# A process's start as epoch milliseconds: now minus its age, from /proc/uptime and /proc/<pid>/stat
# (field 22: its start in jiffies after boot), both to 10 ms.
started_ms() {
  local up now
  read -r up _ < /proc/uptime
  now=$(now_ms)
  awk -v up="$up" -v now="$now" -v hz="$TICKS" '{ sub(/^.*\) /, ""); printf "%.0f\n", now - (up - $20 / hz) * 1000 }' "/proc/$1/stat"
}
# Milliseconds between the first log lines matching two patterns (ISO timestamps at the start of a line).
log_ms() {
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys
from datetime import datetime
def at(pattern):
    for line in open(sys.argv[1], errors="replace"):
        if re.search(pattern, line):
            return datetime.fromisoformat(line[:23])
print(int((at(sys.argv[3]) - at(sys.argv[2])).total_seconds() * 1000))
PY
}

./mvnw -q -B -o compile 2>/dev/null || ./mvnw -q -B compile

# Baseline: a JVM that starts, runs a trivial main and exits.
mkdir -p "$WORK/trivial" && printf 'public class Trivial { public static void main(String[] a) { } }\n' > "$WORK/trivial/Trivial.java"
javac -d "$WORK/trivial" "$WORK/trivial/Trivial.java"
trivial=()
for _ in 1 2 3; do t0=$(now_ms); java -cp "$WORK/trivial" Trivial; trivial+=($(( $(now_ms) - t0 ))); done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
TRIVIAL=$(median "${trivial[@]}")

APP_PID=
stop() { if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; while kill -0 "$APP_PID" 2>/dev/null; do sleep 0.2; done; fi; APP_PID=; wait 2>/dev/null || true; }
trap stop EXIT

# Starts the node, waits for readiness; sets READY_MS (JVM start -> UP), MAVEN_MS (command -> JVM start), APP_PID.
start() {
  local log=$1 t0 jvm
  t0=$(now_ms)
  ./mvnw -q -B -o spring-boot:run -Dspring-boot.run.arguments="--server.port=$PORT --riskdesk.embedded-database.data-directory=$DATA --riskdesk.notifications.outbox-directory=$PWD/$WORK/outbox --riskdesk.backup.directory=$PWD/$WORK/backups" > "$log" 2>&1 &
  APP_PID=
  until [ -n "$APP_PID" ]; do APP_PID=$(pgrep -f "io.riskdesk.RiskdeskApplication.*--server.port=$PORT" | head -1 || true); sleep 0.05; done
  jvm=$(started_ms "$APP_PID")
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the node died, see $log" >&2; exit 1; }
    sleep 0.1
  done
  READY_MS=$(( $(now_ms) - jvm ))
  MAVEN_MS=$(( jvm - t0 ))
}

start "$WORK/first-run.log"
FIRST=$READY_MS
DEMO=$(grep -o 'demo data loaded in [0-9]* ms' "$WORK/first-run.log" | grep -o '[0-9]*' | head -1 || echo "?")
INITDB=$(log_ms "$WORK/first-run.log" 'Starting embedded PostgreSQL' 'Embedded PostgreSQL is up')
stop

ready=()
for run in $(seq "$RUNS"); do
  start "$WORK/restart-$run.log"
  ready+=("$READY_MS")
  if [ "$run" = "$RUNS" ]; then
    sleep "$RSS_WAIT"
    RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
    PG_PIDS=$(pgrep -f "postgres -D $DATA" || true)
    PG_KB=0; for p in $PG_PIDS $(for p in $PG_PIDS; do pgrep -P "$p"; done); do PG_KB=$(( PG_KB + $(ps -o rss= -p "$p" | tr -d ' ' || echo 0) )); done
  fi
  PG_START=$(log_ms "$WORK/restart-$run.log" 'Starting embedded PostgreSQL' 'Embedded PostgreSQL is up')
  stop
done
READY=$(median "${ready[@]}")

printf '\nStart-up (embedded default, %s restarts, load average %s)\n' "$RUNS" "$(cut -d' ' -f1 /proc/loadavg)"
printf '  baseline: a JVM starting a trivial class             %6d ms\n' "$TRIVIAL"
printf '  baseline: embedded PostgreSQL start (existing data)  %6d ms\n' "$PG_START"
printf '  ready, existing data (median of %s: %s)   %6d ms   ratio to the trivial JVM %.1f   target 6000 ms\n' \
  "$RUNS" "${ready[*]}" "$READY" "$(echo "$READY / $TRIVIAL" | bc -l)"
printf '  ready, first run (initdb %d ms, demo load)          %6d ms\n' "$INITDB" "$FIRST"
printf '  demo load (first run)                                %6s ms   target 3000 ms\n' "$DEMO"
printf '  Maven before the JVM (last start, not counted)       %6d ms\n' "$MAVEN_MS"
printf '  idle RSS after %ss: JVM %d MB (target 400 MB), its PostgreSQL %d MB\n' "$RSS_WAIT" $(( RSS_KB / 1024 )) $(( PG_KB / 1024 ))
