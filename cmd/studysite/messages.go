package main

import (
	"fmt"
	"io"
)

// The CLI's own words in English and Chinese, side by side. A small table
// rather than golang.org/x/text/message catalogs: two languages and a few
// dozen strings need no plural rules beyond English's one/other (kept as
// two messages), no translation files and no generator step (gotext), and
// a translator reads each Chinese string beside its English one. The test
// checks that both sides take the same arguments.

// lang is the language the CLI speaks (not the site's: studysite.toml's
// language is the pages').
type lang int

const (
	langEN lang = iota
	langZH
)

// ui is the language of this run, set once in main before the commands
// are made.
var ui = langEN

// msg is one message, a fmt format in each language.
type msg struct{ en, zh string }

// allMessages lists every message, for the test.
var allMessages []*msg

func m(en, zh string) *msg {
	x := &msg{en, zh}
	allMessages = append(allMessages, x)
	return x
}

func (x *msg) String() string { return x.in(ui) }

func (x *msg) in(l lang) string {
	if l == langZH {
		return x.zh
	}
	return x.en
}

// say writes a message, in the run's language, with a newline.
func say(w io.Writer, x *msg, args ...any) {
	_, _ = fmt.Fprintf(w, x.String()+"\n", args...)
}

// sayf is fmt.Sprintf of a message in the run's language.
func sayf(x *msg, args ...any) string { return fmt.Sprintf(x.String(), args...) }

// Summaries and warnings.
var (
	msgWarning        = m("warning: %s", "注意：%s")
	msgBuilt          = m("built %s: %s, %s, %s, %s into %s in %s%s", "已构建 %s：%s、%s、%s，共 %s，输出到 %s，用时 %s%s")
	msgUnchanged      = m("nothing changed since the last build: %s is up to date (%d documents, %d files; checked in %s; --no-cache builds anyway)", "上次构建以来没有改动：%s 已是最新（%d 篇文档、%d 个文件；检查用时 %s；加 --no-cache 可强制重新构建）")
	msgUnchangedOne   = m("nothing changed since the last build: %s is up to date (%d document, %d files; checked in %s; --no-cache builds anyway)", "上次构建以来没有改动：%s 已是最新（%d 篇文档、%d 个文件；检查用时 %s；加 --no-cache 可强制重新构建）")
	msgStageTimes     = m("stages: %s", "各阶段用时：%s")
	msgImportLine     = m("%-10s %s → %s", "%s %s → %s")
	msgBuildImport    = m("%s %s → %s", "%s %s → %s")
	msgImportLineBare = m("%-10s %s", "%s %s")
	msgImportBackup   = m("           the file it replaced is kept as %s", "           被替换的文件已保存为 %s")
	msgOneWarning     = m(" (1 import warning: `studysite import --report` shows it)", "（1 条导入提示：`studysite import --report` 可查看）")
	msgWarnings       = m(" (%d import warnings: `studysite import --report` lists them)", "（%d 条导入提示：`studysite import --report` 可查看）")
)

// The counts of the build summary, each in its English singular and
// plural (Chinese has one form).
var (
	countDocuments   = plural{m("%s document", "%s 篇文档"), m("%s documents", "%s 篇文档")}
	countPages       = plural{m("%s page", "%s 个页面"), m("%s pages", "%s 个页面")}
	countTerms       = plural{m("%s term", "%s 个提法"), m("%s terms", "%s 个提法")}
	countSearchFiles = plural{m("%s search file", "%s 个搜索文件"), m("%s search files", "%s 个搜索文件")}
	countWarnings    = plural{m(" (%s warning)", "（%s 条注意）"), m(" (%s warnings)", "（%s 条注意）")}
)

// Flags and the progress bar.
var (
	msgQuietVerbose  = m("--quiet and --verbose cannot be used together: --quiet prints only errors, --verbose more than usual", "--quiet 和 --verbose 不能同时使用：--quiet 只显示错误，--verbose 显示更多信息")
	msgStageImport   = m("importing seeds", "正在导入讲话稿")
	msgStageParse    = m("reading content", "正在读取文档")
	msgStageRender   = m("writing pages", "正在生成页面")
	msgStageFallback = m("building", "正在构建")
)

// actionWords name what import did to a seed, as site.Action* say it.
var actionWords = map[string]*msg{
	"imported":    m("imported", "已导入"),
	"updated":     m("updated", "已更新"),
	"unchanged":   m("unchanged", "未改变"),
	"kept-edited": m("kept-edited", "保留手改"),
	"replaced":    m("replaced", "已替换"),
	"skipped":     m("skipped", "已跳过"),
	"duplicate":   m("duplicate", "重复"),
	"orphan":      m("orphan", "无原稿"),
	"pruned":      m("pruned", "已移走"),
}

func actionWord(action string) string {
	if w, ok := actionWords[action]; ok {
		return w.String()
	}
	return action
}

// serve
var (
	msgServeBuilding   = m("building %s …", "正在构建 %s……")
	msgServeListening  = m("serving %s at %s (Ctrl-C stops)", "正在预览 %s：请在浏览器打开 %s（按 Ctrl-C 停止）")
	msgServeWatching   = m("watching seeds/, content/, themes/ and studysite.toml; pages reload after each save", "正在留意 seeds/、content/、themes/ 和 studysite.toml 的改动；保存后页面自动刷新")
	msgServeBuilt      = m("built %d documents, %d files in %s", "已构建 %d 篇文档、%d 个文件，用时 %s")
	msgServeBuiltOne   = m("built %d document, %d files in %s", "已构建 %d 篇文档、%d 个文件，用时 %s")
	msgServeRebuilt    = m("%s changed: rebuilt in %s, pages reloaded", "%s 有改动：已重新构建（用时 %s），页面已刷新")
	msgServeMore       = m("%s and %d more", "%s 等 %d 个文件")
	msgServeFailed     = m("build failed (the last good site is still served):", "构建失败（仍提供上一次成功构建的站点）：")
	msgServeWatchErr   = m("watching for changes: %v", "监视文件改动出错：%v")
	msgServeStopped    = m("stopped", "已停止")
	msgServeWideBind   = m("serving on %s, beyond this computer: anyone on the network can read the site", "正在 %s 上提供服务，不只本机：网络上任何人都能访问本站点")
	msgServeOpenFailed = m("could not open the browser (%v): open %s yourself", "无法自动打开浏览器（%v）：请自己打开 %s")
)

