package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// The refunded transactions are the mock's: FixtureTxPaidWithRefund (paid
// 24.99 PLN, a completed refund of 1 PLN: 23.99 left), FixtureTxPaid (paid
// 24.99 PLN, no refund) and FixtureTxUnpaid (transaction_new, 49 PLN).

func refundConfig(name, transactionID, extra string) string {
	return fmt.Sprintf(`
resource "simpay_payment_refund" %q {
  service_id     = %q
  transaction_id = %q
%s}
`, name, simpaymock.FixtureServiceID, transactionID, extra)
}

func refundsPath(transactionID string) string {
	return "/payment/" + simpaymock.FixtureServiceID + "/transactions/" + transactionID + "/refunds"
}

// TestAccPaymentRefundResource follows one refund through its life: a full
// refund, an equal amount written differently, a timeouts change, a refresh
// that sees SimPay's new status, imports, a replacement and a refund SimPay
// no longer returns.
func TestAccPaymentRefundResource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		clock := newTestClock(t, "2025-06-02T10:00:00+02:00")
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Now: clock.now})
		addr := "simpay_payment_refund.test"
		var firstID, secondID attrCapture
		full := refundConfig("test", simpaymock.FixtureTxPaid, "")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					// No amount: a full refund, sent without a body; state
					// records what SimPay refunded.
					Config: mock.config(full),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringRegexp(uuidRegexp)),
						stateString(addr, "service_id", simpaymock.FixtureServiceID),
						stateString(addr, "transaction_id", simpaymock.FixtureTxPaid),
						stateString(addr, "amount", "24.99"),
						stateString(addr, "status", "refund_new"),
						stateString(addr, "currency", "PLN"),
						stateString(addr, "wallet_amount", "24.99"),
						stateString(addr, "wallet_currency", "PLN"),
						stateString(addr, "created_at", "2025-06-02T10:00:00+02:00"),
						stateString(addr, "updated_at", "2025-06-02T10:00:00+02:00"),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("timeouts"), knownvalue.Null()),
					},
					Check: resource.ComposeTestCheckFunc(
						firstID.capture(addr, "id"),
						checkCount("refunds created", mock.RefundsCreated, 1),
						func(*terraform.State) error {
							if bodies := postBodies(mock, refundsPath(simpaymock.FixtureTxPaid)); len(bodies) != 1 || bodies[0] != "" {
								return fmt.Errorf("a full refund must be sent without a body, sent %q", bodies)
							}
							return nil
						},
					),
				},
				{
					// The amount SimPay refunded, written differently, plans nothing.
					Config:           mock.config(refundConfig("test", simpaymock.FixtureTxPaid, `  amount = "24.990"`+"\n")),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					ConfigStateChecks: []statecheck.StateCheck{
						stateString(addr, "amount", "24.99"),
					},
				},
				{
					// timeouts change in place and send nothing to SimPay.
					PreConfig: mock.ResetRequests,
					Config: mock.config(refundConfig("test", simpaymock.FixtureTxPaid, `  amount = "24.99"
  timeouts = {
    create = "5m"
    read   = "2m"
  }
`)),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("timeouts"), knownvalue.ObjectExact(map[string]knownvalue.Check{
							"create": knownvalue.StringExact("5m"),
							"read":   knownvalue.StringExact("2m"),
						})),
						stateString(addr, "amount", "24.99"),
						stateString(addr, "status", "refund_new"),
					},
					Check: resource.ComposeTestCheckFunc(
						checkCount("refunds created", mock.RefundsCreated, 1),
						checkCount("POSTs", func() int { return mock.CountRequests("POST", "") }, 0),
					),
				},
				{
					// A refresh records SimPay's new status and updated_at.
					PreConfig: func() {
						clock.set(t, "2025-06-03T12:30:00+02:00")
						if err := mock.SetRefundStatus(simpaymock.FixtureServiceID, simpaymock.FixtureTxPaid, firstID.get(), "refund_completed"); err != nil {
							t.Fatal(err)
						}
					},
					Config:           mock.config(full),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}},
					ConfigStateChecks: []statecheck.StateCheck{
						stateString(addr, "status", "refund_completed"),
						stateString(addr, "updated_at", "2025-06-03T12:30:00+02:00"),
						stateString(addr, "created_at", "2025-06-02T10:00:00+02:00"),
						// Leaving the amount out after a full refund keeps it.
						stateString(addr, "amount", "24.99"),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("timeouts"), knownvalue.Null()),
					},
				},
				{
					Config:            mock.config(full),
					ResourceName:      addr,
					ImportState:       true,
					ImportStateVerify: true,
					ImportStateIdFunc: importIDOf(addr, "service_id", "transaction_id", "id"),
				},
				{
					Config:            mock.config(full),
					ResourceName:      addr,
					ImportState:       true,
					ImportStateKind:   resource.ImportBlockWithID,
					ImportStateIdFunc: importIDOf(addr, "service_id", "transaction_id", "id"),
					ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
							if v != firstID.get() {
								return fmt.Errorf("imported id %s, want %s", v, firstID.get())
							}
							return nil
						})),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("amount"), knownvalue.StringExact("24.99")),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("refund_completed")),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("wallet_amount"), knownvalue.StringExact("24.99")),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("created_at"), knownvalue.StringExact("2025-06-02T10:00:00+02:00")),
					}},
				},
				{
					Config:        mock.config(full),
					ResourceName:  addr,
					ImportState:   true,
					ImportStateId: simpaymock.FixtureServiceID + "/" + simpaymock.FixtureTxPaid,
					ExpectError: regexp.MustCompile(`(?s)Invalid import id for simpay_payment_refund.*expected 3.*` +
						`must\s+be\s+service_id/transaction_id/refund_id`),
				},
				{
					Config:        mock.config(full),
					ResourceName:  addr,
					ImportState:   true,
					ImportStateId: simpaymock.FixtureServiceID + "/" + simpaymock.FixtureTxPaid + "/not-a-uuid?x=1",
					ExpectError:   regexp.MustCompile(`(?s)refund_id\s+"not-a-uuid\?x=1"\s+is\s+not\s+in\s+SimPay's\s+format`),
				},
				{
					// Another transaction or amount would be a second refund:
					// the plan refuses it, and nothing is sent.
					PreConfig: mock.ResetRequests,
					Config:    mock.config(refundConfig("test", simpaymock.FixtureTxPaidWithRefund, `  amount = "5.00"`+"\n")),
					ExpectError: eitherOrder(
						`Changing transaction_id would send a second refund.*from\s+"`+simpaymock.FixtureTxPaid+`"\s+to\s+"`+
							simpaymock.FixtureTxPaidWithRefund+`"`,
						`Changing amount would send a second refund.*from\s+"24.99"\s+to\s+"5.00".*SECOND\s+refund.*`+
							`add\s+another\s+simpay_payment_refund\s+block.*terraform\s+apply\s+-replace=simpay_payment_refund.<name>`),
				},
				{
					// A second refund is another block; the first one stays.
					PreConfig: func() {
						if n := mock.RefundsCreated(); n != 1 {
							t.Errorf("refunds created by the refused plan: %d, want 1", n)
						}
						if n := mock.CountRequests("POST", ""); n != 0 {
							t.Errorf("the refused plan sent %d POSTs", n)
						}
					},
					Config: mock.config(full + refundConfig("second", simpaymock.FixtureTxPaidWithRefund, `  amount = "5.00"`+"\n")),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction("simpay_payment_refund.second", plancheck.ResourceActionCreate),
							plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
						},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						stateString("simpay_payment_refund.second", "transaction_id", simpaymock.FixtureTxPaidWithRefund),
						stateString("simpay_payment_refund.second", "amount", "5.00"),
						stateString("simpay_payment_refund.second", "status", "refund_new"),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
							if v != firstID.get() {
								return fmt.Errorf("the first refund is %s, want %s kept", v, firstID.get())
							}
							return nil
						})),
					},
					Check: resource.ComposeTestCheckFunc(
						secondID.capture("simpay_payment_refund.second", "id"),
						checkCount("refunds created", mock.RefundsCreated, 2),
					),
				},
				{
					// A refund SimPay no longer returns is removed on refresh and
					// planned again.
					PreConfig: func() {
						if err := mock.DeleteRefund(simpaymock.FixtureServiceID, simpaymock.FixtureTxPaidWithRefund, secondID.get()); err != nil {
							t.Fatal(err)
						}
					},
					Config: mock.config(full + refundConfig("second", simpaymock.FixtureTxPaidWithRefund, `  amount = "5.00"`+"\n")),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction("simpay_payment_refund.second", plancheck.ResourceActionCreate)},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						stateString("simpay_payment_refund.second", "amount", "5.00"),
					},
					Check: checkCount("refunds created", mock.RefundsCreated, 3),
				},
			},
		})
	})
}

