//go:build !windows

package serve

import (
	"errors"
	"syscall"
)

// addrInUse says whether listening failed because the port is taken.
func addrInUse(err error) bool { return errors.Is(err, syscall.EADDRINUSE) }
