# One interface for development; CI (.ci/run) runs the same steps.
PY ?= python3

.PHONY: help install build-dev test test-rust test-python lint format bench demo fuzz fuzz-long

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

install:  ## install presslens with test dependencies (editable, release build)
	$(PY) -m pip install -e '.[test]'

build-dev:  ## quick debug build into the current environment
	maturin develop

test: test-rust test-python  ## run every test

test-rust:  ## cargo tests of the core (no Python linked)
	cargo test

test-python:  ## pytest, including doctests of python/presslens
	$(PY) -m pytest -q

lint:  ## formatting, clippy, ruff, mypy --strict, stubtest
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --features python -- -D warnings
	! grep -rlE '^\s*use pyo3|pyo3::|#\[py(function|class|methods|module)' src --include='*.rs' | grep -v '^src/python/'
	$(PY) -m ruff check python tests benchmarks examples fuzz/python
	$(PY) -m ruff format --check python tests benchmarks examples fuzz/python
	$(PY) -m mypy
	$(PY) -m mypy.stubtest presslens._presslens --allowlist .mypy-stubtest-allowlist

format:  ## apply rustfmt and ruff format
	cargo fmt
	$(PY) -m ruff format python tests benchmarks examples fuzz/python

bench:  ## text benchmarks (needs ../shared and the bench extra)
	$(PY) benchmarks/bench_text.py

fuzz:  ## every cargo-fuzz target for 30 s (needs cargo-fuzz), as CI runs them
	scripts/fuzz.sh 30

fuzz-long:  ## every cargo-fuzz target for 10 minutes
	scripts/fuzz.sh 600

demo:  ## the main report on the bundled demo corpus
	presslens demo
