package themes

import (
	"fmt"
	"io/fs"
	"strings"
)

// templateFeature is something pages get from a template of the built-in
// themes that a template copied into a site before the feature existed
// lacks. The site still builds; the reader just does not get the feature,
// and the warning says which one.
type templateFeature struct {
	file   string // template, from the top of the theme
	marker string // text every template with the feature contains
	what   string // the feature, as a warning names it
}

// templateFeatures are checked in this order; TestBuiltinThemesHaveEveryFeature
// keeps them in step with the built-in templates.
var templateFeatures = []templateFeature{
	{"templates/base.html", `id="top"`, `the target of the 回到顶部 links (<html id="top">; without it they are broken links)`},
	{"templates/base.html", "Content-Security-Policy", "the Content-Security-Policy meta tag (scripts limited to the site's own)"},
	{"templates/base.html", `template "prefs-script"`, `the reader's 字号 and colour scheme applied before the first paint ({{template "prefs-script"}})`},
	{"templates/base.html", ".InlineAssets", "the 404 page's inline stylesheet and script, which make it work at any depth (.InlineAssets)"},
	{"templates/base.html", `class="site-nav"`, "the header navigation 首页 · 提法 · 搜索 · 学习材料包 (nav.site-nav)"},
	{"templates/base.html", `class="search-form"`, "the search box in the header (form.search-form)"},
	{"templates/base.html", `class="controls"`, "the reading controls 字号 and ◐ (div.controls)"},
	{"templates/base.html", `"links.css"`, "the styles of cross-links, backlinks and term pages (links.css)"},
	{"templates/base.html", `"search.css"`, "the styles of search results (search.css)"},
	{"templates/base.html", `"packets.css"`, "the styles of study packet pages (packets.css)"},
	{"templates/base.html", `"search.js"`, "search from the header box on every page (search.js)"},
	{"templates/base.html", `"theme.css"`, "the stylesheet of a theme that extends this one (theme.css)"},
	{"templates/base.html", "feed.xml", "the link to the Atom feed (feed.xml)"},
	{"templates/doc.html", `class="toc-panel"`, "the table of contents beside a document (details.toc-panel)"},
	{"templates/doc.html", `template "doc-links"`, `related documents, backlinks and packets under a document ({{template "doc-links" .}})`},
	{"templates/doc.html", `class="print-btn"`, "the 打印本文 button (button.print-btn)"},
}

// CheckTemplates checks a theme before any page is rendered through it.
// needed are the template files the site's pages need (from the top of
// the theme); folder is where the site keeps its copy of the theme
// (themes/<name>), for messages. A needed file the theme lacks is an error
// naming the folder and every missing file. A copied template that lacks
// a newer feature gives a warning naming the file and the feature.
func CheckTemplates(theme fs.FS, folder string, needed []string) (warnings []string, err error) {
	var missing []string
	for _, name := range needed {
		if _, err := fs.Stat(theme, name); err != nil {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: the theme has no %s, which the site's pages need: add the missing files (`studysite theme new copy` writes the built-in ones to themes/copy/), or put extends = \"default\" in %s/%s to take every missing file from the default theme",
			folder, strings.Join(missing, ", "), folder, InfoFile)
	}
	for _, f := range templateFeatures {
		src, err := fs.ReadFile(theme, f.file)
		if err != nil {
			continue // a page kind this site does not have
		}
		if !strings.Contains(string(src), f.marker) {
			warnings = append(warnings, fmt.Sprintf("%s/%s: the copied template lacks %s (compare the built-in one: studysite theme new copy)",
				folder, f.file, f.what))
		}
	}
	return warnings, nil
}
