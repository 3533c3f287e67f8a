package diagnostics

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Service is one of SimPay's kinds of service, as descriptions and errors
// name it.
type Service struct {
	Name  string // in sentences: "SimPay has no DirectBilling service ..."
	Title string // in summaries: "DirectBilling service not found"
	List  string // the data source that lists the services a token can see
}

// ServiceNotFound is the error on attr (the argument holding the service id)
// when SimPay has no such service for the token.
func ServiceNotFound(kind Service, attr path.Path, id string, err error) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(attr, kind.Title+" not found", fmt.Sprintf(
		"SimPay has no %s service %s for this API token (%s). Check %s against the ID column of the service in the "+
			"SimPay panel, or list the services the token can see with data.%s.", kind.Name, id, err, attr, kind.List))
}

// NotConfigured is the error of a data source, resource or action used
// before the provider gave it its data.
func NotConfigured() diag.Diagnostics {
	var diags diag.Diagnostics
	diags.AddError("Provider not configured",
		"The SimPay provider was not configured before use. This is a bug in the provider; please report it.")
	return diags
}
