//go:build !windows

package main

// systemUILanguage is empty off Windows: the locale variables say it.
func systemUILanguage() string { return "" }
