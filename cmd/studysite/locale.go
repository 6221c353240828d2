package main

import (
	"strings"
)

// detectLang picks the CLI's language: --lang (in args, read before cobra
// parses them, since the help itself must be in that language), else the
// POSIX locale variables in their order of precedence (LC_ALL, then
// LC_MESSAGES, then LANG; the first one set decides), else the system's
// UI language (Windows; "" elsewhere). Chinese when that is zh, English
// otherwise.
func detectLang(args []string, getenv func(string) string, systemUI func() string) lang {
	if v, ok := langFlag(args); ok {
		return parseLang(v)
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return parseLang(v)
		}
	}
	return parseLang(systemUI())
}

// parseLang reads a locale name or tag: zh_CN.UTF-8, zh-Hans-CN, zh_TW,
// zh; everything else (C, POSIX, en_US, "") is English.
func parseLang(v string) lang {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "zh" || strings.HasPrefix(v, "zh_") || strings.HasPrefix(v, "zh-") || strings.HasPrefix(v, "zh.") {
		return langZH
	}
	return langEN
}

// langFlag finds --lang VALUE or --lang=VALUE before a "--".
func langFlag(args []string) (string, bool) {
	for i, a := range args {
		switch {
		case a == "--":
			return "", false
		case strings.HasPrefix(a, "--lang="):
			return strings.TrimPrefix(a, "--lang="), true
		case a == "--lang" && i+1 < len(args):
			return args[i+1], true
		}
	}
	return "", false
}
