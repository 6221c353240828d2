package search

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/frontmatter"
	"github.com/studysite/studysite/generator/link"
)

// commendationLists is a library of commendation decisions (表彰决定):
// a short preamble, then numbered headings over lists of names, each with
// the unit and post of the person commended. Its words are mostly rare
// (names: most of a library's tokens sit in one document), and the first
// decision, of hospital staff, is long: 人民医院 fills a list of its own
// longer than a first part, in that document alone.
func commendationLists() *link.Site {
	rng := rand.New(rand.NewPCG(17, 17))
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given := []rune("建国明华伟芳敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂英文辉玲兰红燕志鹏飞宇浩然欣怡佳琪思远晓东海波春梅雪松振兴德安")
	name := func() string {
		n := []rune{surnames[rng.IntN(len(surnames))], given[rng.IntN(len(given))]}
		if rng.IntN(4) > 0 {
			n = append(n, given[rng.IntN(len(given))])
		}
		return string(n)
	}
	places := []string{"北京市", "天津市", "河北省石家庄市", "山西省太原市", "内蒙古自治区包头市", "辽宁省沈阳市", "吉林省长春市", "黑龙江省哈尔滨市",
		"上海市", "江苏省苏州市", "浙江省杭州市", "安徽省合肥市", "福建省厦门市", "江西省南昌市", "山东省青岛市", "河南省郑州市", "湖北省武汉市",
		"湖南省长沙市", "广东省深圳市", "广西壮族自治区南宁市", "海南省海口市", "重庆市", "四川省成都市", "贵州省贵阳市", "云南省昆明市",
		"西藏自治区拉萨市", "陕西省西安市", "甘肃省兰州市", "青海省西宁市", "宁夏回族自治区银川市", "新疆维吾尔自治区乌鲁木齐市"}
	ordinals := []string{"第一", "第二", "第三", "第四", "第五", "第六", "中心", "中医"}
	decisions := []struct {
		title, series string
		tags          []string
		date          time.Time
		sections      []string
		lines         int
		unit          func() string
	}{
		{"关于表彰全国卫生健康系统先进工作者的决定", "决定", []string{"表彰", "卫生健康"}, time.Date(2024, 8, 19, 0, 0, 0, 0, time.UTC),
			[]string{"一、先进工作者", "二、先进集体"}, 3000, func() string {
				return ordinals[rng.IntN(len(ordinals))] + "人民医院" + []string{"主任医师", "副主任医师", "护士长", "主治医师", "院长"}[rng.IntN(5)]
			}},
		{"关于表彰全国优秀教师的决定", "决定", []string{"表彰", "教育"}, time.Date(2024, 9, 10, 0, 0, 0, 0, time.UTC),
			[]string{"一、全国优秀教师", "二、全国优秀教育工作者"}, 600, func() string {
				return []string{"实验中学", "外国语学校", "师范大学附属中学", "中心小学", "职业技术学院"}[rng.IntN(5)] + []string{"高级教师", "校长", "教研组长"}[rng.IntN(3)]
			}},
		{"关于表彰优秀共产党员的决定", "通报", []string{"党建"}, time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC),
			[]string{"一、优秀共产党员"}, 400, func() string {
				return []string{"供电公司", "税务局", "消防救援支队", "交通运输局", "疾病预防控制中心"}[rng.IntN(5)] + []string{"党支部书记", "班组长", "科长"}[rng.IntN(3)]
			}},
	}
	var pages []*content.Page
	for i, d := range decisions {
		p := &content.Page{File: fmt.Sprintf("content/biao-zhang-%d.md", i), Date: d.date,
			Meta: frontmatter.FrontMatter{Title: d.title, Slug: fmt.Sprintf("biao-zhang-%d", i), Series: d.series, Tags: d.tags}}
		p.Paragraphs = append(p.Paragraphs, content.Paragraph{N: 1, ID: "p1",
			Text: "为表彰先进、树立典型，激励广大干部职工担当作为，决定授予下列同志和集体荣誉称号。希望受到表彰的同志珍惜荣誉、再接再厉。"})
		for k, h := range d.sections {
			p.Headings = append(p.Headings, content.Heading{Level: 2, ID: fmt.Sprintf("s%d", k+1), Text: h})
		}
		for l := range d.lines {
			n := len(p.Paragraphs) + 1
			p.Paragraphs = append(p.Paragraphs, content.Paragraph{N: n, ID: fmt.Sprintf("p%d", n),
				Text: name() + "，" + places[rng.IntN(len(places))] + d.unit(), Section: fmt.Sprintf("s%d", l*len(d.sections)/d.lines+1)})
		}
		pages = append([]*content.Page{p}, pages...)
	}
	return &link.Site{Pages: pages}
}
