/**
 * A deterministic generator of realistic content trees for tests and benchmarks (issue 9): organizers,
 * venues and events over 2024–2027 with long Chinese descriptions composed from a bank of 科普
 * sentences. Pure: the caller passes the shipped vocabularies and observances in and writes the files.
 *
 * Generated content is fiction for load testing: organizer and venue names are composed from real
 * region names, URLs use the reserved example.org domain, and every file says so in a comment.
 * It must never be written into content/ (scripts/fixtures.ts refuses).
 */
import { addDays, daysBetween } from './dates.ts';
import type { ObservanceEntry, Vocabularies } from './model.ts';
import type { VocabEntry } from './schema.ts';

export interface FixtureOptions {
  /** Number of events. */
  events: number;
  /** PRNG seed; the same seed and inputs give byte-identical files. */
  seed?: number;
  vocab: Vocabularies;
  observances: Pick<ObservanceEntry, 'id' | 'kind' | 'rule' | 'topics' | 'name' | 'established' | 'endedYear'>[];
  /** First and last year of events (inclusive); default 2024–2027. */
  years?: [number, number];
}

/** One file, path relative to the content root (e.g. `events/2026/2026-09-12-e00001-lecture.md`). */
export interface FixtureFile {
  path: string;
  text: string;
}

export interface FixtureSummary {
  events: number;
  organizers: number;
  venues: number;
  cancelled: number;
  postponed: number;
  online: number;
  recurring: number;
  campaign: number;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  sample<T>(list: readonly T[], n: number): T[];
}

