#!/bin/bash
# Four concurrent CSV exports against a `xiqing serve` process; prints the server's idle and peak RSS (VmHWM) and
# the wall time. Usage: export-load.sh XIQING_DLL COPIES [PORT] [WORKDIR]
# The corpus is each seed copied COPIES times with one distinct line appended (so no copy is folded into another).
set -euo pipefail
dll=$1; copies=$2; port=${3:-18790}; dir=${4:-$(mktemp -d)}
seeds=$(cd "$(dirname "$0")/../../../seeds" && pwd)
if [ ! -d "$dir/index" ]; then
  mkdir -p "$dir/seeds"
  for f in "$seeds"/*.txt; do
    name=$(basename "$f" .txt)
    for c in $(seq 0 $((copies - 1))); do { cat "$f"; printf '\n\n副本编号%s。\n' "$c"; } > "$dir/seeds/$name~$c.txt"; done
  done
  (cd "$dir" && dotnet "$dll" index > index.log)
fi
cd "$dir"
dotnet "$dll" serve --urls "http://127.0.0.1:$port" --Xiqing:Answers:MaxCsvRows=10000000 > serve.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/readyz" && break; sleep 0.5; done
curl -s -o /dev/null "http://127.0.0.1:$port/api/search?q=%E5%8F%91%E5%B1%95"
idle=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
start=$(date +%s.%N)
pids=""
for n in 1 2 3 4; do
  curl -s -o "out-$n.csv" -w "%{http_code} %{size_download} bytes %{time_total} s\n" "http://127.0.0.1:$port/api/search?q=%E5%8F%91%E5%B1%95&format=csv" &
  pids="$pids $!"
done
# shellcheck disable=SC2086
wait $pids
end=$(date +%s.%N)
sleep 1
echo "idle VmHWM $idle kB; peak VmHWM $(awk '/VmHWM/ {print $2}' /proc/$pid/status) kB; wall $(echo "$end - $start" | bc) s; load $(cut -d' ' -f1 /proc/loadavg)"
