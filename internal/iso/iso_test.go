package iso

import "testing"

func TestListsHaveTheExpectedSize(t *testing.T) {
	// 249 officially assigned ISO 3166-1 alpha-2 codes.
	if len(countries) != 249 {
		t.Errorf("countries has %d codes, want 249", len(countries))
	}
	if len(currencies) < 150 {
		t.Errorf("currencies has only %d codes", len(currencies))
	}
}

func TestLookups(t *testing.T) {
	for _, c := range []string{"PLN", "EUR", "ARS", "BRL", "USD", "GBP", "CZK"} {
		if !IsCurrency(c) {
			t.Errorf("IsCurrency(%q) = false", c)
		}
	}
	for _, c := range []string{"pln", "PLZ", "XAU", "XXX", "", "PLNN"} {
		if IsCurrency(c) {
			t.Errorf("IsCurrency(%q) = true", c)
		}
	}
	for _, c := range []string{"PL", "DE", "GB", "US", "AX"} {
		if !IsCountry(c) {
			t.Errorf("IsCountry(%q) = false", c)
		}
	}
	for _, c := range []string{"pl", "UK", "EU", "POL", ""} {
		if IsCountry(c) {
			t.Errorf("IsCountry(%q) = true", c)
		}
	}
}
