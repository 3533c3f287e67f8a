package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
)

// serviceKind is one of SimPay's kinds of service, as descriptions and
// errors name it.
type serviceKind = diagnostics.Service

var (
	paymentServices       = serviceKind{Name: "online-payment", Title: "Payment service", List: "simpay_payment_services"}
	smsServices           = serviceKind{Name: "SMS", Title: "SMS service", List: "simpay_sms_services"}
	directBillingServices = serviceKind{Name: "DirectBilling", Title: "DirectBilling service", List: "simpay_directbilling_services"}
)

// addServiceNotFound adds serviceNotFound when err says the service or an
// object of the path is missing, and reports whether it did: below a
// service, SimPay's 404 for a number or a calculation also means that
// nothing of that id is there for the token.
func addServiceNotFound(diags *diag.Diagnostics, attr path.Path, kind serviceKind, id string, err error) bool {
	if !client.KindOf(err).NotFound() {
		return false
	}
	diags.Append(diagnostics.ServiceNotFound(kind, attr, id, err))
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
		diags.Append(diagnostics.ServiceNotFound(kind.service, path.Root("service_id"), serviceID, err))
	}
	return true
}

// addPaymentNotFound is addTransactionNotFound for online payments.
func addPaymentNotFound(diags *diag.Diagnostics, err error, serviceID, transactionID, transactionAttr string) bool {
	return addTransactionNotFound(diags, err, paymentTransactions, serviceID, transactionID, transactionAttr)
}
