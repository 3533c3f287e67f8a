package provider

import (
	"embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Configurations: those longer than a screen are files in testdata, loaded
// by name; short ones are built in Go with the HCL helpers below.

//go:embed testdata/*.tf
var testdataFiles embed.FS

// testdataPlaceholder is how a testdata file marks a value the test fills
// in: {{name}}, never valid HCL on its own, so a value left out cannot pass
// for configuration.
var testdataPlaceholder = regexp.MustCompile(`\{\{([a-z_]+)\}\}`)

// testdataConfig is testdata/<name>.tf with each {{key}} replaced by
// vars[key]. It panics when the file is missing, when the file has a
// placeholder vars does not fill or vars a key the file does not use: a
// configuration a test did not mean is never run.
func testdataConfig(name string, vars map[string]string) string {
	text, err := renderTestdata(name, vars)
	if err != nil {
		panic(err)
	}
	return text
}

// renderTestdata is testdataConfig returning its error.
func renderTestdata(name string, vars map[string]string) (string, error) {
	raw, err := testdataFiles.ReadFile("testdata/" + name + ".tf")
	if err != nil {
		return "", fmt.Errorf("testdata configuration %q: %w", name, err)
	}
	used := map[string]bool{}
	var missing []string
	text := testdataPlaceholder.ReplaceAllStringFunc(string(raw), func(m string) string {
		key := testdataPlaceholder.FindStringSubmatch(m)[1]
		v, ok := vars[key]
		if !ok {
			missing = append(missing, key)
			return m
		}
		used[key] = true
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("testdata/%s.tf: no value given for %s", name, strings.Join(missing, ", "))
	}
	var unused []string
	for key := range vars {
		if !used[key] {
			unused = append(unused, key)
		}
	}
	if len(unused) > 0 {
		slices.Sort(unused)
		return "", fmt.Errorf("testdata/%s.tf has no placeholder for %s", name, strings.Join(unused, ", "))
	}
	return text, nil
}

// hclBlock writes a block with default arguments, each replaced by a line of
// lines that sets the same name.
func hclBlock(header string, defaults []string, lines ...string) string {
	set := map[string]bool{}
	for _, l := range lines {
		name, _, _ := strings.Cut(l, "=")
		set[strings.TrimSpace(name)] = true
	}
	var b strings.Builder
	b.WriteString(header + " {\n")
	for _, d := range defaults {
		name, _, _ := strings.Cut(d, "=")
		if !set[strings.TrimSpace(name)] {
			b.WriteString("  " + d + "\n")
		}
	}
	for _, l := range lines {
		b.WriteString("  " + l + "\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// importBlock is an import block of id into the resource at to.
func importBlock(to, id string) string {
	return "import {\n  to = " + to + "\n  id = " + quoteHCL(id) + "\n}\n"
}

// quoteHCL quotes s as an HCL string; JSON escapes are valid HCL escapes.
func quoteHCL(s string) string {
	b, _ := json.Marshal(s)
	return strings.NewReplacer("${", "$${", "%{", "%%{").Replace(string(b))
}

// q is an argument line setting name to the string value.
func q(name, value string) string { return name + " = " + quoteHCL(value) }
