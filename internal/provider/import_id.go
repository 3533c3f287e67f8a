package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// idPart is one part of the composite id that names a SimPay object, as an
// import id writes it ("d151e4f9/1d87a1b3-..."), as state holds it and as
// errors name it. A resource's identity is the list of its parts,
// outermost first; the last is the object's own id.
type idPart struct {
	name    string // in the import id's format, e.g. "transaction_id"
	attr    string // the attribute that holds it, e.g. "id"
	noun    string // how errors name what it identifies, e.g. "payment service"
	example string
	valid   func(string) bool
}

var (
	paymentServicePart       = idPart{"service_id", "service_id", "payment service", "d151e4f9", serviceIDPattern.MatchString}
	directBillingServicePart = idPart{"service_id", "service_id", "DirectBilling service", "d151e4f9", serviceIDPattern.MatchString}
	// transactionPart is the transaction a refund belongs to.
	transactionPart = idPart{"transaction_id", "transaction_id", "transaction", "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", objectIDPattern.MatchString}
	// ownTransactionPart is the id of a transaction resource itself.
	ownTransactionPart = idPart{"transaction_id", "id", "transaction", "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", objectIDPattern.MatchString}
	ownRefundPart      = idPart{"refund_id", "id", "refund", "019483a5-885e-70f7-9b5b-94387a6690da", objectIDPattern.MatchString}
)

// idFormat is the import id's format, e.g. "service_id/transaction_id".
func idFormat(parts []idPart) string {
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = p.name
	}
	return strings.Join(names, "/")
}

// describeID names the object values identify, innermost first, as errors
// write it: "refund R of transaction T of payment service S".
func describeID(parts []idPart, values []string) string {
	words := make([]string, 0, len(parts))
	for i := len(parts) - 1; i >= 0; i-- {
		v := "<" + parts[i].name + ">"
		if i < len(values) && values[i] != "" {
			v = values[i]
		}
		words = append(words, parts[i].noun+" "+v)
	}
	return strings.Join(words, " of ")
}

// parseImportID splits an import id such as "d151e4f9/1d87a1b3-..." into its
// parts and checks each, with an error that shows the expected format.
func parseImportID(id string, parts ...idPart) ([]string, error) {
	examples := make([]string, len(parts))
	for i, p := range parts {
		examples[i] = p.example
	}
	format := fmt.Sprintf("The import id must be %s, for example %q", idFormat(parts), strings.Join(examples, "/"))
	values := strings.Split(id, "/")
	if len(values) != len(parts) {
		return nil, fmt.Errorf("import id %q has %d part(s) separated by \"/\", expected %d. %s", id, len(values), len(parts), format)
	}
	for i, p := range parts {
		if !p.valid(values[i]) {
			return nil, fmt.Errorf("import id %q: %s %q is not in SimPay's format. %s", id, p.name, values[i], format)
		}
	}
	return values, nil
}

// privateKeyImported marks, in a resource's private state, that it was
// imported: arguments SimPay never returns (antifraud data, channel
// choices, ...) are then null in state although the configuration sets them.
const privateKeyImported = "imported"

func markImported(ctx context.Context, private interface {
	SetKey(context.Context, string, []byte) diag.Diagnostics
}) diag.Diagnostics {
	return private.SetKey(ctx, privateKeyImported, []byte(`true`))
}
