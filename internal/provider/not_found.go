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

// transactionKind is one of SimPay's kinds of transaction, as not-found
// errors name it.
type transactionKind struct {
	service serviceKind
	title   string // in summaries: "Payment transaction not found"
	in      string // what it belongs to, in sentences: "payment service"
	origin  string // where its id comes from
	list    string // the data source that lists a service's transactions
}

var (
	paymentTransactions = transactionKind{paymentServices, "Payment transaction not found", "payment service",
		"the id is the one SimPay returned when the transaction was created (transactionId)", "simpay_payment_transactions"}
	directBillingTransactions = transactionKind{directBillingServices, "DirectBilling transaction not found",
		"DirectBilling service", "the id is the one SimPay returned when the transaction was created (transactionId)",
		"simpay_directbilling_transactions"}
	smsTransactions = transactionKind{smsServices, "SMS transaction not found", "SMS service",
		"the id is the number SimPay gave the SMS when it arrived (the id of an item of data.simpay_sms_transactions)",
		"simpay_sms_transactions"}
)

// addTransactionNotFound turns SimPay's 404 for the service or the
// transaction in a path into an error on the argument that names the missing
// object, and reports whether err was such a 404. transactionAttr is the
// argument holding transactionID ("" when the path has no transaction).
func addTransactionNotFound(diags *diag.Diagnostics, err error, kind transactionKind, serviceID, transactionID, transactionAttr string) bool {
	switch k := client.KindOf(err); {
	case !k.NotFound():
		return false
	case transactionAttr != "" && k == client.KindObjectNotFound:
		diags.AddAttributeError(path.Root(transactionAttr), kind.title, fmt.Sprintf(
			"SimPay has no transaction %s in %s %s (%s). Check %s: %s, and it must belong to service %s. "+
				"data.%s lists the service's transactions.",
			transactionID, kind.in, serviceID, err, transactionAttr, kind.origin, serviceID, kind.list))
	default:
		diags.Append(serviceNotFound(kind.service, path.Root("service_id"), serviceID, err))
	}
	return true
}

// addPaymentNotFound is addTransactionNotFound for online payments.
func addPaymentNotFound(diags *diag.Diagnostics, err error, serviceID, transactionID, transactionAttr string) bool {
	return addTransactionNotFound(diags, err, paymentTransactions, serviceID, transactionID, transactionAttr)
}
