package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

// dbTextMaxLength bounds description and control: SimPay's OpenAPI file gives
// "maximum: 128" for both, read here as a length.
const dbTextMaxLength = 128

// NewDirectBillingTransactionResource is the simpay_directbilling_transaction
// resource.
func NewDirectBillingTransactionResource() resource.Resource {
	return createonly.NewResource[directBillingTransactionModel, *client.DirectBillingTransaction](directBillingTransactionSpec{})
}

// directBillingTransactionSpec is what is the DirectBilling transaction's
// own; the rest is the skeleton, createonly.
type directBillingTransactionSpec struct{}

type directBillingTransactionModel struct {
	ID          types.String `tfsdk:"id"`
	ServiceID   types.String `tfsdk:"service_id"`
	Amount      DecimalValue `tfsdk:"amount"`
	AmountType  types.String `tfsdk:"amount_type"`
	Description types.String `tfsdk:"description"`
	// control and phone_number, which SimPay returns when it is read.
	directBillingTransactionReturned
	ReturnURLs types.Object `tfsdk:"return_urls"`
	SteamID    types.String `tfsdk:"steamid"`
	Email      types.String `tfsdk:"email"`
	// RedirectURL is in SimPay's answer to the create only.
	RedirectURL types.String `tfsdk:"redirect_url"`
	directBillingTransactionReported
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (directBillingTransactionSpec) About() createonly.About {
	return createonly.About{Name: "directbilling_transaction", Kind: "DirectBilling transaction", Service: directBillingServices,
		ID: []createonly.IDPart{directBillingServicePart, ownTransactionPart}}
}

func (directBillingTransactionSpec) Schema() schema.Schema {
	notSentBack := " SimPay does not return it when the transaction is read, so after an import it is null until the " +
		"configuration sets it, which then only records it in state (nothing is sent)."
	return schema.Schema{
		MarkdownDescription: "Creates a DirectBilling (carrier billing) transaction " +
			"(`POST /directbilling/{serviceId}/transactions`): the payer pays with their mobile phone bill at " +
			"`redirect_url`. The resource then reads the transaction back.",
		Attributes: directBillingTransactionReportedAttrs.resourceWith(map[string]schema.Attribute{
			"service_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the DirectBilling service: 8 lowercase hexadecimal characters, as shown in " +
					"the SimPay panel. Changing it replaces the transaction.",
				Validators:    []validator.String{serviceIDValidator()},
				PlanModifiers: replaceString(),
			},
			"amount": amountattr.ResourceArgument(amountattr.Required, "0.01", "Amount in PLN as a decimal string such as `\"19.99\"`: more than 0, at most 2 "+
				"decimal places. What it means depends on `amount_type`. Writing the same number differently "+
				"(`\"10\"` for `\"10.00\"`) plans nothing; another amount replaces the transaction."+notSentBack, replaceDecimal()),
			"amount_type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString("gross"),
				MarkdownDescription: "What `amount` is: `gross` (the price the payer pays, with VAT; the default), `net` " +
					"(the price without VAT) or `required` (what you want to receive; the price the payer sees then " +
					"depends on the carrier). Changing it replaces the transaction." + notSentBack,
				Validators:    []validator.String{stringvalidator.OneOf("required", "net", "gross")},
				PlanModifiers: replaceString(),
			},
			"description": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Description shown to the payer on the payment page, 1 to %d characters "+
					"(SimPay's OpenAPI file gives `maximum: %d` for it, read here as a maximum length). Changing it "+
					"replaces the transaction.", dbTextMaxLength, dbTextMaxLength) + notSentBack,
				Validators:    []validator.String{stringvalidator.UTF8LengthBetween(1, dbTextMaxLength)},
				PlanModifiers: replaceString(),
			},
			"control": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Your own value to recognise the transaction by, such as an order "+
					"number, 1 to %d characters (SimPay's OpenAPI file gives `maximum: %d` for it, read here as a "+
					"maximum length). SimPay sends it back in notifications and lets you filter transactions by it. "+
					"Changing it replaces the transaction.", dbTextMaxLength, dbTextMaxLength),
				Validators:    []validator.String{stringvalidator.UTF8LengthBetween(1, dbTextMaxLength)},
				PlanModifiers: replaceReturnedString(),
			},
			"return_urls": schema.SingleNestedAttribute{
				Optional: true,
				MarkdownDescription: "Where SimPay sends the payer after the payment. Changing it replaces the " +
					"transaction. Set at least one URL, or leave the whole object out." + notSentBack,
				Validators:    []validator.Object{notEmptyObject()},
				PlanModifiers: replaceObject(),
				Attributes: map[string]schema.Attribute{
					"success": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Absolute http(s) URL for a successful payment, such as `\"https://shop.example.com/paid\"`.",
						Validators:          []validator.String{httpURLValidator()},
						PlanModifiers:       replaceString(),
					},
					"failure": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Absolute http(s) URL for a failed payment, such as `\"https://shop.example.com/failed\"`.",
						Validators:          []validator.String{httpURLValidator()},
						PlanModifiers:       replaceString(),
					},
				},
			},
			"phone_number": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Phone number the payment must come from, in international form written as digits " +
					"only, country code first, without `+` or spaces: 9 to 15 digits, such as `\"48123123123\"`. If you " +
					"leave it out, the payer enters their number on the payment page, and this attribute records the " +
					"number SimPay reports once it knows it (null until then); that never plans a change. Setting or " +
					"changing it in the configuration replaces the transaction.",
				Validators:    []validator.String{phoneNumberValidator()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), replaceOnChange{}},
			},
			"steamid": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "SteamID64 of the payer's Steam account (17 digits, such as `\"76561198000000000\"`), " +
					"for SimPay's fraud checks. Changing it replaces the transaction." + notSentBack,
				Validators:    []validator.String{steamIDValidator()},
				PlanModifiers: replaceString(),
			},
			"email": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The payer's email address, such as `\"jan@example.com\"`, sent as `email`." +
					" SimPay's API reference does not list this field yet; SimPay's own SDKs send it. Changing it replaces the transaction." +
					notSentBack,
				Validators:    []validator.String{emailValidator()},
				PlanModifiers: replaceString(),
			},
			"redirect_url": computedString("URL of SimPay's payment page to send the payer to. SimPay gives it only when the " +
				"transaction is created, so it is null after an import."),
		}),
	}
}

