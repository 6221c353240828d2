package termrule

// builtinStop are the generic words of policy prose. Reports put them in
// quotation marks to define them (“主体”是指……), to stress them (把握好
// “度”), or through quotes opened on the wrong side; a term page for one
// links it hundreds of times through a long report and means nothing.
// Domain nouns that are parts of real formulations (国家, 安全, 生态, 文明,
// 人民, 城市, 创新) are deliberately not here: with the compound rule they
// would take 总体国家安全观's 国家安全 or 生态文明 with them.
var builtinStop = set(`
	目标 主体 方式 原则 方向 总体 问题 工作 发展 任务 要求 作用
	重点 关键 核心 基础 前提 根本 本质 保证 保障 支撑 抓手 载体
	措施 举措 办法 方法 手段 途径 路径 渠道 思路 方案 步骤 环节 程序 过程 阶段
	机制 体制 体系 制度 政策 规定 标准 规范 规则
	能力 水平 质量 效率 效益 效果 成效 成果 成绩 业绩 结果
	内容 意义 价值 地位 定位 功能 特点 特征 特色 优势 亮点
	方面 领域 范围 层面 因素 条件 环境 基础性 结构 模式 格局 形势 局面 态势
	短板 弱项 瓶颈 痛点 堵点 难点 热点 焦点 重点难点 盲点 漏洞 风险点
	底线 红线 界限 边界 尺度 力度 温度 速度 程度 节奏
	责任 职责 义务 权利 权力 作为 担当
	关系 利益 需求 需要 资源 要素 主体性
	规划 计划 部署 安排 建设 管理 服务 治理 改革 监管 监督 考核 评价
	推进 推动 促进 加强 完善 深化 落实 实现 提升 提高 坚持 强化 优化 统筹
	全局 整体 全面 系统 长远 当前 阶段性
	主线 主题 主导 动力 活力 潜力 合力 定力 压力
`)

// builtinIdioms are the stock figures of speech of government prose: put in
// quotes to mark them as colloquial (不搞“一刀切”，打好“组合拳”), used of any
// subject, and never defined anywhere, so a term page for one would gather
// unrelated passages. Named formulations and policies (放管服, 最多跑一次,
// 枫桥经验) stay terms, and so does 最后一公里: study materials explain it as
// the policy aim of services reaching the grassroots (打通服务群众“最后一公里”),
// and readers look it up.
var builtinIdioms = set(`
	一刀切 组合拳 一盘棋 一阵风 一窝蜂 走过场 两张皮 花架子 老大难
	硬骨头 拦路虎 中梗阻 肠梗阻 玻璃门 弹簧门 旋转门
`)

func init() {
	for w := range builtinIdioms {
		builtinStop[w] = true
	}
}

// modifiers make a compound with a common word that is still generic:
// 总体目标, 主要任务, 基本原则, 具体要求.
var modifiers = set(`主要 总体 基本 根本 具体 重要 重大 有关 相关 各项 有效 工作 发展 整体 全面 长远 当前 近期 中期 远期`)
