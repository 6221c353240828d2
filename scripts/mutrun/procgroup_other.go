//go:build !unix

package main

import "os/exec"

// killGroupOnCancel leaves exec's default, killing cmd alone: process
// groups are a Unix notion (make mutate runs on Linux and macOS).
func killGroupOnCancel(cmd *exec.Cmd) {}
