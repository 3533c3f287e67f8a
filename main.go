// Command terraform-provider-simpay serves the SimPay Terraform provider over
// the plugin protocol (version 6).
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/simpay-tf/terraform-provider-simpay/internal/provider"
)

// Docs are generated from the schema, examples/ and templates/ by tfplugindocs
// (pinned in go.mod as a tool). It uses the terraform on PATH; it never
// downloads one because no --tf-version is given.
//go:generate go tool tfplugindocs generate --provider-name simpay --rendered-provider-name SimPay

// version is set at release time by goreleaser through -ldflags "-X main.version=...".
var version = "dev"

// stopProfile ends a CPU profile begun at start-up. Only a binary built with
// the cpuprofile tag (the plan benchmark's, when asked for profiles) has
// one; Serve returns when Terraform stops the plugin, so the profile covers
// the process's whole life.
var stopProfile = func() {}

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider in debug mode, for use with a debugger such as delve")
	flag.Parse()
	quietSDKLogsUnlessAsked()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/simpay-tf/simpay",
		Debug:   debug,
	})
	stopProfile()
	if err != nil {
		log.Fatal(err.Error())
	}
}

// quietSDKLogsUnlessAsked turns the plugin SDK's own trace logs off when
// nobody asked for logs. Terraform keeps a provider's logs only when TF_LOG
// (or TF_LOG_PROVIDER) is set, and it passes its environment on to the
// provider; without them every log line the SDK formats, several per
// request, is thrown away on arrival. Profiling a plan of 100 data sources
// showed that formatting as a large part of the provider's CPU time. A
// TF_LOG_SDK* setting of the user's own is left alone.
func quietSDKLogsUnlessAsked() {
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if value != "" && (name == "TF_LOG" || name == "TF_LOG_PATH" || strings.HasPrefix(name, "TF_LOG_PROVIDER")) {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		if os.Getenv(name) == "" {
			_ = os.Setenv(name, "off")
		}
	}
}
