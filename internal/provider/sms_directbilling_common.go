package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Pieces shared by the SMS and DirectBilling data sources.

// Kinds of service, as the SMS and DirectBilling data sources name them in
// descriptions and errors.
const (
	smsKind           = "SMS"
	directBillingKind = "DirectBilling"
)

// addServiceNotFound reports that SimPay has no service id of this kind,
// against the argument that holds the id, and points at the list data source
// that shows the services the token can see.
func addServiceNotFound(diags *diag.Diagnostics, attr path.Path, kind, id, listType string, err error) {
	diags.AddAttributeError(attr, kind+" service not found", fmt.Sprintf(
		"SimPay has no %s service %s for this API token (%s). Check the id in the SimPay panel, "+
			"or list the services the token can see with data.%s.", kind, id, err, listType))
}
