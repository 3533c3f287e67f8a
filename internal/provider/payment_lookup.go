package provider

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// Shared by the data sources that read below one online-payment service
// (channels, currencies, transactions, refunds).

// transactionIDArgument is the required id of a transaction to look up.
func transactionIDArgument(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		Required:            true,
		MarkdownDescription: desc + " A lowercase UUID, such as `1d87a1b3-18f8-4146-bcb1-c0c9f293b04f`.",
		Validators:          []validator.String{uuidValidator("transaction")},
	}
}

// addPaymentNotFound turns SimPay's 404 for the service or the transaction in
// a path into an error on the argument that names the missing object, and
// reports whether err was such a 404. transactionAttr is the argument holding
// transactionID ("" when the path has no transaction).
func addPaymentNotFound(diags *diag.Diagnostics, err error, serviceID, transactionID, transactionAttr string) bool {
	if !client.IsNotFound(err) {
		return false
	}
	var apiErr *client.APIError
	code := ""
	if errors.As(err, &apiErr) {
		code = apiErr.ErrorCode
	}
	if transactionAttr != "" && code != "SERVICE_NOT_FOUND" {
		diags.AddAttributeError(path.Root(transactionAttr), "Payment transaction not found", fmt.Sprintf(
			"SimPay has no transaction %s in payment service %s (%s). Check %s: the id is the one SimPay returned when "+
				"the transaction was created (transactionId), and it must belong to service %s. "+
				"data.simpay_payment_transactions lists the service's transactions.",
			transactionID, serviceID, err, transactionAttr, serviceID))
		return true
	}
	diags.AddAttributeError(path.Root("service_id"), "Payment service not found", fmt.Sprintf(
		"SimPay has no online-payment service %s for this API token (%s). Check service_id against the ID column of "+
			"the service in the SimPay panel, or list the services the token can see with data.simpay_payment_services.",
		serviceID, err))
	return true
}
