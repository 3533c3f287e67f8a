//go:build cpuprofile

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
)

// A provider built with -tags cpuprofile writes a CPU profile of each process
// into the directory SIMPAY_PROVIDER_CPUPROFILE_DIR names, one file per
// process (Terraform starts several in one plan). The plan benchmark builds
// it so when SIMPAY_BENCH_PROFILE is set; release builds carry none of it.
func init() {
	dir := os.Getenv("SIMPAY_PROVIDER_CPUPROFILE_DIR")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid())))
	if err != nil {
		fmt.Fprintln(os.Stderr, "cpuprofile:", err)
		return
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "cpuprofile:", err)
		_ = f.Close()
		return
	}
	stopProfile = func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}
}
