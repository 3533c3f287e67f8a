package provider

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
)

// exampleDirs lists every directory under examples/ that holds Terraform
// files: the provider, each data source, resource, list resource and
// action, and the demo.
func exampleDirs(t *testing.T) []string {
	t.Helper()
	root := filepath.Join(moduleRoot(), "examples")
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".terraform" {
				return filepath.SkipDir
			}
			return nil
		}
		if isExampleFile(path) && (len(dirs) == 0 || dirs[len(dirs)-1] != filepath.Dir(path)) {
			dirs = append(dirs, filepath.Dir(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no examples found")
	}
	return dirs
}

// isExampleFile says whether name is configuration: a .tf file, or a
// .tfquery.hcl file of list blocks for terraform query.
func isExampleFile(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tfquery.hcl")
}

// exampleVariants splits an example directory's files into the
// configurations to validate: the alternative import examples of a resource
// (import-by-string-id.tf, import-by-identity.tf) name the same resource, so
// each is validated with the other files, one at a time.
func exampleVariants(files map[string]string) map[string]map[string]string {
	base := map[string]string{}
	var alternatives []string
	for name, text := range files {
		if strings.HasPrefix(name, "import-by-") {
			alternatives = append(alternatives, name)
			continue
		}
		base[name] = text
	}
	if len(alternatives) == 0 {
		return map[string]map[string]string{"": base}
	}
	variants := map[string]map[string]string{}
	for _, alt := range alternatives {
		v := map[string]string{alt: files[alt]}
		for name, text := range base {
			v[name] = text
		}
		variants[alt] = v
	}
	return variants
}

// exampleNeeds is what a CLI must have to validate an example: actions
// (Terraform 1.14), list blocks (Terraform 1.14) or import blocks with an
// identity (Terraform and OpenTofu 1.12).
func exampleNeeds(files map[string]string) []tfversion.TerraformVersionCheck {
	var needs []tfversion.TerraformVersionCheck
	for name, text := range files {
		switch {
		case strings.HasSuffix(name, ".tfquery.hcl"):
			return listCLIs
		case regexp.MustCompile(`(?m)^action "`).MatchString(text):
			return actionCLIs
		case regexp.MustCompile(`(?m)^\s+identity\s+=`).MatchString(text):
			needs = identityCLIs
		}
	}
	return needs
}

// TestExamplesValidate runs terraform validate on every example against the
// provider built from this tree, and checks that terraform fmt would not
// change it: the examples are what users copy, and what the docs show. An
// example that needs a newer CLI skips on older ones.
func TestExamplesValidate(t *testing.T) {
	t.Parallel()
	root := filepath.Join(moduleRoot(), "examples")
	for _, dir := range exampleDirs(t) {
		rel, _ := filepath.Rel(root, dir)
		files := map[string]string{}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if isExampleFile(e.Name()) {
				b, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				files[e.Name()] = string(b)
			}
		}
		for variant, files := range exampleVariants(files) {
			name := filepath.ToSlash(filepath.Join(rel, variant))
			t.Run(name, func(t *testing.T) {
				checkCLI(t, exampleNeeds(files)...)
				t.Parallel()
				tf := newTerraformCLIFiles(t, files)
				if out, errOut, err := tf.Run(context.Background(), "fmt", "-check", "-diff", "-no-color"); err != nil {
					t.Errorf("terraform fmt would change %s:\n%s%s", name, out, errOut)
				}
				args := []string{"validate", "-no-color"}
				for file := range files {
					if strings.HasSuffix(file, ".tfquery.hcl") {
						args = append(args, "-query")
						break
					}
				}
				if out, errOut, err := tf.Run(context.Background(), args...); err != nil {
					t.Errorf("terraform validate failed for %s: %v\n%s%s", name, err, out, errOut)
				}
			})
		}
	}
}

// TestExampleImportIDs checks that the import ids shown in each resource's
// import.sh and import-by-string-id.tf are accepted by that resource's import.
func TestExampleImportIDs(t *testing.T) {
	parts := map[string][]createonly.IDPart{}
	for _, a := range createOnlyAbouts(t) {
		parts[a.TypeName()] = a.ID
	}
	command := regexp.MustCompile(`(?m)^terraform import (\S+)\.\S+ (\S+)$`)
	block := regexp.MustCompile(`(?s)to\s*=\s*(\S+)\.\S+\s+id\s*=\s*"([^"]+)"`)
	for typ, want := range parts {
		dir := filepath.Join(moduleRoot(), "examples", "resources", typ)
		for file, re := range map[string]*regexp.Regexp{"import.sh": command, "import-by-string-id.tf": block} {
			b, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Errorf("%s: %v", typ, err)
				continue
			}
			m := re.FindStringSubmatch(string(b))
			if m == nil || m[1] != typ {
				t.Errorf("%s/%s shows no import of a %s", typ, file, typ)
				continue
			}
			if _, err := createonly.ParseImportID(m[2], want...); err != nil {
				t.Errorf("%s/%s: %v", typ, file, err)
			}
		}
	}
}

// TestDocsDescriptionsAreShort checks that every page's front-matter
// description, what the Registry shows in lists, is one or two sentences on
// one line: the full story is in the page's body.
func TestDocsDescriptionsAreShort(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(moduleRoot(), "docs", "*", "*.md"))
	if err != nil || len(pages) < 20 {
		t.Fatalf("docs pages: %d, %v", len(pages), err)
	}
	for _, page := range pages {
		b, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		front, _, _ := strings.Cut(strings.TrimPrefix(string(b), "---\n"), "\n---\n")
		_, description, found := strings.Cut(front, "description: |-\n")
		if !found {
			continue
		}
		lines := strings.Split(strings.TrimRight(description, "\n"), "\n")
		text := strings.TrimSpace(lines[0])
		if len(lines) != 1 || text == "" || strings.Count(text+" ", ". ") > 2 {
			t.Errorf("%s: the front-matter description is not one or two sentences on one line:\n%s", filepath.Base(page), description)
		}
	}
}
