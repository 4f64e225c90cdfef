#!/usr/bin/env bash
# compare.sh runs the Beam pipeline (prism runner, in this process) over the
# 500 Re-DocRED dev documents rebuilt as JSON Lines (id = title, text = the
# sentences' tokens joined with spaces) and examples/extract -input jsonl
# over the same file, and checks that every document's result is the same
# JSON value in both, key order aside (TestReDocREDMatchesExtract).
#
# Usage: examples/beam/compare.sh [REDOCRED_JSON [OUT_DIR]]
#
# REDOCRED_JSON defaults to ../shared/dev/redocred-dev.json beside the
# repository. OUT_DIR (default: a new temporary directory) keeps the JSONL
# input (redocred-dev.jsonl), extract's output (extract.jsonl) and the
# pipeline's (beam-results-*, beam-errors-*, beam-edges-* .jsonl/.csv).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=$(realpath "${1:-$here/../../../shared/dev/redocred-dev.json}")
out=$(realpath -m "${2:-$(mktemp -d)}")
if [ ! -f "$data" ]; then
	echo "compare.sh: no Re-DocRED file at $data" >&2
	exit 2
fi
cd "$here"
go test -count=1 -run '^TestReDocREDMatchesExtract$' -v . -redocred "$data" -redocred.keep "$out"
echo "compare.sh: outputs in $out"
