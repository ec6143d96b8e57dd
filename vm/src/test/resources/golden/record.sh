#!/usr/bin/env bash
# Record expected outputs for golden programs whose oracle is gsi (or csi), from the real
# interpreter. Usage: record.sh NAME.ss...   (run from this folder). Review the diff before committing.
set -euo pipefail
for f in "$@"; do
  oracle=$(head -1 "$f" | sed -n 's/^;; oracle: *\([a-z0-9]*\).*/\1/p')
  out="${f%.ss}.out"
  case "$oracle" in
    gsi) script -qec "gsi $f" /dev/null < /dev/null | tr -d '\r' > "$out" ;;
    csi) csi -q -s "$f" < /dev/null > "$out" 2>&1 || true ;;
    *) echo "skip $f (oracle: $oracle; write $out by hand from the standard)"; continue ;;
  esac
  echo "recorded $out"
done
