#!/usr/bin/env bash
# cli-summary.sh [NOTE]: gotestsum's --post-run-command for the test targets.
# Prints one line naming the CLI the acceptance tests ran on and the test
# counts, e.g. "cli terraform 1.15.9: 363 tests, 362 passed, 1 skipped, 0 failed",
# so CI shows at a glance which CLI ran how much. gotestsum passes the counts
# in TESTS_TOTAL, TESTS_FAILED, TESTS_SKIPPED and TESTS_ERRORS; subtests count.
set -euo pipefail
tf=${TF_ACC_TERRAFORM_PATH:-terraform}
cli="$tf (not a Terraform or OpenTofu CLI)"
if out=$(CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null "$tf" version 2>/dev/null); then
  first=${out%%$'\n'*}
  case $first in
    "Terraform v"*) cli="terraform ${first#Terraform v}" ;;
    "OpenTofu v"*) cli="opentofu ${first#OpenTofu v}" ;;
  esac
fi
passed=$((TESTS_TOTAL - TESTS_FAILED - TESTS_SKIPPED))
line="cli $cli: $TESTS_TOTAL tests, $passed passed, $TESTS_SKIPPED skipped, $TESTS_FAILED failed"
[ "${TESTS_ERRORS:-0}" = 0 ] || line+=", $TESTS_ERRORS errors"
[ $# -eq 0 ] || line+=" ($*)"
echo "$line"
