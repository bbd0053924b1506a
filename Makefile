# motcua: `make run` serves the demo portal, `make test` runs every test suite. Both install what is missing first.
SHELL := /bin/bash
BUILD ?= build
DB ?= var/motcua.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all setup static build run test test-unit test-store test-integration test-e2e sanitize fuzz bench \
        format format-check tidy tidy-changed tidy-record messages clean sanitize-build fuzz-build

all: build

setup:
	@bash scripts/setup.sh

# The front end (GOV.UK Frontend compiled with our brand) is built from npm packages into static/.
static: setup
	@if [ ! -f static/manifest.json ] || [ -n "$$(find frontend package-lock.json scripts/build-static.mjs -newer static/manifest.json 2>/dev/null | head -1)" ]; then \
	  npm run --silent build:static; else echo "static: up to date"; fi

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: setup static $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# init is idempotent: it applies migrations, loads the demo province into an empty database and adds any missing
# demo account; the system administrator's generated password is printed the first time only.
run: build
	@mkdir -p $(dir $(DB))
	$(BUILD)/motcua init --db $(DB) --demo
	@echo ""
	@echo "  motcua: http://$(LISTEN)"
	@echo "  Demo province: Nam Định (before 1 July 2025), 1,601 procedures, database $(DB)"
	@bash scripts/demo-logins.sh
	@echo ""
	$(BUILD)/motcua serve --db $(DB) --listen $(LISTEN)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 900

test-unit: build
	cd $(BUILD) && ctest --output-on-failure -R '^unit\.'
test-store: build
	cd $(BUILD) && ctest --output-on-failure -R '^store\.'
test-integration: build
	cd $(BUILD) && ctest --output-on-failure -R '^integration\.'
test-e2e: build
	cd $(BUILD) && ctest --output-on-failure -R '^e2e\.'

# Unit, store and integration tests under AddressSanitizer and UndefinedBehaviorSanitizer.
# The unit tests run as one process (ctest starts one per test: 550 starts of an instrumented binary cost 3 minutes
# of CPU), then the store and integration suites under ctest, whose summary ends the output.
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp MOTCUA_SOURCE_DIR=$(CURDIR)
sanitize: sanitize-build
	$(SANITIZE_ENV) build-asan/tests/unit_tests --gtest_brief=1
	cd build-asan && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS) -R '^(store|integration)\.' --timeout 900

# libFuzzer targets for the parsers (every fuzz/*_fuzz.cpp), FUZZ_SECONDS each, JOBS at a time; libFuzzer's output
# goes to build-fuzz/logs/, one line per target is printed (scripts/fuzz.sh).
FUZZ_SECONDS ?= 60
fuzz: fuzz-build
	bash scripts/fuzz.sh $(FUZZ_SECONDS) $(JOBS)

# The builds of `make sanitize` and `make fuzz` alone (CI starts them beside the tests, at the lowest priority).
sanitize-build: setup static
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMOTCUA_SANITIZE=ON
	cmake --build build-asan -j $(JOBS) --target motcua unit_tests store_tests
fuzz-build: setup
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DMOTCUA_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build build-fuzz -j $(JOBS) -- --quiet

bench: build
	$(BUILD)/bench/search_bench --benchmark_min_time=0.5
	$(BUILD)/bench/compression_bench --benchmark_min_time=0.5
	$(BUILD)/bench/calendar_bench --benchmark_min_time=0.5
	bash bench/page_weight.sh
	bash bench/http.sh
	bash bench/startup.sh
	bash bench/login.sh
	@if [ -n "$$MOTCUA_BENCH_PG_URL" ]; then $(BUILD)/bench/store_write_bench --writers 32 --seconds 15; \
	  else echo "store_write_bench skipped: set MOTCUA_BENCH_PG_URL (e.g. from scripts/pg-cluster.sh start DIR)"; fi

messages:
	bash scripts/extract-messages.sh

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')
format-check:
	clang-format --dry-run -Werror $$(git ls-files '*.cpp' '*.hpp')
# clang-tidy reads a clang compile database without precompiled headers (GCC's PCH is unreadable to clang).
tidy: setup
	cmake -S . -B build-tidy -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON >/dev/null
	run-clang-tidy -quiet -p build-tidy '^(?!.*_test\.cpp$$).*/src/.*\.cpp$$'
# What CI runs: clang-tidy on the files changed since the commit recorded in .ci/tidy-base (the whole tree when that
# commit is unknown or the checks changed); `make tidy-record` checks the whole tree and records HEAD when clean.
tidy-changed: setup
	bash scripts/tidy-changed.sh
tidy-record: setup
	bash scripts/tidy-changed.sh --record

clean:
	rm -rf $(BUILD) build-asan build-fuzz static
