package p

import "testing"

func TestGrade(t *testing.T) {
	if Grade(60) != "pass" || Grade(59) != "fail" {
		t.Fatal("boundary")
	}
}

func TestClamp(t *testing.T) {
	if Clamp(3) != 3 || Clamp(50) != 10 {
		t.Fatal("clamp")
	}
}
