// Package provider implements the SimPay Terraform provider on
// terraform-plugin-framework. It knows nothing of HTTP: every call to SimPay
// goes through internal/client.
package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
)

// Environment variables the provider reads when an argument is not set; their
// names, and the settings', are internal/diagnostics', which prints them.
const (
	envAPIToken = diagnostics.EnvAPIToken
	envBaseURL  = diagnostics.EnvBaseURL
)

const (
	defaultRequestTimeout        = 30 * time.Second
	defaultMaxRetries            = 4
	defaultMaxConcurrentRequests = 4
)

var (
	_ provider.Provider                  = (*simpayProvider)(nil)
	_ provider.ProviderWithListResources = (*simpayProvider)(nil)
	_ provider.ProviderWithActions       = (*simpayProvider)(nil)
)

type simpayProvider struct {
	version string
}

// New returns a constructor for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &simpayProvider{version: version} }
}

type providerModel struct {
	APIToken              types.String `tfsdk:"api_token"`
	BaseURL               types.String `tfsdk:"base_url"`
	RequestTimeout        types.String `tfsdk:"request_timeout"`
	MaxRetries            types.Int64  `tfsdk:"max_retries"`
	MaxConcurrentRequests types.Int64  `tfsdk:"max_concurrent_requests"`
}

func (p *simpayProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "simpay"
	resp.Version = p.version
}

func (p *simpayProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads and creates [SimPay](https://simpay.pl) objects: online-payment services, channels, " +
			"currencies, transactions and refunds, SMS premium and DirectBilling.",
		Attributes: map[string]schema.Attribute{
			diagnostics.SettingAPIToken: schema.StringAttribute{
				Optional:   true,
				Sensitive:  true,
				Validators: []validator.String{apiTokenValidator()},
				MarkdownDescription: "SimPay API token (SimPay panel: My Account > API keys), sent as a bearer token. " +
					"Falls back to the `" + envAPIToken + "` environment variable. Not needed for `terraform validate`; " +
					"reported as missing only when something is read from SimPay. A token with a line break or spaces around it is " +
					"refused; a token read with `file()` keeps the file's final line break, so use `trimspace(file(...))`.",
			},
			diagnostics.SettingBaseURL: schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "SimPay API root. Falls back to `" + envBaseURL + "`, then `" + client.DefaultBaseURL + "`. " +
					"A path prefix is kept, so SimPay's hosted mock `https://docs.simpay.pl/_mock/en/apis/` works. " +
					"Must be `https://`; plain `http://` is accepted only for a loopback host such as a local `simpay-mock`.",
				Validators: []validator.String{baseURLValidator()},
			},
			diagnostics.SettingRequestTimeout: schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "How long one HTTP attempt may take, as a duration such as `30s` or `2m`. " +
					"Defaults to `30s`. A read that times out is retried; a create is not (see the resources' notes).",
				Validators: []validator.String{createonly.DurationValidator()},
			},
			diagnostics.SettingMaxRetries: schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Retries after the first attempt of a request that failed in a way that is "+
					"safe to retry (connection errors, %s for reads; only %s and connection failures "+
					"before the request was sent for creates), each wait at most 30 seconds. From `0` to `10`; defaults to `%d`; "+
					"`0` disables retries.",
					statusList(client.RetriedStatuses()), statusList(client.RetriedCreateStatuses()), defaultMaxRetries),
				Validators: []validator.Int64{int64validator.Between(0, 10)},
			},
			diagnostics.SettingMaxConcurrentRequests: schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("How many pages of a long list are fetched at once. From `1` to `32`; defaults to `%d`.",
					defaultMaxConcurrentRequests),
				Validators: []validator.Int64{int64validator.Between(1, 32)},
			},
		},
	}
}

// providerData is what data sources and resources receive from Configure. A
// configuration that cannot give a client yet (no token, or a token that is
// unknown until apply) still configures: the problem is reported by whatever
// tries to call SimPay, so that plans which never need SimPay work.
type providerData struct {
	// client is nil when the settings cannot give one (a setting unknown
	// until apply); it has no token when none is configured.
	client *client.Client
	// problems say why there is no client; tokenProblems why the client
	// may call only SimPay's public endpoints.
	problems      diag.Diagnostics
	tokenProblems diag.Diagnostics
	// terraformVersion is the version the CLI reports, "" if it reports
	// none, for advice that only some CLIs can follow.
	terraformVersion string
}