// TestAccPaymentRefundResourceFlows refunds an unpaid transaction (409: not
// paid), a 409 whose answer names no cause, then, once it is paid, part of
// it, too much of another one (400), the rest of it while the first refund
// still waits for SimPay's confirmation (409: a refund pending) and, once
// SimPay has confirmed it, the rest.
func TestAccPaymentRefundResourceFlows(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		partial := refundConfig("partial", simpaymock.FixtureTxUnpaid, `  amount = "10"`+"\n")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(refundConfig("partial", simpaymock.FixtureTxUnpaid, "")),
					ExpectError: regexp.MustCompile(`(?s)Transaction is not paid.*transaction_id\s+=.*` +
						`refund\s+transaction\s+7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b\s+of\s+payment\s+service\s+d151e4f9\s+\(409\s+Conflict,\s+` +
						`SimPay:\s+"The\s+transaction\s+has\s+not\s+been\s+paid,\s+so\s+it\s+cannot\s+be\s+refunded."\).\s+` +
						`Its\s+status\s+in\s+SimPay\s+is\s+transaction_new.\s+SimPay\s+refunds\s+only\s+a\s+paid\s+transaction.*` +
						`Wait\s+until\s+the\s+payer\s+has\s+paid,\s+or\s+choose\s+another\s+transaction\s+in\s+transaction_id,\s+then\s+apply\s+again.\s*$`),
				},
				{
					// A 409 whose answer names neither cause: both are said,
					// each with what to do.
					PreConfig: func() {
						mock.AddFault(simpaymock.Fault{Method: "POST", Path: refundsPath(simpaymock.FixtureTxUnpaid), Kind: simpaymock.FaultStatus,
							Status: 409, ErrorCode: "CONFLICT", Message: "The request conflicts with the current state of the resource.", Times: 1})
					},
					Config: mock.config(refundConfig("partial", simpaymock.FixtureTxUnpaid, "")),
					ExpectError: regexp.MustCompile(`(?s)SimPay refused the refund for the transaction's state.*transaction_id\s+=.*` +
						`\(409\s+Conflict,\s+SimPay:\s+"The\s+request\s+conflicts.*Its\s+status\s+in\s+SimPay\s+is\s+transaction_new.\s+` +
						`SimPay's\s+answer\s+names\s+neither\s+of\s+its\s+two\s+reasons:\s+` +
						`-\s+not\s+paid:\s+SimPay\s+refunds\s+only\s+a\s+paid\s+transaction.*Wait\s+until\s+the\s+payer\s+has\s+paid.*` +
						`-\s+a\s+refund\s+pending:\s+SimPay\s+makes\s+one\s+refund\s+of\s+a\s+transaction\s+at\s+a\s+time.*` +
						`Wait\s+until\s+the\s+earlier\s+refund\s+is\s+refund_completed,\s+refund_rejected\s+or\s+refund_failed\s+\(data.simpay_payment_refunds`),
				},
				{
					PreConfig: func() {
						if err := mock.SetTransactionStatus(simpaymock.FixtureServiceID, simpaymock.FixtureTxUnpaid, "transaction_paid"); err != nil {
							t.Fatal(err)
						}
					},
					Config: mock.config(partial),
					ConfigStateChecks: []statecheck.StateCheck{
						stateString("simpay_payment_refund.partial", "amount", "10"),
						stateString("simpay_payment_refund.partial", "wallet_amount", "10"),
						stateString("simpay_payment_refund.partial", "status", "refund_new"),
					},
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					Check: func(*terraform.State) error {
						if bodies := postBodies(mock, refundsPath(simpaymock.FixtureTxUnpaid)); len(bodies) != 3 || bodies[2] != `{"amount":10}` {
							return fmt.Errorf("partial refund bodies %q", bodies)
						}
						return nil
					},
				},
				{
					// "10" -> "10.00" is the same amount: nothing to do.
					Config:           mock.config(refundConfig("partial", simpaymock.FixtureTxUnpaid, `  amount = "10.00"`+"\n")),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					ConfigStateChecks: []statecheck.StateCheck{
						stateString("simpay_payment_refund.partial", "amount", "10"),
					},
				},
				{
					// More than what remains of the other transaction (23.99).
					Config: mock.config(partial + refundConfig("over", simpaymock.FixtureTxPaidWithRefund, `  amount = "30.00"`+"\n")),
					ExpectError: regexp.MustCompile(`(?s)SimPay refused the refund amount.*amount\s+=\s+"30.00".*` +
						`\(SimPay:\s+"The\s+refund\s+amount\s+exceeds\s+the\s+amount\s+remaining\s+to\s+refund\s+\(23.99\s+PLN\)."\).*` +
						`Lower\s+amount`),
				},
				{
					// The rest, while SimPay has not confirmed the partial
					// refund: SimPay refuses another one, and the error names the
					// refund it waits for.
					Config: mock.config(partial + refundConfig("full", simpaymock.FixtureTxUnpaid, "  depends_on = [simpay_payment_refund.partial]\n")),
					ExpectError: regexp.MustCompile(`(?s)An earlier refund is still pending.*transaction_id\s+=.*` +
						`\(409\s+Conflict,\s+SimPay:\s+"A\s+previous\s+refund\s+of\s+this\s+transaction.*` +
						`Its\s+status\s+in\s+SimPay\s+is\s+transaction_paid.\s+Refunds\s+of\s+it\s+still\s+waiting\s+for\s+confirmation:\s+` +
						`[0-9a-f-]{36}\s+\(refund_new\).\s+SimPay\s+makes\s+one\s+refund\s+of\s+a\s+transaction\s+at\s+a\s+time.*` +
						`Wait\s+until\s+the\s+earlier\s+refund\s+is\s+refund_completed,\s+refund_rejected\s+or\s+refund_failed`),
				},
				{
					// A full refund after the partial one refunds the rest: 39 of
					// 49, once SimPay has confirmed the partial one.
					PreConfig: func() {
						if err := mock.SettleRefunds(simpaymock.FixtureServiceID, simpaymock.FixtureTxUnpaid); err != nil {
							t.Fatal(err)
						}
					},
					Config: mock.config(partial + refundConfig("full", simpaymock.FixtureTxUnpaid, "  depends_on = [simpay_payment_refund.partial]\n")),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction("simpay_payment_refund.full", plancheck.ResourceActionCreate),
							plancheck.ExpectResourceAction("simpay_payment_refund.partial", plancheck.ResourceActionNoop),
						},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						stateString("simpay_payment_refund.partial", "amount", "10"),
						stateString("simpay_payment_refund.full", "amount", "39"),
						stateString("simpay_payment_refund.full", "wallet_amount", "39"),
						stateString("simpay_payment_refund.full", "currency", "PLN"),
					},
					Check: resource.ComposeTestCheckFunc(
						checkCount("refunds created", mock.RefundsCreated, 2),
						func(*terraform.State) error {
							// The refused full refund was sent too: SimPay decides.
							bodies := postBodies(mock, refundsPath(simpaymock.FixtureTxUnpaid))
							if len(bodies) != 5 || bodies[3] != "" || bodies[4] != "" {
								return fmt.Errorf("the full refund must be sent without a body, sent %q", bodies)
							}
							return nil
						},
					),
				},
			},
		})
	})
}

