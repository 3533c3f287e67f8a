package provider

import "github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"

// The error wording is internal/diagnostics', one place for the provider,
// the create-only skeleton and the data sources; these are the names the
// data sources call it by.
var (
	apiErrorDiagnostic    = diagnostics.APIError
	validationDiagnostics = diagnostics.Validation
)
