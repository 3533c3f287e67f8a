package provider

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// simpayDocumentedAbilities are the abilities SimPay's 2024 OpenAPI file
// names (its bearerAuth scopes; SimPaypl/SimPay-API-php docs/openapi.json),
// the only SimPay source that names any.
var simpayDocumentedAbilities = map[string]bool{
	"payment.services": true, "payment.service": true, "payment.channels": true, "payment.transactions": true,
	"payment.transactions.create": true, "payment.transaction": true,
	"sms.services": true, "sms.services.show": true, "sms.services.code": true, "sms.services.transactions": true,
	"sms.services.transactions.show": true, "sms.services.numbers": true, "sms.services.numbers.show": true,
	"sms.numbers": true, "sms.numbers.show": true,
	"directbilling.services": true, "directbilling.services.show": true, "directbilling.transactions": true,
	"directbilling.transactions.create": true, "directbilling.transactions.show": true,
}

// TestDocsAbilityTableSaysWhichNamesAreSimPays checks the ability table of
// docs/index.md: every data source and resource has a row, a row whose
// names come from SimPay's OpenAPI file names only abilities that file
// names, and a row of names the file lacks marks them inferred.
func TestDocsAbilityTableSaysWhichNamesAreSimPays(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(moduleRoot(), "docs", "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile("`([^`]+)`")
	rows := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) != 3 || !strings.Contains(cells[0], "`simpay_") {
			continue
		}
		kind := "data source"
		for _, k := range []string{"resource", "list resource", "action"} {
			if strings.HasPrefix(cells[0], k+" ") {
				kind = k
			}
		}
		for _, m := range code.FindAllStringSubmatch(cells[0], -1) {
			rows[kind+" "+m[1]] = true
		}
		var names []string
		for _, m := range code.FindAllStringSubmatch(cells[1], -1) {
			// Arguments that choose between abilities are not abilities.
			if m[1] != "GET /ip" && m[1] != "service_id" && m[1] != "include_resource" {
				names = append(names, m[1])
			}
		}
		documented, inferred := strings.Contains(cells[2], "OpenAPI file"), strings.Contains(cells[2], "*inferred*")
		switch {
		case len(names) == 0:
			if !strings.Contains(cells[1], "public") {
				t.Errorf("%s: no ability named, and not said to be public", cells[0])
			}
		case documented == inferred:
			t.Errorf("%s: the row must say either that SimPay's OpenAPI file names %v or that they are *inferred*", cells[0], names)
		}
		for _, name := range names {
			if documented && !simpayDocumentedAbilities[name] {
				t.Errorf("%s: %s is said to be in SimPay's OpenAPI file, which does not name it", cells[0], name)
			}
			if inferred && simpayDocumentedAbilities[name] {
				t.Errorf("%s: %s is marked inferred, but SimPay's OpenAPI file names it", cells[0], name)
			}
		}
	}
	p := &simpayProvider{}
	for _, newDataSource := range p.DataSources(context.Background()) {
		var resp datasource.MetadataResponse
		newDataSource().Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "simpay"}, &resp)
		if !rows["data source "+resp.TypeName] {
			t.Errorf("docs/index.md has no ability row for data source %s", resp.TypeName)
		}
	}
	for _, newResource := range p.Resources(context.Background()) {
		var resp resource.MetadataResponse
		newResource().Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "simpay"}, &resp)
		if !rows["resource "+resp.TypeName] {
			t.Errorf("docs/index.md has no ability row for resource %s", resp.TypeName)
		}
	}
}

// goInstallOrRun matches a go install or go run of the module's simpay-mock
// by module path, with its version suffix if any.
var goInstallOrRun = regexp.MustCompile("go (install|run) github\\.com/simpay-tf/terraform-provider-simpay/cmd/simpay-mock(@[^\\s`\"']+)?")

// TestDocsSnippetsNameOnlyVersionsThatExist: a command a reader copies from
// README.md, docs/ or examples/ works before any release is tagged: by
// module path only with @latest (go run and go install need a version
// outside the module), otherwise from a checkout (./cmd/simpay-mock).
func TestDocsSnippetsNameOnlyVersionsThatExist(t *testing.T) {
	files := []string{"../../README.md"}
	for _, dir := range []string{"../../docs", "../../templates", "../../examples"} {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".tmpl") || strings.HasSuffix(p, ".tf")) {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goInstallOrRun.FindAllStringSubmatch(string(b), -1) {
			if m[2] != "@latest" {
				t.Errorf("%s: %q names no version or one that is not tagged; use @latest or go install ./cmd/simpay-mock from a checkout", f, m[0])
			}
		}
	}
}

// docLink is a relative link of a docs page: [text](target).
var docLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// TestDocsLinksWorkOnTheRegistryAndGitHub: every link between pages of
// docs/ is relative and names the page's file, .md included (GitHub needs
// the file; the Registry maps such links to its own pages), and the file
// exists.
func TestDocsLinksWorkOnTheRegistryAndGitHub(t *testing.T) {
	root := "../../docs"
	links := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range docLink.FindAllStringSubmatch(string(b), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			links++
			file, _, _ := strings.Cut(target, "#")
			if !strings.HasSuffix(file, ".md") {
				t.Errorf("%s: link %q does not name a .md file", p, target)
				continue
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(p), file)); err != nil {
				t.Errorf("%s: link %q names no page: %v", p, target, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if links < 17 {
		t.Errorf("only %d links between pages found", links)
	}
}

// TestDocsProviderArgumentsStateRangesAndDefaults: the provider page (its
// schema descriptions) says each numeric argument's range and default.
func TestDocsProviderArgumentsStateRangesAndDefaults(t *testing.T) {
	page, err := os.ReadFile("../../docs/index.md")
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(page)), " ")
	for _, want := range []string{
		"`max_retries` (Number)", "From `0` to `10`; defaults to `4`",
		"`max_concurrent_requests` (Number)", "From `1` to `32`; defaults to `4`",
		"`request_timeout` (String)", "Defaults to `30s`",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("docs/index.md does not say %q", want)
		}
	}
}

// docSubcategories are the groups of the Registry's navigation: one per
// SimPay product, and three for the guides. A page outside them would make
// a group of its own.
var docSubcategories = map[string]bool{
	"Online payments": true, "SMS Premium": true, "DirectBilling": true, "Notifications": true,
	"Getting started": true, "Testing without credentials": true, "Operations": true,
}

var docSubcategory = regexp.MustCompile(`(?m)^subcategory: "(.*)"$`)

// TestDocsEveryPageHasASubcategory: every page but the provider's own sits
// in one of the navigation's groups, never in an empty one.
func TestDocsEveryPageHasASubcategory(t *testing.T) {
	root := "../../docs"
	pages := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || p == filepath.Join(root, "index.md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		front, _, _ := strings.Cut(strings.TrimPrefix(string(b), "---\n"), "\n---\n")
		m := docSubcategory.FindStringSubmatch(front)
		switch {
		case m == nil:
			t.Errorf("%s: no subcategory in its front matter", p)
		case !docSubcategories[m[1]]:
			t.Errorf("%s: subcategory %q is not one of the navigation's groups (docs_test.go docSubcategories)", p, m[1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 30 {
		t.Errorf("only %d pages found under %s", pages, root)
	}
}
