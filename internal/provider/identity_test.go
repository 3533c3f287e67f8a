package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	tfresource "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// TestCreateOnlyIdentitySchema checks that the identity schema is the
// composite id of each create-only resource, every part needed to import.
func TestCreateOnlyIdentitySchema(t *testing.T) {
	want := map[string][]string{
		"simpay_payment_transaction":       {"service_id", "id"},
		"simpay_payment_refund":            {"service_id", "transaction_id", "id"},
		"simpay_directbilling_transaction": {"service_id", "id"},
	}
	for _, newResource := range (&simpayProvider{}).Resources(context.Background()) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "simpay"}, &meta)
		withIdentity, ok := r.(resource.ResourceWithIdentity)
		if !ok {
			t.Errorf("%s has no identity", meta.TypeName)
			continue
		}
		var resp resource.IdentitySchemaResponse
		withIdentity.IdentitySchema(context.Background(), resource.IdentitySchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%s: %v", meta.TypeName, resp.Diagnostics)
		}
		var schemaResp resource.SchemaResponse
		r.Schema(context.Background(), resource.SchemaRequest{}, &schemaResp)
		if len(resp.IdentitySchema.Attributes) != len(want[meta.TypeName]) {
			t.Errorf("%s: identity attributes %v, want %v", meta.TypeName, resp.IdentitySchema.Attributes, want[meta.TypeName])
		}
		for _, name := range want[meta.TypeName] {
			a, ok := resp.IdentitySchema.Attributes[name]
			if !ok || !a.IsRequiredForImport() {
				t.Errorf("%s: identity attribute %s missing or not required for import", meta.TypeName, name)
			}
			if _, ok := schemaResp.Schema.Attributes[name]; !ok {
				t.Errorf("%s: identity attribute %s is not a resource attribute", meta.TypeName, name)
			}
		}
	}
}

// TestAccPaymentTransactionResourceIdentity checks the identity after a
// create, after an import by id and after an import by identity; that an
// import block with identity plans exactly one import and nothing else; and
// the errors for an identity that is not SimPay's format or not SimPay's.
func TestAccPaymentTransactionResourceIdentity(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	original := ptReturnedConfig("")
	// copyOf is another resource block for the same transaction, after an
	// import block that names it.
	copyOf := func(name, importBlock string) string {
		return importBlock + ptReturnedBlock(name, "")
	}
	byIdentity := copyOf("by_identity", `
import {
  to = simpay_payment_transaction.by_identity
  identity = {
    service_id = "d151e4f9"
    id         = simpay_payment_transaction.test.id
  }
}
`)
	byID := copyOf("by_id", `
import {
  to = simpay_payment_transaction.by_id
  id = "d151e4f9/${simpay_payment_transaction.test.id}"
}
`)
	sameAsTest := func(addr string) statecheck.StateCheck {
		return statecheck.CompareValuePairs(ptAddr, tfjsonpath.New("id"), addr, tfjsonpath.New("id"), compare.ValuesSame())
	}
	ids := map[string]knownvalue.Check{
		"service_id": knownvalue.StringExact("d151e4f9"),
		"id":         knownvalue.StringRegexp(uuidV4Regexp),
	}
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   identityCLIs,
		Steps: []tfresource.TestStep{
			{
				Config:            mock.config(original),
				ConfigStateChecks: identityOf(ptAddr, ids),
				Check:             createdCount(mock, 1, 1),
			},
			{
				ResourceName:     ptAddr,
				ImportState:      true,
				ImportStateKind:  tfresource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: tfresource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{expectOnlyImport{ptAddr}}},
			},
			{
				Config: mock.config(original + byIdentity),
				ConfigPlanChecks: tfresource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{expectOnlyImport{"simpay_payment_transaction.by_identity"}},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: append(identityOf("simpay_payment_transaction.by_identity", ids),
					sameAsTest("simpay_payment_transaction.by_identity")),
				Check: createdCount(mock, 1, 1),
			},
			{
				// An import block stays in the configuration after the
				// import has been applied; it then plans nothing.
				Config: mock.config(original + byIdentity + byID),
				ConfigPlanChecks: tfresource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{expectOnlyImport{"simpay_payment_transaction.by_id"}},
				},
				ConfigStateChecks: append(identityOf("simpay_payment_transaction.by_id", ids), sameAsTest("simpay_payment_transaction.by_id")),
				Check:             createdCount(mock, 1, 1),
			},
			{
				Config: mock.config(original + copyOf("bad", `
import {
  to = simpay_payment_transaction.bad
  identity = {
    service_id = "D151E4F9"
    id         = "1d87a1b3?x"
  }
}
`)),
				ExpectError: regexp.MustCompile(`(?s)Invalid import identity for simpay_payment_transaction.*` +
					`service_id\s+"D151E4F9"\s+is\s+not\s+in\s+SimPay's\s+format;\s+id\s+"1d87a1b3\?x"\s+is\s+not\s+in\s+SimPay's\s+format.*` +
					`identity\s+=\s+\{\s+service_id\s+=\s+"d151e4f9"\s+id\s+=\s+"1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"\s+\}`),
			},
			{
				Config: mock.config(original + copyOf("missing", `
import {
  to = simpay_payment_transaction.missing
  identity = {
    service_id = "d151e4f9"
    id         = "00000000-0000-4000-8000-000000000000"
  }
}
`)),
				ExpectError: regexp.MustCompile(`Cannot import non-existent remote object`),
			},
		},
	})
}

