package provider

import (
	"fmt"
	"os"
	"testing"
)

// TestMain prints the fault suite's summary line after every test has run,
// as package output: go test and gotestsum show it whatever the verbosity,
// where the output of a passing test would be hidden.
func TestMain(m *testing.M) {
	code := m.Run()
	if line, ok := faultSummaryLine(); ok {
		fmt.Println(line)
	}
	os.Exit(code)
}
