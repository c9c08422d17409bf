#!/usr/bin/env bash
# Run every cargo-fuzz target for SECONDS seconds each (default 30), starting from the
# committed seed corpora in fuzz/seeds/<target>/ (copied, so runs never dirty the tree).
# Needs cargo-fuzz (`cargo install cargo-fuzz`); the toolchain is stable, so
# RUSTC_BOOTSTRAP=1 unlocks the sanitizer flags cargo-fuzz passes.
# Then atheris over the Python API (fuzz/python/fuzz_api.py) for the same time.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1
SECONDS_EACH=${1:-30}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  mapfile -t TARGETS < <(cargo fuzz list)
fi
if ! command -v cargo-fuzz >/dev/null; then
  echo "cargo-fuzz is missing: cargo install cargo-fuzz" >&2
  exit 1
fi
cargo fuzz build -O
for t in "${TARGETS[@]}"; do
  work=$(mktemp -d)
  log=$(mktemp)
  cp -r "seeds/$t/." "$work/" 2>/dev/null || true
  echo "== fuzz $t for ${SECONDS_EACH}s"
  # -rss_limit_mb bounds memory (a leak or blow-up fails); -timeout bounds one input (a hang fails).
  if ! cargo fuzz run -O "$t" "$work" -- -max_total_time="$SECONDS_EACH" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    grep -a -A3 -E "panicked|ERROR: libFuzzer|SUMMARY|deadly signal|timeout" "$log" | cut -c1-300 | head -30 >&2
    echo "fuzz target $t failed (the crashing input is in fuzz/artifacts/$t)" >&2
    exit 1
  fi
  grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb" "$log" || tail -3 "$log"
  rm -rf "$work" "$log"
done

# atheris over the Python API (fuzz/python/fuzz_api.py), same time budget.
PY=${PYTHON:-python3}
if ! "$PY" -c "import atheris" 2>/dev/null; then
  "$PY" -m pip install --quiet --disable-pip-version-check atheris 2>/dev/null \
    || echo "atheris cannot be installed for $("$PY" --version); Python API fuzzing skipped" >&2
fi
if "$PY" -c "import atheris, presslens" 2>/dev/null; then
  work=$(mktemp -d)
  log=$(mktemp)
  cp -r seeds/clean/. seeds/quotes/. "$work/" 2>/dev/null || true
  echo "== atheris fuzz_api.py for ${SECONDS_EACH}s"
  if ! "$PY" python/fuzz_api.py -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=4096 \
      -artifact_prefix=artifacts/ "$work" >"$log" 2>&1; then
    grep -a -A12 -E "Traceback|Uncaught|ERROR|timeout" "$log" | cut -c1-300 | head -40 >&2
    echo "atheris found a failing input (in fuzz/artifacts/)" >&2
    exit 1
  fi
  grep -a -E "^Done" "$log" || tail -2 "$log"
  rm -rf "$work" "$log"
fi
