//go:build windows

package serve

import (
	"errors"

	"golang.org/x/sys/windows"
)

// addrInUse says whether listening failed because the port is taken
// (Winsock's own error number, not syscall.EADDRINUSE).
func addrInUse(err error) bool { return errors.Is(err, windows.WSAEADDRINUSE) }