// FieldPath maps SimPay's 422 field names for a new DirectBilling
// transaction to attributes.
func (directBillingTransactionSpec) FieldPath(field string) (path.Path, bool) {
	switch field {
	case "amount", "description", "control", "steamid", "email":
		return path.Root(field), true
	case "amountType":
		return path.Root("amount_type"), true
	case "phoneNumber":
		return path.Root("phone_number"), true
	case "returns":
		return path.Root("return_urls"), true
	case "returns.success":
		return path.Root("return_urls").AtName("success"), true
	case "returns.failure":
		return path.Root("return_urls").AtName("failure"), true
	}
	return path.Empty(), false
}

func (directBillingTransactionSpec) request(m *directBillingTransactionModel, diags *diag.Diagnostics) client.DirectBillingTransactionRequest {
	req := client.DirectBillingTransactionRequest{
		Amount:      jsonAmount(path.Root("amount"), m.Amount, diags),
		AmountType:  m.AmountType.ValueString(),
		Description: m.Description.ValueString(),
		Control:     m.Control.ValueString(),
		PhoneNumber: m.PhoneNumber.ValueString(),
		SteamID:     m.SteamID.ValueString(),
		Email:       m.Email.ValueString(),
	}
	if !m.ReturnURLs.IsNull() && !m.ReturnURLs.IsUnknown() {
		attrs := m.ReturnURLs.Attributes()
		get := func(name string) string {
			if s, ok := attrs[name].(types.String); ok {
				return s.ValueString()
			}
			return ""
		}
		req.Returns = &client.Returns{Success: get("success"), Failure: get("failure")}
	}
	return req
}

func (directBillingTransactionSpec) CreateAction(plan *directBillingTransactionModel) string {
	return fmt.Sprintf("creating a DirectBilling transaction of %s (%s) in DirectBilling service %s",
		plan.Amount.ValueString(), plan.AmountType.ValueString(), plan.ServiceID.ValueString())
}

