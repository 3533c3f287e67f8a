#!/usr/bin/env bash
# make demo: the provider end to end against simpay-mock, with no SimPay
# credentials and no network. Builds the provider and the mock, starts the
# mock on a free loopback port, points Terraform at the fresh build through
# dev_overrides, then plans, applies, prints the outputs, checks that a
# second plan is empty, and destroys. Any failure stops it with a non-zero
# exit status.
#
# TERRAFORM names the CLI to run: terraform on PATH by default, or any
# Terraform or OpenTofu binary, e.g. TERRAFORM=tofu make demo.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold="" plain=""; fi
say() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }
fail() { printf '\ndemo failed: %s\n' "$*" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR source=mock-env.sh
. "$root/scripts/mock-env.sh"

tf=${TERRAFORM:-terraform}
command -v "$tf" >/dev/null || fail "$tf is not on PATH and not an executable: install Terraform >= 1.0 or OpenTofu, or set TERRAFORM to its path"
command -v go >/dev/null || fail "go is not on PATH"
# The commands below run in a scratch directory, so a relative path must
# become absolute first.
case $tf in */*) tf="$(cd "$(dirname "$tf")" && pwd)/$(basename "$tf")" ;; esac

# OpenTofu resolves the provider's source "simpay-tf/simpay" to its own
# registry, so dev_overrides must name that host for it.
version_out=$(CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null "$tf" version 2>/dev/null) ||
  fail "$tf version failed: TERRAFORM must name a Terraform or OpenTofu binary"
version_line=${version_out%%$'\n'*}
case $version_line in
  "OpenTofu v"*) cli=tofu provider_host=registry.opentofu.org ;;
  "Terraform v"*) cli=terraform provider_host=registry.terraform.io ;;
  *) fail "$tf version printed \"$version_line\": TERRAFORM must name a Terraform or OpenTofu binary" ;;
esac
echo "CLI: $version_line ($tf)"

mock_env simpay-demo
build_provider_and_mock
start_mock

# The provider reads these when the provider block leaves them out, as a CI
# job would set them.
export SIMPAY_BASE_URL="$mock_url"
export SIMPAY_API_TOKEN="simpay-mock-token"

use_dev_overrides "$provider_host"

cp -R "$root/examples/demo" "$work/demo"
cd "$work/demo"
# The CLI warns on every command that development overrides are in
# effect: that is this fresh build of the provider, as intended.

# dev_overrides needs no terraform init for the provider itself; init runs
# only if the demo grows other providers.
if grep -q 'source *= *"hashicorp/' ./*.tf 2>/dev/null; then
  say "$cli init"
  "$tf" init -input=false -no-color >/dev/null
fi

say "$cli plan"
"$tf" plan -input=false -no-color -out=demo.tfplan

say "$cli apply"
"$tf" apply -input=false -no-color -auto-approve demo.tfplan

say "Outputs"
"$tf" output -no-color

say "Second $cli plan (must be empty)"
set +e
"$tf" plan -input=false -no-color -detailed-exitcode >"$work/plan2.txt"
code=$?
set -e
cat "$work/plan2.txt"
case $code in
  0) echo "OK: the second plan is empty." ;;
  2) fail "the second plan is not empty" ;;
  *) fail "the second plan failed (exit $code)" ;;
esac

say "$cli destroy"
"$tf" destroy -input=false -no-color -auto-approve

say "Demo finished: everything ran against simpay-mock at $mock_url"