// Client returns the API client, or diagnostics saying why there is none.
func (d *providerData) Client() (*client.Client, diag.Diagnostics) {
	c, diags := d.PublicClient()
	if diags.HasError() {
		return nil, diags
	}
	if d.tokenProblems.HasError() {
		return nil, d.tokenProblems
	}
	return c, nil
}

// PublicClient is Client for what SimPay serves without a token (GET /ip,
// which SimPay's own shop plugins call with no Authorization header): the
// client, with the token when one is configured, even when none is.
func (d *providerData) PublicClient() (*client.Client, diag.Diagnostics) {
	if d == nil {
		return nil, diagnostics.NotConfigured()
	}
	if d.client == nil {
		return nil, d.problems
	}
	return d.client, nil
}

// TerraformVersion is the version the CLI reports, "" if it reports none.
func (d *providerData) TerraformVersion() string { return d.terraformVersion }

func (p *simpayProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	data := &providerData{terraformVersion: req.TerraformVersion}
	resp.DataSourceData = data
	resp.ResourceData = data
	resp.ListResourceData = data
	resp.ActionData = data

	// Values that come from other resources are unknown while planning. The
	// framework's guidance is not to guess: keep planning possible, and say
	// clearly what cannot be done until the value is known.
	var unknown []string
	for name, v := range map[string]interface{ IsUnknown() bool }{
		diagnostics.SettingAPIToken: cfg.APIToken, diagnostics.SettingBaseURL: cfg.BaseURL,
		diagnostics.SettingRequestTimeout: cfg.RequestTimeout, diagnostics.SettingMaxRetries: cfg.MaxRetries,
		diagnostics.SettingMaxConcurrentRequests: cfg.MaxConcurrentRequests,
	} {
		if v.IsUnknown() {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		for _, name := range unknown {
			data.problems.AddAttributeError(path.Root(name), "Provider setting not known yet",
				fmt.Sprintf("The SimPay provider's %s comes from a value that is known only after apply, so nothing can be read "+
					"from SimPay while planning. Data sources that read SimPay during this plan need it now: set %s from a "+
					"value known at plan time (a variable or, for the token, the %s environment variable), or apply the "+
					"resource it depends on first with -target.", name, name, envAPIToken))
		}
		return
	}

	settings, diags := resolveSettings(cfg)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	if settings.token == "" {
		// The client is still made: simpay_notification_ips reads a public
		// endpoint and needs no token.
		data.tokenProblems.AddAttributeError(path.Root(diagnostics.SettingAPIToken), "Missing SimPay API token", fmt.Sprintf(
			"The SimPay provider has no API token, and one is needed to read from or create in SimPay. Set %s in "+
				"the provider block or the %s environment variable to a token created in SimPay's client panel "+
				"(My Account > API keys). To plan in CI without SimPay credentials, point %s at simpay-mock. "+
				"(Only simpay_notification_ips reads SimPay without a token.)", diagnostics.SettingAPIToken, envAPIToken,
			diagnostics.SettingBaseURL))
	}

	retries := settings.maxRetries
	c, err := client.New(client.Config{
		BaseURL:         settings.baseURL,
		Token:           settings.token,
		UserAgent:       fmt.Sprintf("terraform-provider-simpay/%s terraform/%s", p.version, req.TerraformVersion),
		RequestTimeout:  settings.requestTimeout,
		MaxRetries:      &retries,
		PageConcurrency: settings.maxConcurrent,
		// One provider process serves one Terraform run: catalogue data does
		// not change within it, so identical reads share one request.
		ShareCatalogueReads: true,
		Logger:              newClientLogger(settings.token),
	})
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root(diagnostics.SettingBaseURL), "Invalid SimPay provider configuration", err.Error())
		return
	}
	data.client = c
}

type settings struct {
	token          string
	baseURL        string
	requestTimeout time.Duration
	maxRetries     int
	maxConcurrent  int
}