// TestAccPaymentRefundResourceIdentity checks a refund's identity (service,
// transaction and refund id) after a create and after an import by
// identity, which plans exactly one import and nothing else.
func TestAccPaymentRefundResourceIdentity(t *testing.T) {
	t.Parallel()
	testRefundIdentity(t, "test", simpaymock.FixtureTxPaid, "5.00")
}

// testRefundIdentity refunds amount of transactionID, in the fixture
// service, with a refund resource named name, checks its identity and
// imports it by identity: the import plans exactly one import and nothing
// else, and SimPay makes one refund in all.
func testRefundIdentity(t *testing.T, name, transactionID, amount string) {
	t.Helper()
	mock := newTestMock(t, simpaymock.Options{})
	addr := "simpay_payment_refund." + name
	refund := fmt.Sprintf(`
resource "simpay_payment_refund" %q {
  service_id     = %q
  transaction_id = %q
  amount         = %q
}
`, name, simpaymock.FixtureServiceID, transactionID, amount)
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   identityCLIs,
		Steps: []tfresource.TestStep{
			{
				Config: mock.config(refund),
				ConfigStateChecks: identityOf(addr, map[string]knownvalue.Check{
					"service_id":     knownvalue.StringExact(simpaymock.FixtureServiceID),
					"transaction_id": knownvalue.StringExact(transactionID),
					"id":             knownvalue.StringRegexp(uuidRegexp),
				}),
				Check: checkCount("refunds created", mock.RefundsCreated, 1),
			},
			{
				ResourceName:     addr,
				ImportState:      true,
				ImportStateKind:  tfresource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: tfresource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{expectOnlyImport{addr}}},
				Check:            checkCount("refunds created", mock.RefundsCreated, 1),
			},
		},
	})
}

