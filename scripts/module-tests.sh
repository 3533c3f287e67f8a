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

say() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nmodule tests failed: %s\n' "$*" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR source=mock-env.sh
. "$root/scripts/mock-env.sh"

command -v terraform >/dev/null || fail "terraform is not on PATH: install Terraform >= 1.7 (terraform test with mock_provider)"
command -v go >/dev/null || fail "go is not on PATH"
command -v curl >/dev/null || fail "curl is not on PATH (the readiness check uses it)"

mock_env simpay-module-test
build_provider_and_mock
start_mock
use_dev_overrides registry.terraform.io

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
