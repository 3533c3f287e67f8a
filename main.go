// Command terraform-provider-simpay serves the SimPay Terraform provider over
// the plugin protocol (version 6).
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/simpay-tf/terraform-provider-simpay/internal/provider"
)

// Docs are generated from the schema, examples/ and templates/ by tfplugindocs
// (pinned in go.mod as a tool). It uses the terraform on PATH; it never
// downloads one because no --tf-version is given.
//go:generate go tool tfplugindocs generate --provider-name simpay --rendered-provider-name SimPay

// version is set at release time by goreleaser through -ldflags "-X main.version=...".
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider in debug mode, for use with a debugger such as delve")
	flag.Parse()
	provider.QuietLogsUnlessAsked()
	provider.TuneGC()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/simpay-tf/simpay",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
