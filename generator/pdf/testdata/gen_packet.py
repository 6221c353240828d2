#!/usr/bin/env python3
"""Writes packet/index.html: a study packet laid out as issue 13's contract
says (cover, table of contents with pageref spans, documents with sections,
questions, notes pages), duplex on, A4. Run from this folder; the text is
our own, written in the style of the documents a branch studies."""
import itertools, os

SENT = [
    "过去一年，全市上下坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，经济运行总体平稳、稳中有进。",
    "我们坚持把优化营商环境作为“一号改革工程”，企业开办时间压缩到一个工作日以内，“一网通办”事项达到一千二百项。",
    "同时也要清醒看到，发展不平衡不充分的问题仍然突出，科技创新能力还不够强，民生领域还有不少短板。",
    "各级党组织要把学习贯彻工作作为重要政治任务，原原本本学，联系实际学，做到学思用贯通、知信行统一。",
    "要坚持以人民为中心的发展思想，着力解决群众急难愁盼问题，让改革发展成果更多更公平惠及全体人民。",
    "要坚持“两个毫不动摇”，依法保护民营企业产权和企业家权益，促进民营经济发展壮大。",
    "全年地区生产总值增长百分之五点二，一般公共预算收入增长百分之六点一，城镇新增就业十二万三千人。",
    "要把矛盾纠纷化解在基层、化解在萌芽状态，坚持和发展新时代“枫桥经验”，提升基层治理效能。",
    "各地区各部门要结合实际认真贯彻落实，重大情况及时向党中央、国务院请示报告。",
    "要加强对政策落实情况的跟踪问效，对推诿扯皮、敷衍塞责的，严肃追责问责。",
    "坚持高质量发展这个新时代的硬道理，因地制宜发展新质生产力，推动传统产业转型升级。",
    "要健全城乡融合发展体制机制，深入实施乡村振兴战略，持续增加农民收入。",
]

DOCS = [
    ("zai-quan-shi-you-hua-ying-shang", "在全市优化营商环境大会上的讲话", "2024-02-18", "市长　王明", [
        ("一、充分肯定过去一年的成绩", [("（一）市场主体活力持续增强", 5), ("（二）政务服务效能明显提升", 4)]),
        ("二、清醒认识面临的困难和问题", [("", 4)]),
        ("三、扎实做好今年重点工作", [("（一）对标国际一流", 5), ("（二）强化法治保障", 5)]),
    ]),
    ("zheng-fu-gong-zuo-bao-gao", "政府工作报告", "2024-01-22", "代市长　李华", [
        ("一、2023年工作回顾", [("", 7)]),
        ("二、2024年主要任务", [("（一）着力扩大有效需求", 4), ("（二）着力保障改善民生", 3)]),
    ]),
    ("guan-yu-jia-qiang-ji-ceng-zhi-li", "中共中央　国务院关于加强基层治理体系和治理能力现代化建设的意见", "2023-12-05", "", [
        ("一、总体要求", [("", 2)]),
        ("二、完善基层治理体系", [("", 2)]),
    ]),
]

counter = itertools.count()
def para():
    i = next(counter)
    a, b = SENT[i % len(SENT)], SENT[(i * 5 + 3) % len(SENT)]
    return f"第{i + 1}段。{a}{b}"

out = []
w = out.append
w('<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">\n<title>二〇二四年第一季度理论学习中心组学习材料 — 学习园地</title>\n'
  '<link rel="stylesheet" href="../../packet.css"></head>\n<body>\n<main>\n'
  '<article class="packet" data-packet="2024-q1" data-paper="a4" data-duplex="true">\n')
w('<section class="packet-cover" id="cover">\n<p class="cover-notice">内部学习资料　注意保存</p>\n'
  '<h1 data-outline="1">二〇二四年第一季度理论学习中心组学习材料</h1>\n<p class="cover-sub">专题：优化营商环境与基层治理</p>\n'
  '<p class="cover-org">中共某某市委办公室</p>\n<p class="cover-date"><time datetime="2024-03-01">2024年3月1日</time></p>\n</section>\n')
w('<section class="packet-toc" id="toc">\n<h2 data-outline="1">目　录</h2>\n<ol>\n')
for slug, title, date, _, secs in DOCS:
    w(f'<li><a href="#d-{slug}">{title}</a><span class="pageref" data-ref="d-{slug}"></span>\n<ol>\n')
    for si, (h2, _) in enumerate(secs, 1):
        w(f'<li><a href="#d-{slug}-s{si}">{h2}</a><span class="pageref" data-ref="d-{slug}-s{si}"></span></li>\n')
    w('</ol></li>\n')
w('<li><a href="#questions">讨论题</a><span class="pageref" data-ref="questions"></span></li>\n')
w('<li><a href="#notes">学习笔记</a><span class="pageref" data-ref="notes"></span></li>\n</ol>\n</section>\n')
for slug, title, date, speaker, secs in DOCS:
    w(f'<section class="packet-doc" id="d-{slug}">\n<header class="doc-head">\n<h2 class="doc-title" data-outline="1">{title}</h2>\n')
    y, m, d = date.split("-")
    meta = f'<span class="speaker">{speaker}</span>' if speaker else ''
    w(f'<p class="doc-meta">{meta}<time datetime="{date}">{int(y)}年{int(m)}月{int(d)}日</time></p>\n</header>\n<div class="doc-body">\n')
    p = 0
    for si, (h2, subs) in enumerate(secs, 1):
        w(f'<h3 id="d-{slug}-s{si}" data-outline="2">{h2}</h3>\n')
        for ssi, (h3, n) in enumerate(subs, 1):
            if h3:
                w(f'<h4 id="d-{slug}-s{si}-{ssi}" data-outline="3">{h3}</h4>\n')
            for _ in range(n):
                p += 1
                w(f'<p id="d-{slug}-p{p}">{para()}</p>\n')
    w('</div>\n</section>\n')
w('<section class="packet-questions" id="questions">\n<h2 data-outline="1">讨论题</h2>\n<ol>\n'
  '<li>结合本单位实际，谈谈如何把优化营商环境的要求落到实处。</li>\n'
  '<li>基层治理中还有哪些群众反映强烈的问题？如何解决？</li>\n</ol>\n</section>\n')
w('<section class="packet-notes" id="notes">\n<h2 data-outline="1">学习笔记</h2>\n<div class="notes-page" aria-hidden="true"></div>\n<div class="notes-page" aria-hidden="true"></div>\n</section>\n')
w('</article>\n</main>\n</body></html>\n')
os.makedirs("packet/packets/2024-q1", exist_ok=True)
open("packet/packets/2024-q1/index.html", "w", encoding="utf-8").write("".join(out))