// resolveSettings applies environment fallbacks and defaults. Values from the
// configuration were validated at terraform validate; values from the
// environment are validated here, naming the variable.
func resolveSettings(cfg providerModel) (settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := settings{
		token:          os.Getenv(envAPIToken),
		baseURL:        client.DefaultBaseURL,
		requestTimeout: defaultRequestTimeout,
		maxRetries:     defaultMaxRetries,
		maxConcurrent:  defaultMaxConcurrentRequests,
	}
	if !cfg.APIToken.IsNull() {
		s.token = cfg.APIToken.ValueString()
	} else if problem := apiTokenProblem(s.token); problem != "" {
		// api_token itself was checked at validate by apiTokenValidator.
		diags.AddError("Invalid "+envAPIToken+" environment variable", envAPIToken+" "+problem+apiTokenAdvice+
			" Fix or unset "+envAPIToken+", or set "+diagnostics.SettingAPIToken+" in the provider block.")
	}
	switch {
	case !cfg.BaseURL.IsNull():
		s.baseURL = cfg.BaseURL.ValueString()
	case os.Getenv(envBaseURL) != "":
		s.baseURL = os.Getenv(envBaseURL)
		if err := client.ValidateBaseURL(s.baseURL); err != nil {
			diags.AddError("Invalid "+envBaseURL+" environment variable",
				fmt.Sprintf("%s: %s. Fix or unset %s, or set %s in the provider block.", envBaseURL, err, envBaseURL,
					diagnostics.SettingBaseURL))
		}
	}
	if !cfg.RequestTimeout.IsNull() {
		d, err := time.ParseDuration(cfg.RequestTimeout.ValueString())
		if err != nil || d <= 0 {
			diags.AddAttributeError(path.Root(diagnostics.SettingRequestTimeout), "Invalid "+diagnostics.SettingRequestTimeout,
				fmt.Sprintf("%s must be a positive duration such as \"30s\", got %q.", diagnostics.SettingRequestTimeout,
					cfg.RequestTimeout.ValueString()))
		}
		s.requestTimeout = d
	}
	if !cfg.MaxRetries.IsNull() {
		s.maxRetries = int(cfg.MaxRetries.ValueInt64())
	}
	if !cfg.MaxConcurrentRequests.IsNull() {
		s.maxConcurrent = int(cfg.MaxConcurrentRequests.ValueInt64())
	}
	return s, diags
}

func baseURLValidator() validator.String {
	return funcValidator{desc: "base URL", check: func(s string) string {
		if err := client.ValidateBaseURL(s); err != nil {
			return "is not usable: " + err.Error()
		}
		return ""
	}}
}

func (p *simpayProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewPaymentServicesDataSource,
		NewPaymentServiceDataSource,
		NewPaymentChannelsDataSource,
		NewPaymentCurrenciesDataSource,
		NewPaymentTransactionsDataSource,
		NewPaymentTransactionDataSource,
		NewPaymentRefundsDataSource,
		NewPaymentSubscriptionsDataSource,
		NewPaymentBlikAliasesDataSource,
		NewNotificationIPsDataSource,
		NewSMSServicesDataSource,
		NewSMSServiceDataSource,
		NewSMSNumbersDataSource,
		NewSMSTransactionsDataSource,
		NewSMSTransactionDataSource,
		NewDirectBillingServicesDataSource,
		NewDirectBillingServiceDataSource,
		NewDirectBillingCalculationDataSource,
		NewDirectBillingTransactionsDataSource,
		NewDirectBillingTransactionDataSource,
	}
}

func (p *simpayProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewPaymentTransactionResource,
		NewPaymentRefundResource,
		NewDirectBillingTransactionResource,
	}
}

// ListResources are the create-only resources again, listed for terraform
// query (Terraform 1.14 and later).
func (p *simpayProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewPaymentTransactionListResource,
		NewPaymentRefundListResource,
		NewDirectBillingTransactionListResource,
	}
}

// Actions are what terraform apply -invoke runs (Terraform 1.14 and later).
func (p *simpayProvider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{
		NewPaymentRefundAction,
		NewPaymentBlikAliasUnregisterAction,
	}
}

// statusList writes HTTP statuses as "429, 500, 502", for descriptions
// that say what the client retries without restating its list.
func statusList(statuses []int) string {
	parts := make([]string, len(statuses))
	for i, s := range statuses {
		parts[i] = strconv.Itoa(s)
	}
	return strings.Join(parts, ", ")
}