// TestAccPaymentRefundResourceFaults covers SimPay's 422, a 429 that is
// retried, an answer that never came, and a refund made but not read back.
func TestAccPaymentRefundResourceFaults(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		a := refundConfig("a", simpaymock.FixtureTxPaid, `  amount = "5.00"`+"\n")
		c := refundConfig("c", simpaymock.FixtureTxPaidWithRefund, `  amount = "3.00"`+"\n")
		noRetries := `api_token = "` + simpaymock.DefaultToken + `"
  max_retries = 0`
		// The refund made in the step whose read failed, from the request log.
		taintedID := func() string {
			for _, r := range mock.Requests() {
				if r.Method == "GET" && r.Status == 500 && strings.HasPrefix(r.Path, refundsPath(simpaymock.FixtureTxPaidWithRefund)+"/") {
					return r.Path[strings.LastIndex(r.Path, "/")+1:]
				}
			}
			return ""
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					PreConfig: func() {
						mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/payment/*/transactions/*/refunds", Kind: simpaymock.FaultStatus,
							Status: 422, Times: 1,
							Body: `{"success":false,"errorCode":"VALIDATION_ERROR","message":"The given data was invalid.","errors":{"amount":["The amount must be at least 0.01."]}}`})
					},
					Config: mock.config(a),
					ExpectError: regexp.MustCompile(`(?s)Invalid value rejected by SimPay.*amount\s+=\s+"5.00".*` +
						`amount:\s+The\s+amount\s+must\s+be\s+at\s+least\s+0.01.`),
				},
				{
					// A 429 is retried (SimPay did not act on it): one refund.
					PreConfig: func() {
						if n := mock.RefundsCreated(); n != 0 {
							t.Errorf("refunds created after a 422: %d", n)
						}
						mock.ResetRequests()
						mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/payment/*/transactions/*/refunds", Kind: simpaymock.FaultStatus,
							Status: 429, RetryAfter: "0", Times: 1})
					},
					Config: mock.config(a),
					ConfigStateChecks: []statecheck.StateCheck{
						stateString("simpay_payment_refund.a", "amount", "5.00"),
					},
					Check: resource.ComposeTestCheckFunc(
						checkCount("refunds created", mock.RefundsCreated, 1),
						checkCount("POSTs", func() int { return mock.CountRequests("POST", refundsPath(simpaymock.FixtureTxPaid)) }, 2),
					),
				},
				{
					// A 404 about the service on refresh (e.g. a token of another
					// account) is an error, and the refund stays in state.
					PreConfig: func() {
						mock.AddFault(simpaymock.Fault{Method: "GET", Path: refundsPath(simpaymock.FixtureTxPaid) + "/*", Kind: simpaymock.FaultStatus,
							Status: 404, ErrorCode: "SERVICE_NOT_FOUND", Message: "Service not found.", Times: 1})
					},
					Config: mock.config(a),
					ExpectError: regexp.MustCompile(`(?s)Payment service not found.*no\s+online-payment\s+service\s+d151e4f9.*` +
						`kept\s+in\s+state.*api_token`),
				},
				{
					// The connection drops after SimPay made the refund: not re-sent.
					PreConfig: func() {
						mock.ResetRequests()
						mock.AddFault(simpaymock.Fault{Method: "POST", Path: refundsPath(simpaymock.FixtureTxPaidWithRefund), Kind: simpaymock.FaultDropConnection,
							AfterHandler: true, Times: 1})
					},
					Config: mock.config(a + refundConfig("b", simpaymock.FixtureTxPaidWithRefund, `  amount = "2.00"`+"\n")),
					ExpectError: regexp.MustCompile(`(?s)The SimPay refund may have been created.*did\s+not\s+send\s+it\s+again.*` +
						`data.simpay_payment_refunds.*terraform\s+import\s+simpay_payment_refund.<name>\s+` +
						`d151e4f9/528bd43f-d08a-43f5-9462-861e54db37bf/<refund_id>.*import\s+\{\s+to\s+=\s+simpay_payment_refund.<name>`),
				},
				{
					// SimPay makes the refund but reading it back fails: the id
					// stays in state, tainted.
					PreConfig: func() {
						if n := mock.RefundsCreated(); n != 2 {
							t.Errorf("refunds created after the dropped answer: %d, want 2", n)
						}
						if n := mock.CountRequests("POST", refundsPath(simpaymock.FixtureTxPaidWithRefund)); n != 1 {
							t.Errorf("POSTs of the dropped refund: %d, want 1", n)
						}
						// SimPay confirms the dropped one, so it allows the next.
						if err := mock.SettleRefunds(simpaymock.FixtureServiceID, simpaymock.FixtureTxPaidWithRefund); err != nil {
							t.Fatal(err)
						}
						mock.ResetRequests()
						mock.AddFault(simpaymock.Fault{Method: "GET", Path: refundsPath(simpaymock.FixtureTxPaidWithRefund) + "/*", Kind: simpaymock.FaultStatus,
							Status: 500, Times: 1})
					},
					Config: mock.configWith(noRetries, a+c),
					ExpectError: regexp.MustCompile(`(?s)SimPay created the refund but it could not be read back.*` +
						`kept\s+in\s+Terraform\s+state.*tainted.*terraform\s+untaint\s+simpay_payment_refund.<name>`),
				},
				{
					// The tainted refund is the one SimPay made; the next plan
					// replaces it, once SimPay has confirmed it.
					PreConfig: func() {
						if err := mock.SettleRefunds(simpaymock.FixtureServiceID, simpaymock.FixtureTxPaidWithRefund); err != nil {
							t.Fatal(err)
						}
					},
					Config: mock.configWith(noRetries, a+c),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction("simpay_payment_refund.c", plancheck.ResourceActionReplace),
							plancheck.ExpectResourceAction("simpay_payment_refund.a", plancheck.ResourceActionNoop),
							expectPriorID{addr: "simpay_payment_refund.c", want: taintedID},
						},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						stateString("simpay_payment_refund.c", "amount", "3.00"),
						stateString("simpay_payment_refund.c", "status", "refund_new"),
					},
					Check: checkCount("refunds created", mock.RefundsCreated, 4),
				},
			},
		})
	})
}

