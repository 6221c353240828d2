//go:build unix

package main

import (
	"os/exec"
	"syscall"
)

// killGroupOnCancel makes a cancelled cmd kill its whole process group: a
// test may start processes of its own (a browser, a server).
func killGroupOnCancel(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