function rngFrom(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
    sample: (list, n) => {
      const copy = [...list];
      const out: (typeof copy)[number][] = [];
      while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Text banks. Sentences are ordinary, checkable science facts and advice (no invented statistics).
// ---------------------------------------------------------------------------------------------

const TOPIC_SENTENCES: Record<string, string[]> = {
  it: [
    '网络钓鱼邮件常常伪装成银行或快递通知，点击链接之前应当核对发件人和网址。',
    '设置密码时宜使用足够长度、混合字母数字和符号的组合，不同网站不要重复使用同一个密码。',
    '开启手机系统和应用的自动更新，可以及时修补已知的安全漏洞。',
    '公共场所的免费无线网络可能被他人监听，不宜在其中登录网上银行或输入支付密码。',
    '个人信息一旦泄露很难收回，填写问卷、扫码领礼品之前要想一想是否有必要。',
  ],
  ai: [
    '机器学习是让计算机从大量数据中总结规律，而不是由人逐条编写规则。',
    '大语言模型生成的文字可能包含看似合理却并不真实的内容，重要信息需要查证原始来源。',
    '图像识别系统通过多层神经网络逐级提取边缘、纹理和形状等特征。',
    '训练数据中存在的偏差会被模型学到，因此评估人工智能系统时要关注公平性。',
    '使用人工智能工具时不要上传身份证号、病历等敏感个人信息。',
  ],
  'science-education': [
    '提出问题、作出假设、设计实验、收集证据、得出结论，是科学探究的基本步骤。',
    '好的对照实验一次只改变一个变量，其他条件保持不变。',
    '测量时多次读数再取平均值，可以减小偶然误差。',
    '动手做实验能帮助学生把书本上的概念和真实现象联系起来。',
    '科学结论要经得起重复检验，别人按同样的方法也应得到相同的结果。',
  ],
  'natural-resources': [
    '矿产资源属于不可再生资源，形成往往需要漫长的地质年代。',
    '耕地是粮食生产的命根子，保护耕地就是保护我们的饭碗。',
    '国土空间规划需要统筹生产、生活和生态空间。',
    '地图是认识国土的重要工具，正确的国家版图是国家主权的象征。',
  ],
  ecology: [
    '垃圾分类可以提高可回收物的利用率，减少填埋和焚烧的压力。',
    '湿地被称为“地球之肾”，具有涵养水源、净化水质和调蓄洪水的作用。',
    '减少一次性塑料制品的使用，是每个人都能做到的环保行动。',
    '城市绿地能够降低周边气温，缓解热岛效应。',
    '废旧电池、过期药品属于有害垃圾，应投放到专门的收集容器中。',
  ],
  water: [
    '我国人均水资源量仅为世界平均水平的四分之一左右，节约用水人人有责。',
    '及时维修滴漏的水龙头和马桶，可以避免长年累月的浪费。',
    '淘米水、洗菜水可以用来浇花或冲洗拖把，做到一水多用。',
    '节水型器具比普通器具更省水，购买时可以留意产品的水效标识。',
  ],
  agriculture: [
    '测土配方施肥根据土壤养分状况确定肥料用量，既能增产又能减少浪费。',
    '杂交水稻利用杂种优势提高产量，是我国农业科技的重要成就。',
    '病虫害绿色防控提倡使用物理、生物等手段，减少化学农药用量。',
    '设施农业通过温室等手段调控温度和湿度，可以延长作物的生长季。',
  ],
  health: [
    '世界卫生组织建议成年人每周进行至少150分钟的中等强度身体活动。',
    '勤洗手是预防呼吸道和肠道传染病简单有效的方法，用流动水和肥皂搓洗不少于20秒。',
    '规律作息、保证充足睡眠，有助于维持身体的免疫功能。',
    '高血压早期常常没有明显症状，定期测量血压才能及早发现。',
    '咳嗽、打喷嚏时用纸巾或肘部遮挡口鼻，可以减少病菌传播。',
  ],
  emergency: [
    '心肺复苏时，胸外按压的频率为每分钟100至120次，成人按压深度为5至6厘米。',
    '自动体外除颤器会通过语音提示引导操作，普通人经过培训也能正确使用。',
    '家庭应急包里宜备有饮用水、食品、手电筒、常用药品和重要证件复印件。',
    '遇到突发事件要保持冷静，拨打求救电话时讲清地点、情况和联系方式。',
    '熟悉住所和单位的安全出口与疏散路线，关键时刻可以节省宝贵的时间。',
  ],
  forestry: [
    '树木的年龄可以通过数树干横截面上的年轮来估计。',
    '森林能够涵养水源、保持水土、吸收二氧化碳并释放氧气。',
    '进入林区不得携带火种，野外用火是引发森林火灾的重要原因。',
    '草原是重要的生态屏障，合理放牧可以防止草场退化。',
  ],
  'food-safety': [
    '生熟食品要分开存放和加工，切生肉和熟食的刀具、砧板应分开使用。',
    '剩饭剩菜应尽快放入冰箱冷藏，食用前要彻底加热。',
    '购买预包装食品时，要查看生产日期、保质期和配料表。',
    '野生蘑菇种类难以凭外观辨别，不采、不买、不吃野生蘑菇是预防中毒的有效办法。',
    '食品安全关系千家万户，发现问题食品可以向当地市场监管部门反映。',
  ],
  biomedicine: [
    '疫苗通过模拟病原体刺激人体产生免疫记忆，从而预防疾病。',
    '抗生素只对细菌感染有效，对病毒引起的普通感冒没有作用。',
    '新药上市之前通常要经过多期临床试验，以评价安全性和有效性。',
    '基因是具有遗传效应的DNA片段，决定着生物的许多性状。',
  ],
  aerospace: [
    '火箭依靠向后高速喷出燃气获得推力，这遵循牛顿第三定律。',
    '1970年4月24日，我国第一颗人造地球卫星东方红一号发射成功。',
    '航天员在轨道上处于失重状态，是因为空间站和航天员一起绕地球做自由落体运动。',
    '卫星导航系统通过测量接收机到多颗卫星的距离来确定位置。',
    '飞机机翼上下表面的气流速度不同，由此产生向上的升力。',
  ],
  'materials-energy': [
    '光伏电池利用半导体的光电效应，把太阳光直接转换为电能。',
    '锂离子电池充放电时，锂离子在正负极之间往返移动。',
    '石墨烯是由单层碳原子构成的二维材料，具有很高的导电性和强度。',
    '随手关灯、合理设置空调温度，都是家庭节能的好习惯。',
  ],
  astronomy: [
    '月相的变化是由太阳、地球和月球相对位置的变化造成的。',
    '光从太阳到达地球大约需要8分多钟。',
    '北斗七星属于大熊座，沿着“勺口”两颗星的连线延长约五倍，可以找到北极星。',
    '观测太阳必须使用专用的减光滤镜，绝不能用肉眼或普通望远镜直视太阳。',
    '流星是太空中的微小颗粒高速闯入大气层时燃烧发光的现象。',
  ],
  meteorology: [
    '我国暴雨预警信号分为蓝色、黄色、橙色和红色四级。',
    '雷雨天气时不要在大树下避雨，也不要在空旷地带打伞或使用金属工具。',
    '二十四节气是古人根据太阳在黄道上的位置划分的，2016年列入联合国教科文组织人类非物质文化遗产代表作名录。',
    '天气预报中的降水概率，表示预报区域内出现降水的可能性大小。',
  ],
  earthquake: [
    '震级反映地震释放能量的大小，烈度则反映某地受到影响和破坏的程度。',
    '我国位于环太平洋地震带和欧亚地震带之间，是地震多发的国家。',
    '地震时在室内应就近躲避在坚固的桌子下或墙角，保护好头部，不要乘坐电梯。',
    '震后撤离要听从指挥，远离建筑物、电线杆和广告牌。',
  ],
  'fire-safety': [
    '火灾发生时，应用湿毛巾捂住口鼻，弯腰低姿沿疏散通道撤离。',
    '电动自行车不要在楼道、楼梯间停放和充电。',
    '家庭可以配备灭火器和灭火毯，并定期检查是否在有效期内。',
    '发现火情要立即拨打119，讲清楚详细地址和起火物品。',
    '油锅起火时不能用水浇，应立即关火并盖上锅盖。',
  ],
  'anti-drug': [
    '毒品会损害人的神经系统，吸食后极易成瘾。',
    '一些新型毒品伪装成饮料、糖果或零食，不要接受陌生人给的食物和饮料。',
    '每年6月26日是国际禁毒日。',
  ],
  'anti-fraud': [
    '公检法机关不会通过电话要求当事人向所谓“安全账户”转账。',
    '凡是索要短信验证码的陌生来电，都要高度警惕。',
    '遇到可疑情况，可以拨打96110反诈专线咨询。',
    '“刷单返利”是常见的诈骗手法，先给小额甜头，再诱骗大额投入。',
  ],
  'mental-health': [
    '适度运动有助于缓解紧张和焦虑情绪。',
    '心理问题和身体疾病一样需要正视，必要时应及时寻求专业帮助。',
    '与家人朋友保持沟通，是维护心理健康的重要支持。',
    '学会识别和表达自己的情绪，是心理健康的第一步。',
  ],
  'scientist-spirit': [
    '屠呦呦因发现青蒿素获得2015年诺贝尔生理学或医学奖。',
    '科研诚信要求如实记录和报告实验数据，不得伪造、篡改或抄袭。',
    '老一辈科学家胸怀祖国、服务人民的事迹，激励着一代又一代科技工作者。',
    '科学精神的核心是求真务实、敢于质疑、勇于探索。',
  ],
  'science-fiction': [
    '许多科幻作品中的设想，后来在科技发展中变成了现实。',
    '科幻创作鼓励人们以科学为基础，大胆想象未来。',
    '刘慈欣的《三体》于2015年获得雨果奖最佳长篇小说奖。',
  ],
  heritage: [
    '考古学通过发掘和研究古代遗迹、遗物来认识人类的历史。',
    '碳十四测年法利用放射性碳的衰变来推算有机物遗存的年代。',
    '参观博物馆时不要用闪光灯拍摄文物，强光会对一些文物造成损害。',
    '文物是不可再生的文化资源，保护文物人人有责。',
  ],
  'basic-science': [
    '在一个标准大气压下，水的沸点是100摄氏度。',
    '光在真空中的传播速度约为每秒30万千米。',
    '圆周率是圆的周长与直径之比，是一个无限不循环小数。',
    '物质由分子、原子等微粒构成，原子又由原子核和电子组成。',
    '声音的传播需要介质，在真空中无法传播。',
  ],
  biodiversity: [
    '生物多样性包括遗传多样性、物种多样性和生态系统多样性三个层次。',
    '不购买、不食用野生动物及其制品，是保护野生动物的实际行动。',
    '蜜蜂等传粉昆虫对许多农作物的结实十分重要。',
    '外来入侵物种可能挤占本地物种的生存空间，不要随意放生。',
  ],
  ocean: [
    '海洋覆盖了地球表面约71%的面积。',
    '海洋中的浮游植物通过光合作用产生大量氧气。',
    '丢弃的塑料垃圾会在海洋中分解成微塑料，进入海洋生物体内。',
    '潮汐主要是由月球和太阳的引力作用引起的。',
  ],
  nutrition: [
    '《中国居民膳食指南（2022）》建议成年人每天摄入食盐不超过5克。',
    '食物多样是平衡膳食的基本原则，建议平均每天摄入12种以上食物。',
    '每天喝足量的水，少喝或不喝含糖饮料。',
    '吃动平衡才能保持健康体重。',
  ],
  'work-safety': [
    '生产经营单位应当对从业人员进行安全生产教育和培训。',
    '进入有限空间作业，必须坚持先通风、再检测、后作业。',
    '发现事故隐患应当立即报告，不得冒险作业。',
    '正确佩戴安全帽、安全带等防护用品，是保护自己的基本要求。',
  ],
  'standards-quality': [
    '每年5月20日是世界计量日。',
    '国际单位制有七个基本单位：米、千克、秒、安培、开尔文、摩尔和坎德拉。',
    '产品上标注的标准编号，说明了它依据的技术要求。',
    '准确的计量是贸易公平和产品质量的基础。',
  ],
  'intellectual-property': [
    '我国专利分为发明、实用新型和外观设计三种类型。',
    '每年4月26日是世界知识产权日。',
    '尊重他人的作品，转载和引用时要注明出处。',
  ],
  consumer: [
    '每年3月15日是国际消费者权益日。',
    '网购商品遇到质量问题，可以保留凭证并通过12315平台投诉。',
    '对“免费体验”“保健神药”等宣传要多留个心眼。',
  ],
  grain: [
    '每年10月16日是世界粮食日。',
    '“光盘行动”提倡按需点餐、吃多少盛多少，减少粮食浪费。',
    '粮食从田间到餐桌要经过收获、储存、加工、运输等许多环节。',
  ],
  'elderly-care': [
    '跌倒是老年人常见的意外伤害，家中可以安装扶手、使用防滑垫。',
    '老年人宜定期体检，关注血压、血糖和骨密度的变化。',
    '适度的社交和学习活动有助于延缓认知功能衰退。',
  ],
  'tech-innovation': [
    '科技成果转化是把科研成果变成实际产品和服务的过程。',
    '企业是技术创新的主体，产学研合作能加快新技术的应用。',
    '许多重大发明都来自对日常现象的细心观察和不断试验。',
  ],
  reading: [
    '每年4月23日是世界读书日。',
    '亲子共读有助于培养孩子的阅读兴趣和语言能力。',
    '选择科普图书时，可以留意作者的专业背景和出版机构。',
  ],
  'national-security': [
    '每年4月15日是全民国家安全教育日。',
    '不在社交媒体上随意发布涉及军事设施的照片和信息。',
  ],
  'traffic-safety': [
    '乘坐汽车时，前后排乘客都应系好安全带。',
    '骑电动自行车应当佩戴安全头盔。',
    '每年12月2日是全国交通安全日。',
    '儿童乘车应使用与年龄和体重相适应的安全座椅。',
  ],
};

const GENERIC_SENTENCES = [
  '活动现场设有互动展项，观众可以亲手操作、近距离观察。',
  '主讲嘉宾将结合日常生活中的实例，深入浅出地讲解相关科学原理。',
  '活动最后设有问答环节，欢迎观众带着问题来交流。',
  '现场还将发放科普读物和宣传资料，方便大家带回家继续阅读。',
  '组织方邀请了高校、科研院所和相关学会的专家参与。',
  '活动设计兼顾不同年龄段观众，内容由浅入深、循序渐进。',
  '志愿者将在现场为观众提供讲解和引导服务。',
  '参与者可以通过实验记录单记录观察到的现象和自己的思考。',
  '本次活动注重把科学知识与生活技能结合起来，学了就能用。',
  '科普工作者将演示几个简单易做的小实验，回家也可以照着试一试。',
  '活动期间还将评选优秀作品，获奖名单将在主办单位网站公布。',
  '专家提醒，科学知识要从权威渠道获取，不要轻信网络传言。',
  '每一场活动都经过专业人员审核内容，确保知识准确、表达通俗。',
  '通过观看、动手和讨论，参与者可以更好地理解科学方法。',
];

const PRACTICAL_SENTENCES = [
  '请参加者提前十分钟到场签到，按工作人员指引有序入场。',
  '活动免费参加，名额有限，先到先得。',
  '未成年人参加活动需由家长陪同。',
  '如遇天气等原因调整安排，主办单位将提前发布通知。',
  '现场提供无障碍通道，有需要的观众可以联系工作人员。',
  '请自觉遵守现场秩序，爱护展品和设施。',
  '活动结束后，相关课件和视频将在主办单位网站发布。',
];

const THEMES: Record<string, string[]> = {
  it: ['守护数字生活', '网络安全伴我行', '数字素养提升'],
  ai: ['走近人工智能', '智能时代', '人工智能与生活'],
  'science-education': ['小小科学家', '科学探究营', '奇妙实验室'],
  'natural-resources': ['珍惜每一寸土地', '认识自然资源', '地图里的国土'],
  ecology: ['绿色生活', '美丽中国我先行', '垃圾分类新时尚'],
  water: ['节水护水', '珍惜每一滴水', '水的旅行'],
  agriculture: ['科技助农', '田间课堂', '乡村振兴科技行'],
  health: ['健康生活', '健康知识进社区', '科学运动'],
  emergency: ['安全应急', '生命急救', '防灾减灾'],
  forestry: ['走进森林', '绿水青山', '林草科普'],
  'food-safety': ['食品安全', '舌尖上的安全', '放心餐桌'],
  biomedicine: ['揭秘疫苗', '生命科学', '合理用药'],
  aerospace: ['航天梦', '飞向太空', '星辰大海'],
  'materials-energy': ['新能源新生活', '节能降碳', '神奇的材料'],
  astronomy: ['仰望星空', '观星之夜', '探秘月球'],
  meteorology: ['气象万千', '走进气象站', '节气里的科学'],
  earthquake: ['防震减灾', '认识地震', '震时自救'],
  'fire-safety': ['消防安全', '火场逃生', '119消防'],
  'anti-drug': ['珍爱生命远离毒品', '禁毒知识', '无毒青春'],
  'anti-fraud': ['反诈防骗', '守好钱袋子', '识破骗局'],
  'mental-health': ['阳光心理', '心灵成长', '情绪管理'],
  'scientist-spirit': ['弘扬科学家精神', '科学家故事', '追寻科学足迹'],
  'science-fiction': ['科幻之夜', '想象未来', '科幻创作'],
  heritage: ['探秘考古', '文物里的科学', '博物馆奇妙夜'],
  'basic-science': ['趣味物理', '化学魔法', '数学之美'],
  biodiversity: ['生物多样性', '身边的野生动物', '自然观察'],
  ocean: ['蔚蓝海洋', '走近海洋', '海洋科普'],
  nutrition: ['合理膳食', '营养健康', '吃出健康'],
  'work-safety': ['安全生产', '安全第一', '平安工地'],
  'standards-quality': ['计量与生活', '质量提升', '标准化'],
  'intellectual-property': ['知识产权', '保护创新', '专利知识'],
  consumer: ['消费维权', '明白消费', '放心消费'],
  grain: ['爱粮节粮', '粮食安全', '一粒米的旅程'],
  'elderly-care': ['银龄健康', '老年健康', '智慧助老'],
  'tech-innovation': ['科技创新', '创新成果', '科技与未来'],
  reading: ['科普阅读', '书香科普', '科普读书会'],
  'national-security': ['国家安全', '总体国家安全观', '国家安全知识'],
  'traffic-safety': ['交通安全', '文明出行', '平安出行'],
};

const FORMAT_WORD: Record<string, string> = {
  lecture: '科普讲座',
  exhibition: '主题展览',
  'hands-on': '互动体验活动',
  show: '科学实验秀',
  competition: '知识竞赛',
  training: '技能培训',
  clinic: '义诊咨询',
  'open-day': '开放日',
  online: '线上直播',
  'study-tour': '研学活动',
  drama: '科普剧展演',
  call: '作品征集',
  carnival: '科学嘉年华',
  consultation: '宣传咨询活动',
};

const ORGANIZER_KINDS: { type: string; suffix: (region: string, n: number) => string }[] = [
  { type: 'association', suffix: (r) => `${r}科学技术协会` },
  { type: 'society', suffix: (r, n) => `${r}${['气象', '营养', '天文', '地震', '计算机', '药学', '海洋', '科普作家'][n % 8]}学会` },
  { type: 'science-center', suffix: (r) => `${r}科技馆` },
  { type: 'museum', suffix: (r, n) => `${r}${['自然', '地质', '科技', '农业'][n % 4]}博物馆` },
  { type: 'school', suffix: (r, n) => `${r}第${(n % 30) + 1}中学` },
  { type: 'research', suffix: (r, n) => `${r}${['农业科学', '环境科学', '气象科学', '疾病预防'][n % 4]}研究所` },
  { type: 'hospital', suffix: (r, n) => `${r}${['人民医院', '中医医院', '妇幼保健院'][n % 3]}` },
  { type: 'community', suffix: (r, n) => `${r}${['东湖', '西岭', '南苑', '北辰', '和平', '幸福'][n % 6]}街道` },
  { type: 'media', suffix: (r) => `${r}融媒体中心` },
  { type: 'government', suffix: (r, n) => `${r}${['科学技术局', '应急管理局', '卫生健康委员会', '生态环境局'][n % 4]}` },
];

const VENUE_KINDS: { type: string; suffix: (n: number) => string }[] = [
  { type: 'science-center', suffix: () => '科技馆' },
  { type: 'museum', suffix: (n) => ['自然博物馆', '地质博物馆', '科技博物馆'][n % 3]! },
  { type: 'library', suffix: () => '图书馆报告厅' },
  { type: 'school', suffix: (n) => `第${(n % 20) + 1}小学` },
  { type: 'park', suffix: (n) => ['湿地公园', '森林公园', '植物园'][n % 3]! },
  { type: 'hall', suffix: () => '文化馆多功能厅' },
  { type: 'community', suffix: (n) => `${['东湖', '西岭', '南苑', '北辰', '和平', '幸福'][n % 6]}社区文化活动中心` },
  { type: 'hospital', suffix: () => '人民医院门诊楼大厅' },
  { type: 'research', suffix: () => '农业科学研究所' },
];

const ROADS = ['科学路', '文化路', '建设路', '人民路', '学府路', '育才路', '解放路', '新华街', '光明路', '长安路'];
const FIXTURE_NOTE = '# 测试/基准用的生成数据（scripts/fixtures.ts），不是真实单位 / generated fixture, not a real entry';

// ---------------------------------------------------------------------------------------------

function yamlStr(s: string): string {
  return JSON.stringify(s);
}

function labelsOf(list: VocabEntry[], ids: string[]): string[] {
  return ids.map((id) => list.find((v) => v.id === id)?.label ?? id);
}

export function generateFixtures(o: FixtureOptions): { files: FixtureFile[]; summary: FixtureSummary } {
  const r = rngFrom(o.seed ?? 1);
  const [y0, y1] = o.years ?? [2024, 2027];
  const files: FixtureFile[] = [];
  const regions = o.vocab.regions;
  const parentIds = new Set(regions.map((v) => v.parent).filter(Boolean));
  const leafRegions = regions.filter((v) => v.id !== 'national' && !parentIds.has(v.id));
  const regionById = new Map(regions.map((v) => [v.id, v]));
  const regionName = (id: string) => regionById.get(id)?.label ?? '';
  const fullPlace = (id: string) => {
    const chain: string[] = [];
    for (let cur: string | undefined = id, g = 0; cur && g < 5; g++) {
      const v = regionById.get(cur);
      if (!v) break;
      chain.unshift(v.label);
      cur = v.parent;
    }
    return chain.join('');
  };
  const topicIds = o.vocab.topics.map((v) => v.id);
  const audienceIds = o.vocab.audiences.map((v) => v.id);
  const formatIds = o.vocab.formats.map((v) => v.id).filter((f) => f !== 'call' && f !== 'online');
  const summary: FixtureSummary = { events: 0, organizers: 0, venues: 0, cancelled: 0, postponed: 0, online: 0, recurring: 0, campaign: 0 };

  // Organizers (~N/50) and venues (~N/20), in real regions.
  const nOrg = Math.max(3, Math.round(o.events / 50));
  const organizers: { id: string; name: string; region: string }[] = [];
  const orgNames = new Set<string>();
  for (let i = 0; i < nOrg; i++) {
    const region = r.chance(0.05) ? 'national' : r.pick(leafRegions).id;
    const kind = r.pick(ORGANIZER_KINDS);
    let name = kind.suffix(region === 'national' ? '中国' : regionName(region), r.int(0, 99));
    for (let k = 2; orgNames.has(name); k++) name = `${kind.suffix(region === 'national' ? '中国' : regionName(region), i)}（${k}）`;
    orgNames.add(name);
    const id = `org-${String(i + 1).padStart(5, '0')}`;
    organizers.push({ id, name, region });
    const lines = [FIXTURE_NOTE, `name: ${yamlStr(name)}`, `type: ${kind.type}`, `region: ${yamlStr(region)}`];
    if (region !== 'national') lines.push(`address: ${yamlStr(`${fullPlace(region)}${r.pick(ROADS)}${r.int(1, 300)}号`)}`);
    lines.push(`website: https://org-${i + 1}.example.org/`);
    files.push({ path: `organizers/${id}.yaml`, text: lines.join('\n') + '\n' });
  }
  summary.organizers = nOrg;

  const nVenue = Math.max(3, Math.round(o.events / 20));
  const venues: { id: string; name: string; region: string }[] = [];
  // Names are unique, as the validator demands (the importer matches venues by name).
  const venueNames = new Set<string>();
  for (let i = 0; i < nVenue; i++) {
    const region = r.pick(leafRegions).id;
    const kind = r.pick(VENUE_KINDS);
    let name = `${regionName(region)}${kind.suffix(r.int(0, 99))}`;
    for (let k = 2; venueNames.has(name); k++) name = `${regionName(region)}${kind.suffix(i)}（${k}）`;
    venueNames.add(name);
    const id = `venue-${String(i + 1).padStart(5, '0')}`;
    venues.push({ id, name, region });
    const lines = [FIXTURE_NOTE, `name: ${yamlStr(name)}`, `type: ${kind.type}`, `region: ${yamlStr(region)}`, `address: ${yamlStr(`${fullPlace(region)}${r.pick(ROADS)}${r.int(1, 300)}号`)}`];
    files.push({ path: `venues/${id}.yaml`, text: lines.join('\n') + '\n' });
  }
  summary.venues = nVenue;
  const venuesByRegion = new Map<string, typeof venues>();
  for (const v of venues) venuesByRegion.set(v.region, [...(venuesByRegion.get(v.region) ?? []), v]);

  // Observances that can anchor an event on their day: fixed-date days.
  const fixedDays = o.observances.filter((x) => x.rule.type === 'fixed' && x.kind === 'day');
  const hasCampaign = (id: string) => o.observances.some((x) => x.id === id && x.kind === 'campaign');
  const campaignOk = { month: hasCampaign('national-science-month'), week: hasCampaign('national-science-week'), day: hasCampaign('national-science-day') };
  const firstDay = `${y0}-01-01`;
  const span = daysBetween(firstDay, `${y1}-12-31`);
  const seen = new Set<string>();

  for (let i = 0; i < o.events; i++) {
    const n = i + 1;
    // 1. When: September and May are busy (campaigns); some events sit on an observance day.
    let date: string;
    let observance: (typeof fixedDays)[number] | undefined;
    const roll = r.next();
    const year = r.int(y0, y1);
    if (roll < 0.2) date = `${year}-09-${String(r.int(1, 30)).padStart(2, '0')}`;
    else if (roll < 0.3) date = `${year}-05-${String(r.int(15, 31)).padStart(2, '0')}`;
    else if (roll < 0.45 && fixedDays.length) {
      observance = r.pick(fixedDays);
      date = `${year}-${(observance.rule as { date: string }).date}`;
      date = addDays(date, 0); // 02-29 outside leap years becomes 03-01
      if ((observance.established ?? 0) > year || (observance.endedYear && observance.endedYear < year)) observance = undefined;
    } else date = addDays(firstDay, r.int(0, span));
    const month = date.slice(5, 7);
    const y = Number(date.slice(0, 4));
    let campaign: string | undefined;
    if (month === '09' && y >= 2025 && campaignOk.month) campaign = 'national-science-month';
    else if (month === '09' && y <= 2024 && campaignOk.day && r.chance(0.5)) campaign = 'national-science-day';
    else if (month === '05' && Number(date.slice(8)) >= 15 && campaignOk.week) campaign = 'national-science-week';
    if (campaign) summary.campaign++;

    // 2. What.
    const topics = observance && observance.topics.length ? [...observance.topics.slice(0, 2)] : r.sample(topicIds, r.int(1, 3));
    if (topics.length === 0) topics.push(r.pick(topicIds));
    const audiences = r.sample(audienceIds, r.int(1, 2));
    let formats = r.sample(formatIds, r.int(1, 2));
    const org = r.pick(organizers);
    const isOnline = r.chance(0.15);
    if (isOnline && !formats.includes('online')) formats = [...formats.slice(0, 1), 'online'];
    const near = venuesByRegion.get(org.region);
    const venue = isOnline && r.chance(0.7) ? undefined : near && r.chance(0.7) ? r.pick(near) : r.pick(venues);
    const fmt = formats.find((f) => f !== 'online') ?? formats[0]!;
    const place = venue ? regionName(venue.region) : org.region === 'national' ? '' : regionName(org.region);
    const theme = r.pick(THEMES[topics[0]!] ?? ['科学']);
    let title = `${place}“${theme}”${FORMAT_WORD[fmt] ?? '科普活动'}`;
    if (observance) title = `${observance.name}：${title}`;
    if (r.chance(0.3)) title += `（第${r.int(1, 40)}期）`;
    // The validator refuses two events with the same title, day and organizer: number the twin.
    for (let k = 2, base = title; seen.has(`${title}|${date}|${org.id}`); k++) title = `${base}·${k}`;
    seen.add(`${title}|${date}|${org.id}`);

    // 3. Time: exhibitions and calls run for days, the rest are timed sessions.
    const long = fmt === 'exhibition' || fmt === 'carnival' || (fmt === 'competition' && r.chance(0.5));
    let start: string;
    let end: string | undefined;
    if (long) {
      start = date;
      end = addDays(date, r.int(1, 29));
    } else if (r.chance(0.15)) {
      start = date;
    } else {
      const h = r.pick([9, 9, 10, 14, 14, 15, 19]);
      const dur = r.pick([60, 90, 120, 150, 180]);
      start = `${date}T${String(h).padStart(2, '0')}:${r.pick(['00', '30'])}`;
      const endMin = h * 60 + Number(start.slice(14)) + dur;
      end = `${date}T${String(Math.floor(endMin / 60)).padStart(2, '0')}:${String(endMin % 60).padStart(2, '0')}`;
    }
    const recurring = !long && r.chance(0.05);
    if (recurring) summary.recurring++;

    // 4. Status.
    const s = r.next();
    const status = s < 0.03 ? 'cancelled' : s < 0.05 ? 'postponed' : s < 0.06 ? 'moved-online' : 'scheduled';
    if (status === 'cancelled') summary.cancelled++;
    if (status === 'postponed') summary.postponed++;
    const online = isOnline || status === 'moved-online' ? `https://live.example.org/e/${n}` : undefined;
    if (online) summary.online++;

    // 5. Text.
    const orgName = org.name;
    const audienceText = labelsOf(o.vocab.audiences, audiences).join('、');
    const where = venue ? (online ? `${venue.name}（同步线上直播）` : venue.name) : '线上';
    // Six paragraphs: intro, four of topic facts mixed with activity sentences (no sentence twice), practical.
    const topicPool = r.sample(topics.flatMap((t) => TOPIC_SENTENCES[t] ?? []), 99);
    const genericPool = r.sample(GENERIC_SENTENCES, GENERIC_SENTENCES.length);
    const intro = `“${theme}”${FORMAT_WORD[fmt] ?? '科普活动'}由${orgName}主办，在${where}举行，面向${audienceText}。${genericPool.shift()}`;
    const paragraphs = [intro];
    for (let p = 0; p < 4; p++) {
      const para = topicPool.splice(0, r.int(2, 3));
      while (para.length < 5 && genericPool.length) para.push(genericPool.shift()!);
      paragraphs.push(para.join(''));
    }
    if (!long && start.length > 10 && r.chance(0.3)) {
      const t0 = start.slice(11);
      paragraphs.push(`活动安排：\n\n- ${t0} 签到入场\n- 专家讲解与现场演示\n- 互动问答与交流`);
    }
    paragraphs.push(r.sample(PRACTICAL_SENTENCES, 3).join(''));
    const topicLabels = labelsOf(o.vocab.topics, topics);
    const summaryText = `${orgName}举办${topicLabels.join('、')}主题${FORMAT_WORD[fmt] ?? '科普活动'}，面向${audienceText}。`;

    // 6. Front matter.
    const fm: string[] = ['---', FIXTURE_NOTE, `title: ${yamlStr(title)}`, `summary: ${yamlStr(summaryText)}`, `start: ${start}`];
    if (end) fm.push(`end: ${end}`);
    if (recurring) fm.push(`rrule: ${r.pick(['FREQ=WEEKLY;COUNT=4', 'FREQ=MONTHLY;COUNT=3', 'FREQ=WEEKLY;INTERVAL=2;COUNT=3'])}`);
    fm.push(`organizer: ${org.id}`);
    if (r.chance(0.1)) {
      const co = r.pick(organizers);
      if (co.id !== org.id) fm.push(`coOrganizers: [${co.id}]`);
    }
    if (venue) fm.push(`venue: ${venue.id}`);
    if (online) fm.push(`online: ${online}`);
    if (!venue) fm.push(`region: ${yamlStr(org.region)}`);
    if (observance) fm.push(`observance: ${observance.id}`);
    if (campaign) fm.push(`campaign: ${campaign}`);
    fm.push(`topics: [${topicLabels.join(', ')}]`);
    fm.push(`audiences: [${labelsOf(o.vocab.audiences, audiences).join(', ')}]`);
    fm.push(`formats: [${labelsOf(o.vocab.formats, formats).join(', ')}]`);
    if (r.chance(0.4)) {
      const reg = [`required: true`, `capacity: ${r.int(2, 30) * 10}`, `fee: 0`];
      if (r.chance(0.5)) reg.unshift(`url: https://reg.example.org/e/${n}`);
      fm.push(`registration: { ${reg.join(', ')} }`);
    }
    if (status !== 'scheduled') {
      fm.push(`status: ${status}`);
      fm.push(`updated: ${addDays(date, -r.int(3, 20))}T10:00`);
      if (status === 'postponed') fm.push(`previousStart: ${addDays(date, -7)}${start.slice(10)}`);
    }
    if (r.chance(0.2)) fm.push(`keywords: [${theme}]`);
    fm.push('---');
    const slug = `${date}-e${String(n).padStart(6, '0')}-${fmt}`;
    files.push({ path: `events/${date.slice(0, 4)}/${slug}.md`, text: `${fm.join('\n')}\n${paragraphs.join('\n\n')}\n` });
    summary.events++;
  }
  return { files, summary };
}
