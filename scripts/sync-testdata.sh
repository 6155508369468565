#!/usr/bin/env bash
# Copies the public fixtures from ../shared into testdata/ (the repository's own copy, so a clone
# alone tests green), or with --check only says whether the copy still equals its upstream.
set -euo pipefail
cd "$(dirname "$0")/.."
upstream=${1:-}
check=false
if [ "$upstream" = --check ]; then check=true; upstream=${2:-}; fi
upstream=${upstream:-../shared}
parts=(fixtures/tokenizers:tokenizers fixtures/golden:golden fixtures/chat:chat fixtures/corpus:corpus
       fixtures/README.md:README-fixtures.md bench-corpus:bench-corpus)

if [ ! -d "$upstream/fixtures" ]; then
  echo "sync-testdata: $upstream/fixtures not found; pass the shared folder as an argument" >&2
  exit 2
fi
status=0
for part in "${parts[@]}"; do
  from="$upstream/${part%%:*}"; to="testdata/${part##*:}"
  if $check; then
    if ! diff -rq "$from" "$to" >/dev/null 2>&1; then
      echo "sync-testdata: testdata/${part##*:} differs from ${part%%:*}:" >&2
      diff -rq "$from" "$to" 2>&1 | head -5 >&2 || true
      status=1
    fi
  else
    rm -rf "$to"
    cp -R "$from" "$to"
    chmod -R u+w "$to"
  fi
done
if $check; then
  [ $status = 0 ] && echo "sync-testdata: testdata/ equals $upstream"
else
  echo "sync-testdata: copied $upstream into testdata/; commit the change with the upstream's reason"
fi
exit $status
