package ingest

import (
	"strconv"
	"strings"
	"testing"
)

func TestIsBoilerplate(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"Public domain", true},
		{"public domain.", true},
		{"本文来源：人民网－人民日报", true},
		{"（责任编辑：王某某）", true},
		{"责任编辑: 李四", true},
		{"版权所有 © 2023 某某市新闻网　All Rights Reserved", true},
		{"版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。", true},
		{"本文采用知识共享 (CC BY-SA 4.0) 许可协议", true},
		{"Licensed under CC BY-SA 4.0", true},
		{"Text is available under the Creative Commons licence. Licensed under CC BY-SA", false}, // does not start with it
		{`Retrieved from "https://zh.wikisource.org/wiki/x"`, true},
		{"发布时间：2023-10-16 09:32　来源：市委办公室", true},
		{"发布于 2023-11-02 21:15:08　阅读量 1.2k", true},
		// Content that mentions the same words.
		{"来源：《习近平谈治国理政》第四卷", false},
		{"要加强知识产权保护，" + strings.Repeat("依法保护著作权人的版权所有权益，", 4), false},
		{"发布于网上的谣言要及时澄清。", false},
		{"坚持公有制为主体。", false},
	}
	for _, c := range cases {
		if got := isBoilerplate(c.line); got != c.want {
			t.Errorf("isBoilerplate(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// A footer line is kept (nothing lost) as a paragraph of its own, and the
// report warns about it with its line.
func TestBoilerplateWarning(t *testing.T) {
	in := "学习体会\n\n要真正做到让群众少跑腿\n本文来源：个人学习笔记\n（责任编辑：王某）\nPublic domain\n"
	res, err := Import("seeds/x.txt", []byte(in), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outline(res.Doc), "p 要真正做到让群众少跑腿\np 本文来源：个人学习笔记\np （责任编辑：王某）\np Public domain\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	var got []string
	for _, w := range res.Report.Warnings {
		got = append(got, strconv.Itoa(w.Line)+": "+w.Message)
	}
	want := []string{
		"4: probable non-content (web page boilerplate): 本文来源：个人学习笔记",
		"5: probable non-content (web page boilerplate): （责任编辑：王某）",
		"6: probable non-content (web page boilerplate): Public domain",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checkFidelity(t, textLines(in), res)
}
