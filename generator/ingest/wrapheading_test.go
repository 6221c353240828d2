package ingest

import (
	"strings"
	"testing"
)

// TestWrappedHeadingsInIndentedText: in text out of a PDF, paragraphs
// start indented and wrapped lines do not; an unindented line after a
// heading is the heading's rest (or the rest of a run-in heading's
// paragraph), unless it begins a block of its own.
func TestWrappedHeadingsInIndentedText(t *testing.T) {
	// An indented opening paragraph, so the text reads as indented.
	const top = "政府工作报告\n\n   各位代表：\n   现在，我代表市人民政府，向大会报告工作，请予审\n议，并请市政协委员提出意见。\n"
	const opening = "p 各位代表：\np 现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。\n"
	tests := []struct {
		name, in, want string
	}{
		{"heading wrapped mid-word",
			"   （三）大力推进现代化产业体系建设，推动产业结\n构优化升级。\n   实施制造业重点产业链高质量发展行动，着力培\n育新质生产力。\n",
			"h2 （三）大力推进现代化产业体系建设，推动产业结构优化升级。\np 实施制造业重点产业链高质量发展行动，着力培育新质生产力。\n"},
		{"heading wrapped over three lines",
			"   一、坚持以人民为中心的发展思想，着力保障和改善\n民生，扎实推进共同富裕，不断增强人民群众获得感\n幸福感\n   就业是最基本的民生。\n",
			"h2 一、坚持以人民为中心的发展思想，着力保障和改善民生，扎实推进共同富裕，不断增强人民群众获得感幸福感\np 就业是最基本的民生。\n"},
		{"run-in heading wrapped before its full stop",
			"   （一）坚持稳中求进，全面贯彻新发展理念，推动经济运\n行回升向好。全市地区生产总值增长5.3%，规模以上工业增\n加值增长6.1%。\n",
			"h2 （一）坚持稳中求进，全面贯彻新发展理念，推动经济运行回升向好。\np 全市地区生产总值增长5.3%，规模以上工业增加值增长6.1%。\n"},
		{"run-in heading whose paragraph wraps",
			"   （一）坚持稳中求进。全面贯彻新发展理念，加快构\n建新发展格局，着力推动高质量发展。\n",
			"h2 （一）坚持稳中求进。\np 全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。\n"},
		{"a —— item under a heading is not its rest",
			"   二、主要目标\n——城镇新增就业5.5万人，城镇调查失业率5.5%左右。\n   三、保障措施\n",
			"h2 二、主要目标\np ——城镇新增就业5.5万人，城镇调查失业率5.5%左右。\nh2 三、保障措施\n"},
		{"a numbered sentence too long for a heading is a paragraph",
			"   1.坚持稳中求进工作总基调，完整准确全面贯彻新发展\n理念，加快构建新发展格局，着力推动高质量发展，更好统\n筹发展和安全，推动经济实现质的有效提升和量的合理增长，为全面建设社会主义现代化国家开好局起好步。\n   2.加强组织领导。\n",
			"p 1.坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，更好统筹发展和安全，推动经济实现质的有效提升和量的合理增长，为全面建设社会主义现代化国家开好局起好步。\nh2 2.加强组织领导。\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := top + tt.in
			res, err := Import("seeds/gzbg.pdf", []byte(in), "", Options{PDFText: func(b []byte) ([]byte, error) { return b, nil }})
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(res.Doc); got != opening+tt.want {
				t.Errorf("got\n%swant\n%s", strings.TrimPrefix(got, opening), tt.want)
			}
			assertFaithful(t, []byte(in))
		})
	}
}
