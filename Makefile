# The two commands: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)

.PHONY: run test install lint format messages bench

run: install
	.venv/bin/python bin/run.py

test: install
	bin/test

install: $(UV)
	$(UV) sync --frozen --extra demo --quiet

# uv is the only tool we need before the project's own environment exists.
.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

lint: install
	.venv/bin/ruff format --check .
	.venv/bin/ruff check .
	.venv/bin/djhtml --check $$(find . -name '*.html' -not -path './.venv/*' -not -path './.tools/*' -not -path './node_modules/*')
	bin/lint-front

format: install
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .
	.venv/bin/djhtml $$(find . -name '*.html' -not -path './.venv/*' -not -path './.tools/*' -not -path './node_modules/*')
	bin/lint-front --fix

messages: install
	.venv/bin/python manage.py makemessages -l fi -l sv -l en --ignore=.venv --ignore=.tools --ignore=node_modules
	.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=.tools --ignore=node_modules

bench: install
	bin/bench $(BENCH)
