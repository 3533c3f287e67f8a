# shellcheck shell=bash disable=SC2154 # root, say and fail come from the sourcing script
# Sourced by demo.sh and module-tests.sh, which first set `root` (the
# repository) and define `say` and `fail`: what both need before they run a
# CLI against simpay-mock.
#
#   mock_env NAME           a scratch directory $work (removed on exit, the
#                           mock stopped with it)
#   build_provider_and_mock the provider and simpay-mock into $work/bin,
#                           with make build's flags
#   start_mock              the mock on a free loopback port; returns once
#                           it serves, with its base URL in $mock_url
#   use_dev_overrides HOST  a CLI config whose dev_overrides point
#                           HOST/simpay-tf/simpay at the fresh provider

mock_env() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  mock_pid=""
  trap stop_mock_env EXIT
}

stop_mock_env() {
  if [ -n "$mock_pid" ] && kill -0 "$mock_pid" 2>/dev/null; then
    kill -TERM "$mock_pid" 2>/dev/null || true
    wait "$mock_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}

# Through make, so that the flags are make build's: a build with other
# flags would miss Go's build cache and compile every package again.
build_provider_and_mock() {
  say "Building the provider and simpay-mock"
  make -s --no-print-directory -C "$root" build build-mock BIN_DIR="$work/bin"
}

# The mock writes -url-file atomically once its port is open; GET
# /__admin/health then answers 200 (checked when curl is there), the
# readiness check a CI job would use.
start_mock() {
  say "Starting simpay-mock on a free loopback port"
  "$work/bin/simpay-mock" -listen 127.0.0.1:0 -url-file "$work/mock-url" -quiet >"$work/mock.out" 2>"$work/mock.err" &
  mock_pid=$!
  local ready="" _
  for _ in $(seq 1 100); do
    kill -0 "$mock_pid" 2>/dev/null || fail "simpay-mock exited: $(cat "$work/mock.err")"
    if [ -s "$work/mock-url" ] &&
      { ! command -v curl >/dev/null || curl -fsS "$(cat "$work/mock-url")__admin/health" >/dev/null 2>&1; }; then
      ready=1
      break
    fi
    sleep 0.1
  done
  [ -n "$ready" ] || fail "simpay-mock did not start serving within 10 seconds"
  mock_url=$(cat "$work/mock-url")
  echo "simpay-mock is serving SimPay's API at $mock_url"
}

use_dev_overrides() {
  cat >"$work/terraform.rc" <<RC
provider_installation {
  dev_overrides {
    "$1/simpay-tf/simpay" = "$work/bin"
  }
  direct {}
}
RC
  export TF_CLI_CONFIG_FILE="$work/terraform.rc"
  export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 TF_INPUT=0
  unset TF_LOG TF_LOG_PATH TF_LOG_PROVIDER 2>/dev/null || true
}
