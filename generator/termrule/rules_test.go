package termrule

import "testing"

func TestJudge(t *testing.T) {
	tests := []struct {
		quoted string
		want   string // "" = a term
	}{
		// Numbered formulations.
		{"四个全面", ""},
		{"两个维护", ""},
		{"三个务必", ""},
		{"两个确立", ""},
		{"五个中心", ""},
		{"两个一百年", ""},
		{"第二个结合", ""},
		{"三大攻坚战", ""},
		{"十四五", ""},
		{"十三五", ""},
		{"三农", ""},
		{"六稳", ""},
		{"双碳", ""},
		{"十年禁渔", ""},
		{"千万工程", ""},
		{"1+N", ""},
		{"5G", ""},
		// Named experiences, slogans, metaphors.
		{"枫桥经验", ""},
		{"一国两制", ""},
		{"一带一路", ""},
		{"绿水青山就是金山银山", ""},
		{"最后一公里", ""},
		{"放管服", ""},
		{"卡脖子", ""},
		{"互联网+", ""},
		{"改革开放", ""},
		{"高质量发展", ""},
		{"国家安全", ""},
		{"生态文明", ""},
		{"全面深化改革", ""},
		// Enumerations inside one quote.
		{"一张床、一间房、一套房", ""},
		{"安全第一、预防为主、综合治理", ""},
		{"党政同责、一岗双责、齐抓共管、失职追责", ""},
		{"坚持和加强党的全面领导、坚持以人民为中心的发展思想", ReasonTooLong},
		{"讲政治、顾大局、守纪律、重实干、敢担当、善作为、勇创新", ReasonTooLong},
		// Past MaxLength, an enumeration is a term with two to six items
		// of one to eight characters each.
		{"人民城市人民共建、人民城市共享为民", ""},             // two items of eight
		{"坚持人民城市人民建设、人民城市为人民", ReasonTooLong}, // an item of nine
		{"稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期", ""},       // six items
		{"稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期、保就业", ReasonTooLong},
		{"党、政府群众团体共同、社会各界广泛参与", ""},             // an item of one character
		{"党政同责、一岗双责、、齐抓共管、失职追责", ReasonTooLong}, // an empty item
		{"坚持人民城市人民建设为人民服务的发展", ReasonTooLong},   // one item
		// Stock idioms of government prose are not terms; named policies
		// and formulations of the same shape are.
		{"一刀切", ReasonStopWord},
		{"组合拳", ReasonStopWord},
		{"一盘棋", ReasonStopWord},
		{"一阵风", ReasonStopWord},
		{"一窝蜂", ReasonStopWord},
		{"走过场", ReasonStopWord},
		{"两张皮", ReasonStopWord},
		{"花架子", ReasonStopWord},
		{"老大难", ReasonStopWord},
		{"硬骨头", ReasonStopWord},
		{"拦路虎", ReasonStopWord},
		{"中梗阻", ReasonStopWord},
		{"肠梗阻", ReasonStopWord},
		{"玻璃门", ReasonStopWord},
		{"弹簧门", ReasonStopWord},
		{"旋转门", ReasonStopWord},
		{"最多跑一次", ""},
		{"全国一盘棋", ""},
		{"接诉即办", ""},
		// Generic words.
		{"目标", ReasonStopWord},
		{"主体", ReasonStopWord},
		{"方式", ReasonStopWord},
		{"原则", ReasonStopWord},
		{"方向", ReasonStopWord},
		{"总体", ReasonStopWord},
		{"问题", ReasonStopWord},
		{"短板", ReasonStopWord},
		{"总体目标", ReasonCompound},
		{"主要任务", ReasonCompound},
		{"规划目标", ReasonCompound},
		{"工作要求", ReasonCompound},
		// Numbers and quantities.
		{"2024", ReasonNumber},
		{"２０２４", ReasonNumber},
		{"二〇二四", ReasonNumber},
		{"二十", ReasonNumber},
		{"第一", ReasonNumber},
		{"3,000", ReasonNumber},
		{"2024年", ReasonNumberUnit},
		{"三个", ReasonNumberUnit},
		{"两个", ReasonNumberUnit},
		{"5%", ReasonNumberUnit},
		{"3.5%左右", ReasonNumberUnit},
		{"百年", ReasonNumberUnit},
		{"十年", ReasonNumberUnit},
		{"30多年", ReasonNumberUnit},
		{"1个工作日", ReasonNumberUnit},
		{"5.5%以内", ReasonNumberUnit},
		{"2024年工作", ReasonNumberUnit},
		{"2024年3月", ReasonNumberUnit},
		{"3D打印2.0", ""}, // digits again after words: still a name
		{"12345热线", ""},
		{"１０个百分点", ReasonNumberUnit},
		// Quotations and titles.
		{"人民城市人民建，人民城市为人民", ReasonQuotation},
		{"我们要把这件事办好。", ReasonQuotation},
		{"苟利国家生死以", ""}, // a line of verse is a name people quote and look up
		{"要坚持把人民群众的小事当作自己的大事来办好", ReasonTooLong},
		// MaxLength (16) characters is still a term; one more is not.
		{"国内国际双循环相互促进的发展格局", ""},
		{"国内国际双循环相互促进的新发展格局", ReasonTooLong},
		{"关于加强基层治理的意见", ReasonTitle},
		{"在全市干部大会上的讲话", ReasonTitle},
		// 关于 starts a title from six characters on; shorter, it is a name.
		{"关于基层治理", ReasonTitle},
		{"关于治理", ""},
		{"新", ReasonTooShort},
		{"——", ReasonNoWords},
	}
	r := New(Settings{})
	for _, tt := range tests {
		if got := r.Judge(tt.quoted); got != tt.want {
			t.Errorf("Judge(%q) = %q, want %q", tt.quoted, got, tt.want)
		}
	}
}

func TestSettings(t *testing.T) {
	tests := []struct {
		name     string
		settings Settings
		quoted   string
		want     string
	}{
		{"allow keeps a stop word", Settings{Allow: []string{"目标"}}, "目标", ""},
		{"allow keeps a comma slogan", Settings{Allow: []string{"人民城市人民建，人民城市为人民"}}, "人民城市人民建，人民城市为人民", ""},
		{"allow keeps a quantity", Settings{Allow: []string{"12345"}}, "12345", ""},
		{"site stop word", Settings{StopWords: []string{"一刀切"}}, "一刀切", ReasonSiteStop},
		{"site stop word makes compounds", Settings{StopWords: []string{"举旗"}}, "举旗定向", ""},
		{"site stop words compound", Settings{StopWords: []string{"举旗", "定向"}}, "举旗定向", ReasonCompound},
		{"allow beats site stop", Settings{StopWords: []string{"一刀切"}, Allow: []string{"一刀切"}}, "一刀切", ""},
		{"minLength 3 drops two characters", Settings{MinLength: 3}, "三农", ReasonTooShort},
		{"minLength 3 keeps three", Settings{MinLength: 3}, "放管服", ""},
		{"minLength 1 keeps one", Settings{MinLength: 1}, "稳", ""},
		{"default minLength drops one", Settings{}, "稳", ReasonTooShort},
		{"off", Settings{Off: true, Allow: []string{"四个全面"}}, "四个全面", ReasonOff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := New(tt.settings).Judge(tt.quoted); got != tt.want {
				t.Errorf("Judge(%q) = %q, want %q", tt.quoted, got, tt.want)
			}
		})
	}
}
