#!/usr/bin/env bash
# Regenerates every golden TSV with the Java Lucene peer (needs a JDK 17; see ../shared/tools/lucene-peer).
# Inputs: the five seeds from the repo's seeds/ folder (copied here so the tests never depend on seeds/
# changing) and the hand-made edge-cases.txt and fuzz.txt (written once by make-inputs.py).
# Run it whenever the SmartCn jar version changes, then commit the *.txt and *.smartcn.tsv files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
peer="${XIQING_PEER:-$root/../shared/tools/lucene-peer/run.sh}"
for seed in "$root"/seeds/*.txt; do
  cp "$seed" "$here/seed-$(basename "$seed")"
done
for input in "$here"/*.txt; do
  "$peer" tokens "$input" --analyzer smartcn > "${input%.txt}.smartcn.tsv"
  echo "$(basename "$input"): $(($(wc -l < "${input%.txt}.smartcn.tsv") - 1)) tokens"
done
