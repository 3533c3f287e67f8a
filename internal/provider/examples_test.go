package provider

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exampleDirs lists every directory under examples/ that holds Terraform
// files: the provider, each data source and resource, and the demo.
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
		if strings.HasSuffix(path, ".tf") && (len(dirs) == 0 || dirs[len(dirs)-1] != filepath.Dir(path)) {
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

// TestExamplesValidate runs terraform validate on every example against the
// provider built from this tree, and checks that terraform fmt would not
// change it: the examples are what users copy, and what the docs show.
func TestExamplesValidate(t *testing.T) {
	t.Parallel()
	root := filepath.Join(moduleRoot(), "examples")
	for _, dir := range exampleDirs(t) {
		rel, _ := filepath.Rel(root, dir)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			t.Parallel()
			files := map[string]string{}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tf") {
					b, err := os.ReadFile(filepath.Join(dir, e.Name()))
					if err != nil {
						t.Fatal(err)
					}
					files[e.Name()] = string(b)
				}
			}
			tf := newTerraformCLIFiles(t, files)
			if out, errOut, err := tf.Run(context.Background(), "fmt", "-check", "-diff", "-no-color"); err != nil {
				t.Errorf("terraform fmt would change %s:\n%s%s", rel, out, errOut)
			}
			if out, errOut, err := tf.Run(context.Background(), "validate", "-no-color"); err != nil {
				t.Errorf("terraform validate failed for %s: %v\n%s%s", rel, err, out, errOut)
			}
		})
	}
}

// TestExampleImportIDs checks that the import ids shown in each resource's
// import.sh and import-by-string-id.tf are accepted by that resource's import.
func TestExampleImportIDs(t *testing.T) {
	parts := map[string][]idPart{}
	for _, a := range createOnlyAbouts(t) {
		parts[a.typeName()] = a.id
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
			if _, err := parseImportID(m[2], want...); err != nil {
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
