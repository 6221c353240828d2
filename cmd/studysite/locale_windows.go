//go:build windows

package main

import "golang.org/x/sys/windows"

// systemUILanguage is the Windows display language ("zh-CN"), which a
// clerk's PC sets and its console does not export as LANG.
func systemUILanguage() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}
