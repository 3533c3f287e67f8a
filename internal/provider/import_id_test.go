package provider

import (
	"strings"
	"testing"

	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
)

func TestParseImportID(t *testing.T) {
	got, err := createonly.ParseImportID("d151e4f9/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", paymentServicePart, ownTransactionPart)
	if err != nil || got[0] != "d151e4f9" || got[1] != "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f" {
		t.Fatalf("parseImportID = %v, %v", got, err)
	}
	// SimPay's own example transaction id (seeds 001/002 and the "Retrieve
	// transaction" page) has 11 digits in its last group; SimPay returns it,
	// so an import id must accept it.
	got, err = createonly.ParseImportID("d151e4f9/328bd42d-d08b-43f6-9463-869e5bd32b4", paymentServicePart, ownTransactionPart)
	if err != nil || got[1] != "328bd42d-d08b-43f6-9463-869e5bd32b4" {
		t.Fatalf("parseImportID refused SimPay's example id: %v, %v", got, err)
	}
	for _, bad := range []string{"", "d151e4f9", "d151e4f9/", "/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f",
		"D151E4F9/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", "d151e4f9/not a uuid", "d151e4f9/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f/x",
		"d151e4f9 /1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", "d151e4f9/..", "d151e4f9/a%2Fb", "d151e4f9/a#b", "d151e4f9/a?b",
		"d151e4f9/a b", "d151e4f9/" + strings.Repeat("a", 65)} {
		_, err := createonly.ParseImportID(bad, paymentServicePart, ownTransactionPart)
		if err == nil {
			t.Errorf("ParseImportID(%q) accepted a malformed id", bad)
			continue
		}
		if !strings.Contains(err.Error(), "service_id/transaction_id") {
			t.Errorf("ParseImportID(%q) error does not show the format: %v", bad, err)
		}
	}
}

// FuzzParseImportID checks that no import id makes parsing panic and that
// whatever is accepted has exactly the parts asked for, each in its format.
func FuzzParseImportID(f *testing.F) {
	for _, s := range []string{"d151e4f9/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f",
		"d151e4f9/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f/019483a5-885e-70f7-9b5b-94387a6690da", "", "/", "//", "a/b/c/d", "\x00/\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		parts, err := createonly.ParseImportID(id, paymentServicePart, transactionPart, ownRefundPart)
		if err != nil {
			return
		}
		if len(parts) != 3 || !serviceIDPattern.MatchString(parts[0]) || !objectIDPattern.MatchString(parts[1]) || !objectIDPattern.MatchString(parts[2]) {
			t.Fatalf("ParseImportID(%q) accepted %q", id, parts)
		}
		if strings.Join(parts, "/") != id {
			t.Fatalf("ParseImportID(%q) lost text: %q", id, parts)
		}
	})
}
