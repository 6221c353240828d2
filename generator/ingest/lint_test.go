package ingest

import (
	"strconv"
	"strings"
	"testing"
)

// TestLintNumbering: what a clerk reads about heading numbers. A question
// too long to be a heading is a paragraph but still takes its number, and
// a warning names the numbers around the gap, never "number 0".
func TestLintNumbering(t *testing.T) {
	longQuestion := "3.简述“四个全面”战略布局的内涵，并结合本学期所学内容和当前我国经济社会发展的实际情况，谈谈你对全面深化改革和全面依法治国之间关系的理解与认识。\n答：略。\n"
	tests := []struct {
		name string
		in   string
		want []string // line:message of the numbering warnings
	}{
		{"long question keeps the count across chapters",
			"思想政治理论课期末复习提纲\r\n\r\n第一章　人民民主\r\n\r\n1.什么是全过程人民民主？\r\n答：略。\r\n\r\n2.人民民主的主要内容是什么？\r\n答：略。\r\n\r\n" +
				strings.ReplaceAll(longQuestion, "\n", "\r\n") + "\r\n第二章　依法治国\r\n\r\n4.依法治国的主要内容是什么？\r\n答：略。\r\n",
			nil},
		{"a question really missing",
			"复习提纲\n\n第一章 总论\n\n1.什么是两个确立？\n答：略。\n\n2.什么是两个维护？\n答：略。\n\n4.如何理解新发展理念？\n答：略。\n",
			[]string{"11:heading number skips: 4.如何理解新发展理念？ follows 2. with no 3. between"}},
		{"several missing, in Chinese numerals",
			"政府工作报告\n\n一、过去一年工作回顾\n\n　　过去一年，我们坚持稳中求进。\n\n五、今年政府工作任务\n\n　　今年要重点抓好以下工作。\n",
			[]string{"7:heading number skips: 五、今年政府工作任务 follows 一、 with no 二、 to 四、 between"}},
		{"numbering that does not start at one",
			"学习笔记\n\n（三）大力推进现代化产业体系建设\n\n　　实施制造业重点产业链高质量发展行动。\n",
			[]string{"3:heading number skips: （三）大力推进现代化产业体系建设 starts its numbering at （三）, with no （一） before it"}},
		{"a number repeated",
			"复习提纲\n\n1.甲是什么？\n答：略。\n\n2.乙是什么？\n答：略。\n\n2.丙是什么？\n答：略。\n",
			[]string{"9:heading number skips: 2.丙是什么？ follows 2.: the numbers go back"}},
		{"bracketed numbers",
			"学习笔记\n\n（1）学习原文\n\n正文。\n\n（3）交流发言\n\n正文。\n",
			[]string{"7:heading number skips: （3）交流发言 follows （1） with no （2） between"}},
		{"parts",
			"工作报告\n\n第一部分 总论\n\n正文。\n\n第三部分 展望\n\n正文。\n",
			[]string{"7:heading number skips: 第三部分 展望 follows 第一部分 with no 第二部分 between"}},
		{"sections",
			"工作报告\n\n第一节 总论\n\n正文。\n\n第四节 展望\n\n正文。\n",
			[]string{"7:heading number skips: 第四节 展望 follows 第一节 with no 第二节 to 第三节 between"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import("seeds/tigang.txt", []byte(tt.in), "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range res.Report.Warnings {
				if strings.Contains(w.Message, "number") {
					got = append(got, strconv.Itoa(w.Line)+":"+w.Message)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("numbering warnings\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestChineseNumeral(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 12: "十二", 20: "二十", 21: "二十一", 100: "一百", 108: "一百零八", 110: "一百一十", 200: "二百", 999: "九百九十九"} {
		if got := chineseNumeral(n); got != want || parseNumeral(got) != n {
			t.Errorf("chineseNumeral(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestWarningLinesInJoinedParagraphs: a warning about a paragraph joined
// from several lines names the line its finding starts on, also when that
// is the first character of a line.
func TestWarningLinesInJoinedParagraphs(t *testing.T) {
	in := "学习体会\n\n我们要坚持稳中求进，推进改革发\n展,创新驱动，落实“两个\n确立”(试行)。\n"
	res, err := Import("seeds/x.txt", []byte(in), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Report.Warnings {
		got = append(got, strconv.Itoa(w.Line)+":"+w.Message)
	}
	want := []string{
		"4:half-width punctuation between Chinese characters (展,创); --fix-punctuation makes it full width",
		"5:half-width punctuation between Chinese characters ((试行)); --fix-punctuation makes it full width",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLatinWordsInChineseText: each lower-case Latin word between Chinese
// characters gets its warning, also the second in a paragraph.
func TestLatinWordsInChineseText(t *testing.T) {
	res, err := Import("seeds/x.txt", []byte("学习体会\n\n要理清思路 and 模式，找准方法 or 手段。\n"), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Report.Warnings {
		got = append(got, strconv.Itoa(w.Line)+":"+w.Message)
	}
	want := []string{
		`3:Latin word "and" inside Chinese text (路 and 模): a conversion artefact? check the original`,
		`3:Latin word "or" inside Chinese text (法 or 手): a conversion artefact? check the original`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
