#!/usr/bin/env bash
# Load benchmark of sign-in (not a test): uncached search throughput (response cache off, so every request really
# searches) with auth off, with an API key on every request, and with an API key and the audit log on. Three
# servers over one index, measured in turns (off, key, key+audit, off, …) so that the load of a shared machine
# falls on all of them alike; prints each run and the median requests/s per mode, and the server's CPU time per
# request (user + system, from /proc: what a request costs, which the load of a shared machine disturbs far less
# than requests/s). Target: auth on within 10% of off.
#
#   tests/XiqingSearch.Benchmarks/Server/auth-load.sh
#   BIN=src/XiqingSearch.Server/bin/Release/net10.0 ROUNDS=5 DURATION=20s tests/XiqingSearch.Benchmarks/Server/auth-load.sh
#
# Needs: wrk (apt-get install -y wrk), curl, python3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
DURATION="${DURATION:-15s}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PORT="${PORT:-5190}"
QUERY="${QUERY:-天开西青园}"
WORK="$(mktemp -d /tmp/xiqing-auth-load.XXXXXX)"
INDEX="${INDEX:-$WORK/index}"   # an index folder built before saves the build

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -z "${BIN:-}" ]]; then
  echo "== building Release into $WORK/bin"
  dotnet build "$ROOT/src/XiqingSearch.Server/XiqingSearch.Server.csproj" -c Release -o "$WORK/bin" -v q -nologo >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log"; exit 1; }
  BIN="$WORK/bin"
fi

# An API key, as `xiqing keys add` writes it: the SHA-256 of the key, never the key.
KEY="xq_load-benchmark-key"
HASH="$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)"
printf '{"name":"load","sha256":"%s","groups":["xq-planning"]}\n' "$HASH" >"$WORK/keys.jsonl"

start() { # name port extra-args...
  local name="$1" port="$2"; shift 2
  XIQING_INDEX="$INDEX" XIQING_SEEDS="$ROOT/seeds" \
    dotnet "$BIN/XiqingSearch.Server.dll" --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning \
    --Xiqing:SearchCacheMegabytes=0 "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 900); do
    if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then return; fi
    sleep 0.2
  done
  echo "$name not ready"; cat "$WORK/$name.log"; exit 1
}

echo "== starting three servers (index $INDEX)"
start off "$PORT"
start key "$((PORT + 1))" --Xiqing:Auth:ApiKeysFile="$WORK/keys.jsonl"
start audit "$((PORT + 2))" --Xiqing:Auth:ApiKeysFile="$WORK/keys.jsonl" --audit-log "$WORK/audit/audit.jsonl"

Q="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$QUERY")"
PATHQ="/api/search?q=$Q"
curl -fsS -H "X-Api-Key: $KEY" "http://127.0.0.1:$((PORT + 1))/api/me"; echo

declare -A PID_OF=([$PORT]="${PIDS[0]}" [$((PORT + 1))]="${PIDS[1]}" [$((PORT + 2))]="${PIDS[2]}")
declare -A CPU_US=([$PORT]=0 [$((PORT + 1))]=0 [$((PORT + 2))]=0)
declare -A REQUESTS=([$PORT]=0 [$((PORT + 1))]=0 [$((PORT + 2))]=0)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }   # utime + stime, clock ticks
rps() { # port header... -> requests/s of one run; adds the server's CPU time and requests to the totals
  local port="$1"; shift
  local before after out
  before="$(ticks "${PID_OF[$port]}")"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@" "http://127.0.0.1:$port$PATHQ")"
  after="$(ticks "${PID_OF[$port]}")"
  CPU_US[$port]=$(( CPU_US[$port] + (after - before) * 1000000 / $(getconf CLK_TCK) ))
  REQUESTS[$port]=$(( REQUESTS[$port] + $(echo "$out" | awk '/requests in/ { print $1 }') ))
  echo "$out" | awk '/Non-2xx/ { bad = $NF } /Requests\/sec/ { r = $2 } END { if (bad > 0) print "ERR" bad; else print r }'
}

declare -A RUNS=([off]="" [key]="" [audit]="")
for mode in off key audit; do # warm-up (JIT)
  case $mode in off) p=$PORT ;; key) p=$((PORT + 1)) ;; audit) p=$((PORT + 2)) ;; esac
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "X-Api-Key: $KEY" "http://127.0.0.1:$p$PATHQ" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  # The order turns each round, so that no mode always runs first or last in a round.
  # rps runs in this shell (not in $(…)) so that its CPU and request totals stay; its answer goes through a file.
  one() { rps "$@" >"$WORK/rps"; cat "$WORK/rps"; }
  case $((round % 3)) in
    1) one "$PORT"; one "$((PORT + 1))" -H "X-Api-Key: $KEY"; one "$((PORT + 2))" -H "X-Api-Key: $KEY" ;;
    2) one "$((PORT + 1))" -H "X-Api-Key: $KEY"; one "$((PORT + 2))" -H "X-Api-Key: $KEY"; one "$PORT" ;;
    0) one "$((PORT + 2))" -H "X-Api-Key: $KEY"; one "$PORT"; one "$((PORT + 1))" -H "X-Api-Key: $KEY" ;;
  esac >"$WORK/round"
  case $((round % 3)) in
    1) { read -r off; read -r key; read -r audit; } <"$WORK/round" ;;
    2) { read -r key; read -r audit; read -r off; } <"$WORK/round" ;;
    0) { read -r audit; read -r off; read -r key; } <"$WORK/round" ;;
  esac
  echo "round $round: off $off   api key $key   api key + audit log $audit   (requests/s)"
  RUNS[off]+="$off "; RUNS[key]+="$key "; RUNS[audit]+="$audit "
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
M_OFF="$(echo "${RUNS[off]}" | median)"
M_KEY="$(echo "${RUNS[key]}" | median)"
M_AUDIT="$(echo "${RUNS[audit]}" | median)"
LINES="$(cat "$WORK"/audit/*.jsonl | wc -l)"
echo
echo "| mode | median requests/s | vs off |"
echo "|---|---:|---:|"
echo "| auth off | $M_OFF | 100% |"
echo "| API key (X-Api-Key on every request) | $M_KEY | $(awk -v a="$M_KEY" -v b="$M_OFF" 'BEGIN { printf "%.1f%%", 100 * a / b }') |"
echo "| API key + audit log | $M_AUDIT | $(awk -v a="$M_AUDIT" -v b="$M_OFF" 'BEGIN { printf "%.1f%%", 100 * a / b }') |"
cpu() { awk -v c="${CPU_US[$1]}" -v n="${REQUESTS[$1]}" 'BEGIN { printf "%.0f", c / n }'; }
C_OFF="$(cpu "$PORT")"; C_KEY="$(cpu "$((PORT + 1))")"; C_AUDIT="$(cpu "$((PORT + 2))")"
echo
echo "| mode | server CPU µs per request | vs off |"
echo "|---|---:|---:|"
echo "| auth off | $C_OFF | 100% |"
echo "| API key | $C_KEY | $(awk -v a="$C_KEY" -v b="$C_OFF" 'BEGIN { printf "%.1f%%", 100 * a / b }') |"
echo "| API key + audit log | $C_AUDIT | $(awk -v a="$C_AUDIT" -v b="$C_OFF" 'BEGIN { printf "%.1f%%", 100 * a / b }') |"
echo
echo "audit lines written: $LINES; query $QUERY, cache off, $CONNECTIONS connections, $ROUNDS rounds of $DURATION"