// TestAccPaymentRefundResourceImportBlock adopts a refund made outside
// Terraform with an import block in the configuration.
func TestAccPaymentRefundResourceImportBlock(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		addr := "simpay_payment_refund.seed"
		importBlock := fmt.Sprintf(`
import {
  to = simpay_payment_refund.seed
  id = "%s/%s/%s"
}
`, simpaymock.FixtureServiceID, simpaymock.FixtureTxPaidWithRefund, simpaymock.FixtureRefundID)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(importBlock + refundConfig("seed", simpaymock.FixtureTxPaidWithRefund, "")),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop)},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						stateString(addr, "id", simpaymock.FixtureRefundID),
						stateString(addr, "amount", "1"),
						stateString(addr, "status", "refund_completed"),
						stateString(addr, "currency", "PLN"),
						stateString(addr, "wallet_amount", "1"),
						stateString(addr, "wallet_currency", "PLN"),
						stateString(addr, "created_at", "2025-01-20T13:17:31+01:00"),
						stateString(addr, "updated_at", "2025-01-20T13:17:59+01:00"),
					},
				},
				{
					// The imported amount, written differently, plans nothing.
					Config:           mock.config(importBlock + refundConfig("seed", simpaymock.FixtureTxPaidWithRefund, `  amount = "1.00"`+"\n")),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					Check:            checkCount("refunds created", mock.RefundsCreated, 0),
				},
			},
		})
	})
}

// TestAccPaymentRefundResourceDestroy checks, with the terraform CLI, that
// the destroy plan and the destroy warn and that nothing is sent to SimPay.
func TestAccPaymentRefundResourceDestroy(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		checkDestroyWarns(t, mock, mock.config(refundConfig("test", simpaymock.FixtureTxPaid, `  amount = "4.99"`+"\n")), "refund")
		if n := mock.RefundsCreated(); n != 1 {
			t.Errorf("refunds created: %d, want 1", n)
		}
	})
}
