// Package config reads studysite.toml. Every setting has a working default,
// so a folder holding only seeds/ builds.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/termrule"
)

var tomlLineErr = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// FileName is the config file at the top of a site folder.
const FileName = "studysite.toml"

// Config is a site's configuration.
type Config struct {
	// SourceDate is not read from the file: the build sets it (from
	// SOURCE_DATE_EPOCH) for dates no document gives.
	SourceDate time.Time `toml:"-"`

	Title       string `toml:"title"`
	Description string `toml:"description"`
	// BaseURL is where the site is deployed, e.g. https://example.org/study/.
	// Pages link relatively, so it is only used for absolute URLs in the
	// sitemap and feed; empty means those URLs are left out.
	BaseURL  string `toml:"baseURL"`
	Language string `toml:"language"`
	Theme    string `toml:"theme"`
	// Markup.UnsafeHTML lets raw HTML in Markdown through; by default it is
	// shown as text.
	Markup Markup `toml:"markup"`
	// Glossary lists the formulations (提法) the site tracks; see glossary.go.
	Glossary []GlossaryEntry `toml:"glossary"`
	// TermLinks says which mentions of a glossary term in a document body
	// link to the term's page: first-per-section (default),
	// first-per-document, all or off.
	TermLinks string `toml:"termLinks"`
	// Links says what a link to a missing document, heading or paragraph
	// does: "error" (default) fails the build, "warn" only warns.
	Links string `toml:"links"`
	// Terms says which quoted strings the importer takes as terms.
	Terms Terms `toml:"terms"`
	// Packets are the study packets ([[packet]]); see packets.go.
	Packets []Packet `toml:"packet"`
	// PacketSettings are the settings of all packets ([packets]).
	PacketSettings Packets `toml:"packets"`
}

// Markup configures Markdown rendering.
type Markup struct {
	UnsafeHTML bool `toml:"unsafeHTML"`
}

// Default is the configuration of a site with no studysite.toml.
func Default() Config {
	return Config{
		Title:    "学习材料",
		Language: "zh-CN",
		Theme:    "default",

		TermLinks: TermLinksFirstPerSection,
		Links:     LinksError,
		Terms:     Terms{MinLength: termrule.DefaultMinLength},
	}
}

// Load reads path from fsys over the defaults. A missing file gives the
// defaults; unknown keys come back as warnings; errors name file and line.
func Load(fsys afero.Fs, path string) (Config, []string, error) {
	cfg := Default()
	data, err := afero.ReadFile(fsys, path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil, nil
	}
	if err != nil {
		return cfg, nil, fmt.Errorf("%s: %w", path, err)
	}
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return cfg, nil, fmt.Errorf("%s:%d: %s", path, pe.Position.Line, pe.Message)
		}
		// Type mismatches come as plain errors: "toml: line 3 (last key
		// "glossary.term"): incompatible types: …".
		if m := tomlLineErr.FindStringSubmatch(err.Error()); m != nil {
			return cfg, nil, fmt.Errorf("%s:%s: %s: %s", path, m[1], m[2], m[3])
		}
		return cfg, nil, fmt.Errorf("%s: %w", path, err)
	}
	var warns []string
	for _, k := range md.Undecoded() {
		if line := keyLine(string(data), k); line > 0 {
			warns = append(warns, fmt.Sprintf("%s:%d: unknown setting %q (ignored)", path, line, k.String()))
			continue
		}
		warns = append(warns, fmt.Sprintf("%s: unknown setting %q (ignored)", path, k.String()))
	}
	sort.SliceStable(warns, func(i, j int) bool { return warnLine(warns[i]) < warnLine(warns[j]) })
	if err := cfg.validate(); err != nil {
		return cfg, warns, fmt.Errorf("%s: %w", path, err)
	}
	if err := cfg.validatePackets(packetLines(string(data))); err != nil {
		return cfg, warns, err
	}
	return cfg, warns, nil
}

func (c *Config) validate() error {
	if c.Language == "" {
		c.Language = "zh-CN"
	}
	if c.Theme == "" {
		c.Theme = "default"
	}
	if strings.ContainsAny(c.Theme, `/\.`) {
		return fmt.Errorf("theme %q: a theme is a folder name, without / \\ or .", c.Theme)
	}
	if err := c.validateLinks(); err != nil {
		return err
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("baseURL %q: must be an absolute http(s) URL such as https://example.org/study/", c.BaseURL)
		}
		if !strings.HasSuffix(c.BaseURL, "/") {
			c.BaseURL += "/"
		}
	}
	return nil
}
