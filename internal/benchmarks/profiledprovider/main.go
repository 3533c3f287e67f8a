// Command profiledprovider is terraform-provider-simpay writing a CPU
// profile of each of its processes into the directory
// SIMPAY_PROVIDER_CPUPROFILE_DIR names, one file per process (Terraform
// starts several in one plan). BenchmarkPlanCPU builds it in place of the
// provider when SIMPAY_BENCH_PROFILE is set. It serves the provider as the
// module root's main.go does; release builds are of that one, so they carry
// none of this.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/simpay-tf/terraform-provider-simpay/internal/provider"
)

func main() {
	stop := startProfile()
	provider.QuietLogsUnlessAsked()
	provider.TuneGC()
	// Serve returns when Terraform stops the plugin, so the profile covers
	// the process's whole life.
	err := providerserver.Serve(context.Background(), provider.New("profiled"), providerserver.ServeOpts{
		Address: "registry.terraform.io/simpay-tf/simpay",
	})
	stop()
	if err != nil {
		log.Fatal(err.Error())
	}
}

func startProfile() (stop func()) {
	dir := os.Getenv("SIMPAY_PROVIDER_CPUPROFILE_DIR")
	if dir == "" {
		return func() {}
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid())))
	if err != nil {
		fmt.Fprintln(os.Stderr, "cpuprofile:", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "cpuprofile:", err)
		_ = f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}
}
