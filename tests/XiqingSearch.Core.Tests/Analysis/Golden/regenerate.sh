#!/usr/bin/env bash
# Regenerates every golden TSV with the Java Lucene peer (needs a JDK 17; see ../shared/tools/lucene-peer).
# Inputs: the five seeds in the repo's seeds/ folder (tables seed-<name>.smartcn.tsv) and the hand-made
# edge-cases.txt and fuzz.txt here (written once by make-inputs.py).
# Run it whenever the SmartCn jar version changes, then commit the *.smartcn.tsv files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
peer="${XIQING_PEER:-$root/../shared/tools/lucene-peer/run.sh}"
for seed in "$root"/seeds/*.txt; do
  table="$here/seed-$(basename "${seed%.txt}").smartcn.tsv"
  "$peer" tokens "$seed" --analyzer smartcn > "$table"
  echo "$(basename "$seed"): $(($(wc -l < "$table") - 1)) tokens"
done
for input in "$here"/*.txt; do
  "$peer" tokens "$input" --analyzer smartcn > "${input%.txt}.smartcn.tsv"
  echo "$(basename "$input"): $(($(wc -l < "${input%.txt}.smartcn.tsv") - 1)) tokens"
done
