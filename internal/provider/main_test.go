package provider

import (
	"fmt"
	"os"
	"testing"
)

// suiteSummaries are the one-line results of the hostile-conditions suites
// (faults, bad inputs, secrets), printed once every test has run. They are
// printed here rather than by the tests because the test runner shows a
// passing test's own output only with -v; a function returning "" prints
// nothing (its suite did not run, e.g. under -run). Each suite adds itself
// in an init function.
var suiteSummaries []func() string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, summary := range suiteSummaries {
		if line := summary(); line != "" {
			fmt.Println(line)
		}
	}
	os.Exit(code)
}
