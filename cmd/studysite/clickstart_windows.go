//go:build windows

package main

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

var getConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// startedByDoubleClick says whether Explorer started the program: then
// Windows made a console for it alone, and the console's process list
// holds just this process. From cmd.exe or PowerShell it holds the shell too.
func startedByDoubleClick() bool {
	var pids [2]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), 2)
	return n == 1
}