// TestAccDirectBillingTransactionResourceIdentity checks a DirectBilling
// transaction's identity after a create and an import by identity. SimPay
// does not return amount, amount_type, description, return_urls or steamid,
// so the import also records them with an in-place update.
func TestAccDirectBillingTransactionResourceIdentity(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	const addr = "simpay_directbilling_transaction.test"
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   identityCLIs,
		Steps: []tfresource.TestStep{
			{
				Config: mock.config(`
resource "simpay_directbilling_transaction" "test" {
  service_id   = "d151e4f9"
  amount       = "19.99"
  control      = "sub-0001"
  phone_number = "48123123123"
}
`),
				ConfigStateChecks: identityOf(addr, map[string]knownvalue.Check{
					"service_id": knownvalue.StringExact("d151e4f9"),
					"id":         knownvalue.StringRegexp(uuidRegexp),
				}),
			},
			{
				ResourceName:       addr,
				ImportState:        true,
				ImportStateKind:    tfresource.ImportBlockWithResourceIdentity,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: tfresource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					expectImportOnly{addr},
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				Check: checkCount("DirectBilling transactions created", mock.DirectBillingTransactionsCreated, 1),
			},
		},
	})
}

// TestAccCreateOnlyIdentityForOlderState checks, through the real CLI, that
// a resource in state written before it had an identity (by an older
// provider or an older Terraform) gets one on the next refresh, and that
// nothing else changes.
func TestAccCreateOnlyIdentityForOlderState(t *testing.T) {
	checkCLI(t, identityCLIs...)
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, mock.config(fmt.Sprintf(`
resource "simpay_payment_refund" "test" {
  service_id     = %q
  transaction_id = %q
  amount         = "1"
}
`, simpaymock.FixtureServiceID, simpaymock.FixtureTxPaid)))
	ctx := context.Background()
	run := func(args ...string) string {
		t.Helper()
		out, errOut, err := cli.Run(ctx, append(args, "-no-color")...)
		if err != nil {
			t.Fatalf("terraform %v: %v\n%s\n%s", args, err, out, errOut)
		}
		return out
	}
	run("apply", "-auto-approve")

	// The state as a provider without identity wrote it.
	statePath := filepath.Join(cli.Dir, "terraform.tfstate")
	raw, err := os.ReadFile(statePath)
	if err != nil {
		t.Fatal(err)
	}
	var state map[string]any
	if err := json.Unmarshal(raw, &state); err != nil {
		t.Fatal(err)
	}
	removed := 0
	for _, r := range state["resources"].([]any) {
		for _, inst := range r.(map[string]any)["instances"].([]any) {
			i := inst.(map[string]any)
			if _, ok := i["identity"]; ok {
				removed++
			}
			delete(i, "identity")
			delete(i, "identity_schema_version")
		}
	}
	if removed != 1 {
		t.Fatalf("the apply stored %d identities, want 1:\n%s", removed, raw)
	}
	state["serial"] = state["serial"].(float64) + 1
	if raw, err = json.Marshal(state); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(statePath, raw, 0o600); err != nil {
		t.Fatal(err)
	}

	if out := run("apply", "-refresh-only", "-auto-approve"); !strings.Contains(out, "Apply complete!") {
		t.Fatalf("refresh:\n%s", out)
	}
	var shown struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address  string         `json:"address"`
					Values   map[string]any `json:"values"`
					Identity map[string]any `json:"identity"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(run("show", "-json")), &shown); err != nil {
		t.Fatal(err)
	}
	resources := shown.Values.RootModule.Resources
	if len(resources) != 1 {
		t.Fatalf("state holds %d resources, want 1", len(resources))
	}
	r := resources[0]
	for _, attr := range []string{"service_id", "transaction_id", "id"} {
		if got, want := r.Identity[attr], r.Values[attr]; got == nil || got != want {
			t.Errorf("after the refresh, identity %s = %v, want the state's %v", attr, got, want)
		}
	}
	if len(r.Identity) != 3 {
		t.Errorf("identity %v, want service_id, transaction_id and id", r.Identity)
	}
	if out, errOut, err := cli.Run(ctx, "plan", "-detailed-exitcode", "-no-color"); err != nil {
		t.Errorf("the plan after the refresh is not empty: %v\n%s\n%s", err, out, errOut)
	}
	if got := mock.RefundsCreated(); got != 1 {
		t.Errorf("mock made %d refunds, want 1", got)
	}
}
