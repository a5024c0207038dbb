#!/usr/bin/env bash
# Load benchmark of the HTTP service (not a test): wrk against /api/search with a phrase query and against the
# trivial /healthz of the same server, 30 s each at 32 connections on loopback; prints requests/s, p50/p99,
# errors, the ratio search/trivial and the server's peak memory (VmHWM). Targets: 0 errors, search p99 < 5 ms,
# search rps >= 0.5 x trivial rps, peak memory < 300 MB.
#
#   tests/XiqingSearch.Benchmarks/Server/load.sh            # response cache on (as deployed)
#   CACHE=0 tests/XiqingSearch.Benchmarks/Server/load.sh    # every request really searches
#
# Needs: wrk (apt-get install -y wrk), the SmartCn jar (lucene-analyzers-smartcn), curl.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
PORT="${PORT:-5090}"
CACHE="${CACHE:-64}"
QUERY="${QUERY:-天开西青园}"
WORK="$(mktemp -d /tmp/xiqing-load.XXXXXX)"
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building Release into $WORK/bin"
dotnet build "$ROOT/src/XiqingSearch.Server/XiqingSearch.Server.csproj" -c Release -o "$WORK/bin" -v q -nologo >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; exit 1; }

echo "== starting the server on $BASE (index built into $WORK/index)"
XIQING_INDEX="$WORK/index" XIQING_SEEDS="$ROOT/seeds" \
  dotnet "$WORK/bin/XiqingSearch.Server.dll" --urls "$BASE" --Logging:LogLevel:Default=Warning \
  --Xiqing:SearchCacheMegabytes="$CACHE" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 600); do
  if curl -fsS "$BASE/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited:"; cat "$WORK/server.log"; exit 1; }
  sleep 0.2
done
curl -fsS "$BASE/readyz" >/dev/null || { echo "server not ready"; cat "$WORK/server.log"; exit 1; }

Q="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$QUERY")"
SEARCH="$BASE/api/search?q=$Q"
HITS="$(curl -fsS "$SEARCH" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["totalHits"], d["totalOccurrences"])')"
echo "== query $QUERY: totalHits totalOccurrences = $HITS"

run() { # name url
  local name="$1" url="$2"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$url" >/dev/null # warm-up (JIT, caches)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" >"$WORK/$name.txt"
  cat "$WORK/$name.txt"
}

to_ms() { # wrk latency (850.00us, 1.20ms, 2.00s) -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

summary() { # name -> "rps p50 p99 errors"
  local f="$WORK/$1.txt"
  local rps p50 p99 non2xx sock
  rps="$(awk '/Requests\/sec/ { print $2 }' "$f")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$f")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$f")")"
  non2xx="$(awk '/Non-2xx/ { print $NF }' "$f")"
  sock="$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$f")"
  echo "$rps $p50 $p99 $(( ${non2xx:-0} + ${sock:-0} ))"
}

echo "== wrk: search ($DURATION, $CONNECTIONS connections, cache $CACHE MB)"
run search "$SEARCH"
echo "== wrk: trivial /healthz"
run trivial "$BASE/healthz"

PEAK_KB="$(awk '/VmHWM/ { print $2 }' "/proc/$SERVER_PID/status")"
read -r S_RPS S_P50 S_P99 S_ERR <<<"$(summary search)"
read -r T_RPS T_P50 T_P99 T_ERR <<<"$(summary trivial)"
RATIO="$(awk -v s="$S_RPS" -v t="$T_RPS" 'BEGIN { printf "%.2f", s / t }')"

echo
echo "| endpoint | requests/s | p50 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|"
echo "| /api/search?q=$QUERY | $S_RPS | $S_P50 | $S_P99 | $S_ERR |"
echo "| /healthz | $T_RPS | $T_P50 | $T_P99 | $T_ERR |"
echo
echo "ratio search/trivial: $RATIO   peak memory (VmHWM): $(( PEAK_KB / 1024 )) MB   cache: $CACHE MB"

FAIL=0
[[ "$S_ERR" == 0 && "$T_ERR" == 0 ]] || { echo "target missed: errors"; FAIL=1; }
awk -v p="$S_P99" 'BEGIN { exit !(p < 5) }' || { echo "target missed: search p99 >= 5 ms"; FAIL=1; }
awk -v r="$RATIO" 'BEGIN { exit !(r >= 0.5) }' || { echo "target missed: ratio < 0.5"; FAIL=1; }
(( PEAK_KB < 300 * 1024 )) || { echo "target missed: memory >= 300 MB"; FAIL=1; }
[[ $FAIL == 0 ]] && echo "all targets met"
exit 0
