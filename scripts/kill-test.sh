#!/usr/bin/env bash
# The daemon's crash test, for a person to run: a sweep of 6 runs on the real stories260K / stories260K-chat pair is
# run once without interruption, then again killed with SIGKILL at 5 random moments (restarted each time) and
# finished; the two must hold exactly the same trials — same keys per run, no duplicates, every trials.jsonl line a
# JSON object, identical outputs but for timings — and the killed sweep's status must end "sweep complete: 6/6 runs done".
#
# Usage: scripts/kill-test.sh [SEED]        (SEED picks the kill moments; default: random, printed)
# Needs: the .NET SDK, the models in ../shared/models (or STUDIES_MODELS), python3 for the line checks.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seed="${1:-$RANDOM}"
work="$(mktemp -d "${TMPDIR:-/tmp}/studies-kill-test.XXXXXX")"
export STUDIES_MODELS="${STUDIES_MODELS:-$root/../shared/models}"
daemon_pid=""
cleanup() {
  if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then kill -KILL "$daemon_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$root/studies" --help >/dev/null # builds on first use
studies=(dotnet "$root/src/Cli/bin/Release/net10.0/studies.dll")

cat > "$work/base.yaml" <<'YAML'
defaults:
  threads: 1
  max_tokens: 8
studies:
  - name: sentiment
    kind: icl
    dataset: {synthetic: sentiment, size: 24, seed: 1}
    demos: 8
    conditions:
      - {type: gold, shots: 2}
      - {type: random_labels, shots: 2}
YAML
cat > "$work/sweep.yaml" <<'YAML'
name: kill-test
study_file: base.yaml
grid:
  models: [[stories260K, stories260K-chat]]
  seeds: [0, 1, 2]
  shots: [0, 2]
YAML

args=(daemon --sweep "$work/sweep.yaml" --exit-when-done --poll 0.5 --heartbeat 2)
echo "work folder: $work (kill seed $seed)"

echo "1. uninterrupted sweep..."
start=$(date +%s.%N)
"${studies[@]}" "${args[@]}" --state "$work/reference" > "$work/reference.log" 2>&1 || { cat "$work/reference.log"; echo "FAIL: the uninterrupted sweep failed"; exit 1; }
length=$(python3 -c "print($(date +%s.%N) - $start)")
echo "   took ${length} s"

echo "2. the same sweep, SIGKILLed 5 times..."
for i in 1 2 3 4 5; do
  "${studies[@]}" "${args[@]}" --state "$work/killed" >> "$work/killed.log" 2>&1 &
  daemon_pid=$!
  # A random moment within a third of a sweep's length (after startup), so the kills land mid-run.
  delay=$(python3 -c "import random; random.seed($seed * 10 + $i); print(round(0.8 + random.random() * $length / 3, 2))")
  sleep "$delay"
  if kill -KILL "$daemon_pid" 2>/dev/null; then state="killed"; else state="had already finished"; fi
  wait "$daemon_pid" 2>/dev/null || true
  daemon_pid=""
  saved=$(cat "$work"/killed/runs/*/results/trials.jsonl 2>/dev/null | wc -l)
  echo "   kill $i after ${delay} s: $state; $saved trial lines saved so far"
done

echo "3. restart to the end..."
"${studies[@]}" "${args[@]}" --state "$work/killed" >> "$work/killed.log" 2>&1 || { tail -50 "$work/killed.log"; echo "FAIL: the restarted sweep failed"; exit 1; }

echo "4. compare..."
python3 - "$work/reference" "$work/killed" <<'PY'
import json, os, re, sys
ref, killed = sys.argv[1], sys.argv[2]
def runs(state):
    out = {}
    for run in sorted(os.listdir(os.path.join(state, "runs"))):
        path = os.path.join(state, "runs", run, "results", "trials.jsonl")
        lines = open(path, encoding="utf-8").read().splitlines() if os.path.exists(path) else []
        keys = []
        for n, line in enumerate(lines, 1):
            try:
                keys.append(json.loads(line)["key"])
            except Exception as e:
                sys.exit(f"FAIL: {path}:{n} does not parse ({e})")
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            sys.exit(f"FAIL: {path} repeats trials {sorted(dup)[:3]}")
        out[run] = (keys, [re.sub(r',"timings":\{[^}]*\}', '', l) for l in lines])
    return out
a, b = runs(ref), runs(killed)
if sorted(a) != sorted(b):
    sys.exit(f"FAIL: the runs differ: {sorted(set(a) ^ set(b))}")
if len(a) < 6:
    sys.exit(f"FAIL: expected 6 runs, found {len(a)}")
for run in a:
    if set(a[run][0]) != set(b[run][0]):
        sys.exit(f"FAIL: run {run}: {len(set(a[run][0]) - set(b[run][0]))} trials missing, {len(set(b[run][0]) - set(a[run][0]))} extra")
    if a[run][1] != b[run][1]:
        sys.exit(f"FAIL: run {run}: the trials differ beyond their timings")
print(f"   {len(a)} runs, {sum(len(v[0]) for v in a.values())} trials: identical keys, no duplicates, every line parses, same outputs")
PY

last=$("${studies[@]}" status --state "$work/killed" | tail -1)
echo "   status: $last"
[ "$last" = "sweep complete: 6/6 runs done" ] || { echo "FAIL: unexpected status line"; exit 1; }
echo "PASS"
