#!/usr/bin/env bash
# Robustness load run of the HTTP service (not a test), next to load.sh:
#   1. cache-busting: 30 s at 32 connections, every request a new cache key with a large body
#      (/api/search?q=<one of 25 common words>&limit=100&offset=<0..39>&_=<counter>), server RSS sampled every
#      second, peak reported;
#   2. soak: 60 s at 32 connections rotating over 50 queries, RSS at the start and at the end.
# Targets: 0 errors (non-2xx and socket errors), peak RSS under 300 MB, no growth over the soak.
#
#   tests/XiqingSearch.Benchmarks/Server/stress.sh
#   BUST=10s SOAK=20s tests/XiqingSearch.Benchmarks/Server/stress.sh   # shorter
#
# Needs: wrk (apt-get install -y wrk), the SmartCn jar (lucene-analyzers-smartcn), curl, python3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
BUST="${BUST:-30s}"
SOAK="${SOAK:-60s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
PORT="${PORT:-5091}"
CACHE="${CACHE:-64}"
WORK="$(mktemp -d /tmp/xiqing-stress.XXXXXX)"
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

SERVER_PID=""
SAMPLER_PID=""
cleanup() {
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
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

echo "== starting the server on $BASE (index built into $WORK/index, cache $CACHE MB)"
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

rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status"; }

# Lua scripts for wrk, with the queries URL-encoded here (wrk's Lua has no encoder).
python3 - "$WORK" <<'PY'
import sys, urllib.parse
work = sys.argv[1]
common = ["的", "发展", "建设", "推进", "西青", "产业", "企业", "项目", "服务", "创新", "工作", "全面", "提升", "加强", "社会",
          "经济", "城市", "民生", "生态", "改革", "科技", "教育", "文化", "安全", "年"]
soak = common + ["天开西青园", "京津冀协同发展", "高质量发展", "营商环境", "乡村振兴", "智能制造", "新能源", "数字经济",
                 "中芯国际", "赛达新城", "生物医药", "招商引资", "城市更新", "人才", "养老", "医疗", "就业", "财政收入",
                 "2023年", "2024年", "西青 天开", "产业 OR 园区", "\"高质量发展\" year:2024", "教育 -学校", "科技创新 topic:科技创新"]
assert len(soak) == 50, len(soak)
enc = lambda q: urllib.parse.quote(q)
def lua(words, path):
    items = ", ".join('"%s"' % enc(w) for w in words)
    return "counter = 0\nlocal words = {%s}\nrequest = function()\n  counter = counter + 1\n  local w = words[(counter %% #words) + 1]\n  return wrk.format(\"GET\", %s)\nend\n" % (items, path)
open(work + "/bust.lua", "w").write(lua(common,
    '"/api/search?q=" .. w .. "&limit=100&offset=" .. (math.floor(counter / #words) % 40) .. "&_=" .. counter'))
open(work + "/soak.lua", "w").write(lua(soak, '"/api/search?q=" .. w'))
PY

errors() { # wrk output file -> non-2xx + socket errors
  local non2xx sock
  non2xx="$(awk '/Non-2xx/ { print $NF }' "$1")"
  sock="$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$1")"
  echo $(( ${non2xx:-0} + ${sock:-0} ))
}

echo "== warm-up: 5 s of the soak queries (JIT, first commit load)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$WORK/soak.lua" "$BASE" >/dev/null

echo "== cache-busting: $BUST at $CONNECTIONS connections"
START_BUST="$(rss_mb)"
( while kill -0 "$SERVER_PID" 2>/dev/null; do rss_mb >>"$WORK/rss.log"; echo >>"$WORK/rss.log"; sleep 1; done ) &
SAMPLER_PID=$!
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$BUST" --latency -s "$WORK/bust.lua" "$BASE" >"$WORK/bust.txt"
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
cat "$WORK/bust.txt"
PEAK_BUST="$(sort -n "$WORK/rss.log" | tail -1)"
HWM="$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status")"

echo "== soak: $SOAK at $CONNECTIONS connections over 50 queries"
START_SOAK="$(rss_mb)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SOAK" --latency -s "$WORK/soak.lua" "$BASE" >"$WORK/soak.txt"
END_SOAK="$(rss_mb)"
cat "$WORK/soak.txt"

B_RPS="$(awk '/Requests\/sec/ { print $2 }' "$WORK/bust.txt")"
S_RPS="$(awk '/Requests\/sec/ { print $2 }' "$WORK/soak.txt")"
B_ERR="$(errors "$WORK/bust.txt")"
S_ERR="$(errors "$WORK/soak.txt")"
B_P99="$(awk '$1 == "99%" { print $2 }' "$WORK/bust.txt")"
S_P99="$(awk '$1 == "99%" { print $2 }' "$WORK/soak.txt")"

echo
echo "| run | requests/s | p99 | errors | RSS MB |"
echo "|---|---:|---:|---:|---|"
echo "| cache-busting $BUST, $CONNECTIONS conn | $B_RPS | $B_P99 | $B_ERR | start $START_BUST, peak $PEAK_BUST (VmHWM $HWM) |"
echo "| soak $SOAK, 50 queries | $S_RPS | $S_P99 | $S_ERR | start $START_SOAK, end $END_SOAK |"

FAIL=0
[[ "$B_ERR" == 0 && "$S_ERR" == 0 ]] || { echo "target missed: errors"; FAIL=1; }
(( HWM < 300 )) || { echo "target missed: peak RSS >= 300 MB"; FAIL=1; }
[[ $FAIL == 0 ]] && echo "all targets met"
exit 0
