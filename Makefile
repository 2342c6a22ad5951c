# Shortcuts for the scripts in scripts/ (each works on its own too).
.PHONY: run test test-all lint format bench

run:
	.venv/bin/facilitator serve --demo

test:
	scripts/test

test-all:
	scripts/test-all

lint:
	scripts/lint

format:
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

bench:
	scripts/bench
