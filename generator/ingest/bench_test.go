package ingest

import (
	"strings"
	"testing"
)

// BenchmarkImportLongLine: one 200,000-character line (a PDF copied without
// line breaks).
func BenchmarkImportLongLine(b *testing.B) {
	data := []byte("标题\n" + strings.Repeat("推动高质量发展，", 25000) + "\n")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Import("seeds/x.txt", data, "", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportWrapped: a large hard-wrapped transcript with page numbers.
func BenchmarkImportWrapped(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("标题\n\n")
	for i := 0; sb.Len() < 8<<20; i++ {
		sb.WriteString("　　习近平总书记强调，要完整、准确、全面贯彻新发展理念，\n围绕推动高质量发展、构建新发展格局。\n")
		if i%40 == 39 {
			sb.WriteString("- 3 -\n")
		}
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Import("seeds/x.txt", data, "", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
