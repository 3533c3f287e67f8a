#!/usr/bin/env bash
# make module-test: `terraform test` for the example module
# examples/modules/checkout, both ways its guide describes. Builds the
# provider and simpay-mock, starts the mock on a free loopback port, waits
# until GET /__admin/health answers, points Terraform at the fresh provider
# through dev_overrides, runs tests/simpay_mock.tftest.hcl against the mock
# and tests/mock_provider.tftest.hcl with no server, and stops the mock.
# Any failure stops it with a non-zero exit status.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/simpay-module-test.XXXXXX")
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ] && kill -0 "$mock_pid" 2>/dev/null; then
    kill -TERM "$mock_pid" 2>/dev/null || true
    wait "$mock_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nmodule tests failed: %s\n' "$*" >&2; exit 1; }

command -v terraform >/dev/null || fail "terraform is not on PATH: install Terraform >= 1.7 (terraform test with mock_provider)"
command -v go >/dev/null || fail "go is not on PATH"
command -v curl >/dev/null || fail "curl is not on PATH (the readiness check uses it)"

say "Building the provider and simpay-mock"
(cd "$root" && go build -o "$work/bin/terraform-provider-simpay" . && go build -o "$work/bin/simpay-mock" ./cmd/simpay-mock)

say "Starting simpay-mock"
"$work/bin/simpay-mock" -listen 127.0.0.1:0 -url-file "$work/mock-url" -quiet >"$work/mock.out" 2>"$work/mock.err" &
mock_pid=$!
ready=""
for _ in $(seq 1 100); do
  kill -0 "$mock_pid" 2>/dev/null || fail "simpay-mock exited: $(cat "$work/mock.err")"
  if [ -s "$work/mock-url" ] && curl -fsS "$(cat "$work/mock-url")__admin/health" >/dev/null 2>&1; then
    ready=1
    break
  fi
  sleep 0.1
done
[ -n "$ready" ] || fail "simpay-mock did not answer GET /__admin/health within 10 seconds"
mock_url=$(cat "$work/mock-url")
echo "simpay-mock is ready at $mock_url"

cat >"$work/terraform.rc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/simpay-tf/simpay" = "$work/bin"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraform.rc"
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 TF_INPUT=0
unset TF_LOG TF_LOG_PATH TF_LOG_PROVIDER 2>/dev/null || true

# A copy, so that nothing terraform test writes lands in the source tree.
cp -R "$root/examples/modules/checkout" "$work/checkout"
cd "$work/checkout"

say "terraform test against simpay-mock"
SIMPAY_BASE_URL="$mock_url" SIMPAY_API_TOKEN=simpay-mock-token \
  terraform test -no-color -filter=tests/simpay_mock.tftest.hcl

say "terraform test with mock_provider (no server)"
# Unset, so that nothing could reach a server even by mistake.
env -u SIMPAY_BASE_URL -u SIMPAY_API_TOKEN \
  terraform test -no-color -filter=tests/mock_provider.tftest.hcl

say "Module tests passed"