// Request builds the create request and returns what sends it.
func (s directBillingTransactionSpec) Request(plan *directBillingTransactionModel, diags *diag.Diagnostics) createonly.Send {
	body := s.request(plan, diags)
	return func(ctx context.Context, c *client.Client) (createonly.Answer, error) {
		return createonly.TransactionAnswer(c.CreateDirectBillingTransaction(ctx, plan.ServiceID.ValueString(), body))
	}
}

func (directBillingTransactionSpec) Get(ctx context.Context, c *client.Client, ids []string) (*client.DirectBillingTransaction, error) {
	return c.GetDirectBillingTransaction(ctx, ids[0], ids[1])
}

// Set records what SimPay says of the transaction. Arguments stay as they
// are in state; the two SimPay returns, control and phone_number, are filled
// only where state has none (after an import, or a phone number SimPay
// learnt from the payer).
func (directBillingTransactionSpec) Set(_ context.Context, m *directBillingTransactionModel, t *client.DirectBillingTransaction, _ bool) diag.Diagnostics {
	returned, reported, diags := newDirectBillingTransactionView(t)
	if m.Control.IsNull() || m.Control.IsUnknown() {
		m.Control = returned.Control
	}
	if m.PhoneNumber.IsNull() || m.PhoneNumber.IsUnknown() {
		m.PhoneNumber = returned.PhoneNumber
	}
	m.directBillingTransactionReported = reported
	return diags
}

// ReportedAmount is the amount SimPay recorded as asked for (value_created);
// "" when SimPay does not send it.
func (directBillingTransactionSpec) ReportedAmount(m *directBillingTransactionModel) string {
	if m.ValueCreated.IsNull() || m.ValueCreated.IsUnknown() {
		return ""
	}
	return m.ValueCreated.ValueString()
}

// Mismatch is the error of a transaction SimPay recorded with another
// amount or amount type than asked for: the payer would be charged another
// price than the configuration says.
func (s directBillingTransactionSpec) Mismatch(m *directBillingTransactionModel, ids []string) diag.Diagnostic {
	asked, reported := m.Amount.ValueString(), s.ReportedAmount(m)
	if m.Amount.IsNull() || m.Amount.IsUnknown() || reported == "" {
		return nil
	}
	askedType, reportedType := m.AmountType.ValueString(), m.ValueCreatedType.ValueString()
	typeDiffers := !m.ValueCreatedType.IsNull() && !m.ValueCreatedType.IsUnknown() && askedType != "" &&
		!strings.EqualFold(askedType, reportedType)
	if decimal.Equal(asked, reported) && !typeDiffers {
		return nil
	}
	return diag.NewAttributeErrorDiagnostic(path.Root("amount"), "SimPay recorded another amount than asked", fmt.Sprintf(
		"SimPay reports DirectBilling transaction %s of DirectBilling service %s as created for %s (%s), but %s (%s) was "+
			"asked for (amount, amount_type). The transaction is made and kept in Terraform state with SimPay's figures in "+
			"value_created and value_created_type; nothing more was sent. Check the transaction in the SimPay panel "+
			"before you send a payer to its redirect_url: the payer is charged what SimPay recorded.",
		ids[1], ids[0], reported, reportedType, asked, askedType))
}

func (directBillingTransactionSpec) FindHint(plan *directBillingTransactionModel) string {
	return controlHint(plan.Control, "a transaction of "+plan.Amount.ValueString()+" created just now",
		"among the transactions of DirectBilling service "+plan.ServiceID.ValueString()+" in the SimPay panel")
}

// LeftBehind says what the transaction a replacement leaves behind still
// does at SimPay: its payment page stays payable.
func (directBillingTransactionSpec) LeftBehind(_ context.Context, state tfsdk.State) string {
	url, _ := rawText(state.Raw, "redirect_url")
	page := "Its payment page"
	if url != "" {
		page += " " + url
	}
	return page + " stays payable at SimPay: a payer who has the old link can still pay it, and then pay the new one too."
}