// init
var (
	msgInitMade    = m("made a site folder in %s:", "已在 %s 创建站点文件夹：")
	msgInitItem    = m("  %-16s %s", "  %-16s %s")
	msgInitSeeds   = m("put transcripts here (.txt, .docx, .md, .pdf)", "在这里放讲话稿（.txt、.docx、.md、.pdf）")
	msgInitContent = m("the imported Markdown, one file per document", "导入后的 Markdown，每篇文档一个文件")
	msgInitConfig  = m("the settings, each explained", "站点设置，每项都有说明")
	msgInitNext    = m("next: copy transcripts into %s, then run: %s", "下一步：把讲话稿复制到 %s，然后运行：%s")
	msgInitExists  = m("%s already exists: init leaves an existing site alone (delete it first to start over)", "%s 已经存在：init 不会覆盖已有的站点（如要重新开始，请先删除它）")
	msgInitIsFile  = m("%s is a file, not a folder", "%s 是一个文件，不是文件夹")
)

// Started with no arguments from Explorer (clickstart.go).
var (
	msgClickServing  = m("studysite: showing the site of %s in your browser.", "studysite：正在浏览器中显示 %s 的站点。")
	msgClickKeepOpen = m("Keep this window open while you look at the site; close it to stop.", "查看站点时请不要关闭本窗口；关闭窗口即停止。")
	msgClickExplain  = m(`studysite makes a website from transcripts of speeches.

This folder (%s) is not a site folder yet. To make one:
  1. Make a new empty folder, for example 学习材料, and copy studysite.exe into it.
  2. Double-click studysite.exe there: it makes seeds/ and studysite.toml.
  3. Copy the transcripts (.txt, .docx) into seeds/ and double-click studysite.exe again.
The site opens in your browser.`, `studysite 用讲话稿制作学习网站。

当前文件夹（%s）还不是站点文件夹。请这样做：
  1. 新建一个空文件夹（例如“学习材料”），把 studysite.exe 复制进去。
  2. 在那里双击 studysite.exe：它会建好 seeds 文件夹和 studysite.toml。
  3. 把讲话稿（.txt、.docx）复制到 seeds 文件夹，再双击 studysite.exe。
站点会在浏览器中打开。`)
	msgClickAskInit  = m("This folder is empty. Make a site folder here (seeds/, content/, studysite.toml)? [y/N] ", "当前文件夹是空的。要在这里建立站点文件夹（seeds、content、studysite.toml）吗？输入 y 并回车确认：")
	msgClickPutSeeds = m("Now copy the transcripts into seeds/ and double-click studysite.exe again.", "请把讲话稿复制到 seeds 文件夹，然后再次双击 studysite.exe。")
	msgClickError    = m("studysite stopped with an error:", "studysite 出错停止：")
	msgPressEnter    = m("Press Enter to close this window.", "按回车键关闭本窗口。")
)

// Help: the commands' short descriptions by command path, and the usage
// template's headings. Long descriptions and flag descriptions stay
// English (see README, "The CLI in your language").
var shortHelp = map[string]*msg{
	"studysite":            m("Build a readable, searchable website from Chinese study transcripts", "把学习材料（讲话稿）制作成便于阅读、检索的网站"),
	"studysite build":      m("Build public/ from content/ (importing new or changed seeds first)", "构建网站到 public/（先导入新的或改过的讲话稿）"),
	"studysite import":     m("Import seeds/ (transcripts) into content/ (Markdown)", "把 seeds/ 中的讲话稿导入为 content/ 中的 Markdown"),
	"studysite check":      m("Check that every internal link, asset and #anchor of public/ resolves", "检查 public/ 中的每个链接、资源和锚点都有效"),
	"studysite pdf":        m("Print study packets (and with --docs every document) to PDF through headless Chromium", "用 Chromium 把学习资料包（加 --docs 时每篇文档）打印为 PDF"),
	"studysite theme":      m("Make and list themes", "创建和列出主题"),
	"studysite theme new":  m("Copy a built-in theme to themes/NAME/ to change it", "把内置主题复制到 themes/NAME/ 以便修改"),
	"studysite theme list": m("List the built-in themes", "列出内置主题"),
	"studysite version":    m("Print the studysite version", "显示 studysite 的版本"),
	"studysite serve":      m("Build, serve on this computer and reload the browser after each edit", "构建并在本机预览，每次修改后浏览器自动刷新"),
	"studysite init":       m("Make a new site folder: seeds/, content/ and a commented studysite.toml", "新建站点文件夹：seeds/、content/ 和带说明的 studysite.toml"),
	"studysite help":       m("Help about any command", "显示命令的帮助"),
	"studysite completion": m("Generate the autocompletion script for the specified shell", "生成命令行自动补全脚本"),
}

var usageTemplateZH = `用法：{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

通用选项：
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

运行 "{{.CommandPath}} [命令] --help" 查看某个命令的说明。{{end}}
`
