package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// serviceKind is one of SimPay's kinds of service, as descriptions and
// errors name it.
type serviceKind struct {
	name  string // in sentences: "SimPay has no DirectBilling service ..."
	title string // in summaries: "DirectBilling service not found"
	list  string // the data source that lists the services a token can see
}

var (
	paymentServices       = serviceKind{"online-payment", "Payment service", "simpay_payment_services"}
	smsServices           = serviceKind{"SMS", "SMS service", "simpay_sms_services"}
	directBillingServices = serviceKind{"DirectBilling", "DirectBilling service", "simpay_directbilling_services"}
)

// serviceNotFound is the error on attr (the argument holding the service id)
// when SimPay has no such service for the token.
func serviceNotFound(kind serviceKind, attr path.Path, id string, err error) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(attr, kind.title+" not found", fmt.Sprintf(
		"SimPay has no %s service %s for this API token (%s). Check %s against the ID column of the service in the "+
			"SimPay panel, or list the services the token can see with data.%s.", kind.name, id, err, attr, kind.list))
}

// addServiceNotFound adds serviceNotFound when err says the service or an
// object of the path is missing, and reports whether it did: below a
// service, SimPay's 404 for a number or a calculation also means that
// nothing of that id is there for the token.
func addServiceNotFound(diags *diag.Diagnostics, attr path.Path, kind serviceKind, id string, err error) bool {
	if !client.KindOf(err).NotFound() {
		return false
	}
	diags.Append(serviceNotFound(kind, attr, id, err))
	return true
}

// addPaymentNotFound turns SimPay's 404 for the service or the transaction in
// a path into an error on the argument that names the missing object, and
// reports whether err was such a 404. transactionAttr is the argument holding
// transactionID ("" when the path has no transaction).
func addPaymentNotFound(diags *diag.Diagnostics, err error, serviceID, transactionID, transactionAttr string) bool {
	kind := client.KindOf(err)
	switch {
	case !kind.NotFound():
		return false
	case transactionAttr != "" && kind == client.KindObjectNotFound:
		diags.AddAttributeError(path.Root(transactionAttr), "Payment transaction not found", fmt.Sprintf(
			"SimPay has no transaction %s in payment service %s (%s). Check %s: the id is the one SimPay returned when "+
				"the transaction was created (transactionId), and it must belong to service %s. "+
				"data.simpay_payment_transactions lists the service's transactions.",
			transactionID, serviceID, err, transactionAttr, serviceID))
	default:
		diags.Append(serviceNotFound(paymentServices, path.Root("service_id"), serviceID, err))
	}
	return true
}
