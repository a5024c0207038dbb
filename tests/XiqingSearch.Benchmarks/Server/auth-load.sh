#!/usr/bin/env bash
# Load benchmark of sign-in (not a test): uncached search throughput (response cache off, so every request really
# searches) with auth off, with an API key on every request, and with an API key and the audit log on. Three
# servers over one index, measured in turns (off, key, key+audit, off, …) so that the load of a shared machine
# falls on all of them alike; prints each run and the median requests/s per mode. Target: auth on within 10% of off.
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

rps() { # port header... -> requests/s of one run
  local port="$1"; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@" "http://127.0.0.1:$port$PATHQ" \
    | awk '/Non-2xx/ { bad = $NF } /Requests\/sec/ { r = $2 } END { if (bad > 0) print "ERR" bad; else print r }'
}

declare -A RUNS=([off]="" [key]="" [audit]="")
for mode in off key audit; do # warm-up (JIT)
  case $mode in off) p=$PORT ;; key) p=$((PORT + 1)) ;; audit) p=$((PORT + 2)) ;; esac
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "X-Api-Key: $KEY" "http://127.0.0.1:$p$PATHQ" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  # The order turns each round, so that no mode always runs first or last in a round.
  case $((round % 3)) in
    1) off="$(rps "$PORT")"; key="$(rps "$((PORT + 1))" -H "X-Api-Key: $KEY")"; audit="$(rps "$((PORT + 2))" -H "X-Api-Key: $KEY")" ;;
    2) key="$(rps "$((PORT + 1))" -H "X-Api-Key: $KEY")"; audit="$(rps "$((PORT + 2))" -H "X-Api-Key: $KEY")"; off="$(rps "$PORT")" ;;
    0) audit="$(rps "$((PORT + 2))" -H "X-Api-Key: $KEY")"; off="$(rps "$PORT")"; key="$(rps "$((PORT + 1))" -H "X-Api-Key: $KEY")" ;;
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
echo
echo "audit lines written: $LINES; query $QUERY, cache off, $CONNECTIONS connections, $ROUNDS rounds of $DURATION"
