# frontlines: two commands do all the set-up on a fresh machine.
#   make demo   set up, ingest the bundled sample pages, write the store, map, CSV and GeoJSON
#   make test   set up (incl. Debian chromium for the browser tests) and run the test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := out

.PHONY: setup demo test lint eval bench browser-deps clean

$(BIN)/frontlines: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,scale]'
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

setup: $(BIN)/frontlines node_modules/.package-lock.json

demo: setup
	@mkdir -p $(OUT)
	@rm -f $(OUT)/demo.sqlite
	$(BIN)/frontlines ingest frontlines/data/samples/syria_desert_operation.txt --published 2018-05-14 --db $(OUT)/demo.sqlite
	$(BIN)/frontlines ingest frontlines/data/samples/*.html frontlines/data/samples/*.xml --db $(OUT)/demo.sqlite
	$(BIN)/frontlines export --format acled-csv --db $(OUT)/demo.sqlite -o $(OUT)/events.csv
	$(BIN)/frontlines export --format geojson --db $(OUT)/demo.sqlite -o $(OUT)/events.geojson
	$(BIN)/frontlines map --db $(OUT)/demo.sqlite -o $(OUT)/map.html
	$(BIN)/frontlines map --db $(OUT)/demo.sqlite --baseline -o $(OUT)/control.png
	@echo
	@echo "store:   $(abspath $(OUT))/demo.sqlite"
	@echo "map:     $(abspath $(OUT))/map.html   (open it in a browser; works offline)"
	@echo "control: $(abspath $(OUT))/control.png (the full-size map at the demo's last date)"
	@echo "csv:     $(abspath $(OUT))/events.csv"
	@echo "geojson: $(abspath $(OUT))/events.geojson"

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: sudo apt-get install chromium (browser tests will skip)"; fi; }

lint: setup
	$(BIN)/ruff check frontlines tests benchmarks
	$(BIN)/mypy

test: setup browser-deps
	$(BIN)/ruff check frontlines tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

eval: setup   # accuracy on the development corpora in ../shared (prints the README's tables)
	$(BIN)/python benchmarks/accuracy.py --baselines

bench: setup  # speed: geoparser vs spaCy, store latency at 1M events, map first render at 100k and 1M (tiles), merging 100k reports, control areas, static map, 10,000 hostile inputs (hours)
	$(BIN)/python benchmarks/geoparse_speed.py ../shared/eval/geoparsing/GWN.xml
	$(BIN)/python benchmarks/store_latency.py
	$(BIN)/python benchmarks/map_render.py
	$(BIN)/python benchmarks/map_render.py --events 1000000 --runs 3
	$(BIN)/python benchmarks/control_areas.py
	$(BIN)/python benchmarks/static_map.py
	$(BIN)/python benchmarks/merge_speed.py
	$(BIN)/python benchmarks/adversarial.py --count 10000 --json

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
