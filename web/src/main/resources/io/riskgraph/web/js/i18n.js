// Chinese by default, English on request (remembered in localStorage). Texts are set with textContent only.
const TEXTS = {
  zh: {
    'skip': '跳到内容', 'brand': '企业风险图谱', 'lang.switch': 'English', 'signOut': '退出',
    'nav.search': '搜索', 'nav.clues': '线索', 'nav.dashboard': '看板', 'nav.investigations': '调查',
    'search.label': '搜索企业、人员、地址', 'search.placeholder': '企业名称、拼音、统一社会信用代码、人员、地址',
    'search.title': '搜索', 'search.none': '没有结果', 'search.hint': '输入名称（中文、拼音或首字母）、代码、人员或地址',
    'kind.enterprise': '企业', 'kind.person': '人员', 'exact': '精确',
    'signin.title': '登录', 'signin.key': 'API 密钥', 'signin.submit': '登录', 'signin.failed': '登录失败',
    'signin.hint': '管理员用 riskgraph keys create --role investigator --name 姓名 生成密钥',
    'role': '角色', 'masked': '（人员信息已脱敏）',
    'profile.grade': '信用风险等级', 'profile.score': '分数', 'profile.model': '模型', 'profile.reasons': '主要原因',
    'profile.indicator': '指标', 'profile.value': '值', 'profile.contribution': '贡献',
    'profile.segments': '业态', 'profile.people': '人员', 'profile.role': '角色', 'profile.share': '持股',
    'profile.ownership': '股权穿透', 'profile.holder': '股东', 'profile.effective': '实际持股', 'profile.ultimate': '最终',
    'profile.controller': '实际控制人', 'profile.none': '无', 'profile.timeline': '时间线', 'profile.related': '关联方风险',
    'profile.relatedValue': '关联风险值', 'profile.parties': '关联方', 'profile.events': '风险事件',
    'profile.clues': '线索', 'profile.network': '查看关系网络', 'profile.registration': '登记信息',
    'profile.status': '状态', 'profile.district': '区', 'profile.address': '地址', 'profile.established': '成立日期',
    'profile.notGraded': '未评级', 'profile.allKinds': '全部',
    'ev.Inspection': '检查', 'ev.Sample': '抽检', 'ev.Penalty': '处罚', 'ev.Complaint': '投诉', 'ev.CourtRecord': '司法', 'ev.Alert': '告警',
    'net.title': '关系网络', 'net.types': '关系类型', 'net.actions': '操作', 'net.expand': '展开', 'net.hide': '隐藏',
    'net.pin': '固定', 'net.remove': '移除', 'net.undo': '撤销', 'net.fit': '适应窗口', 'net.showAll': '显示隐藏',
    'net.path': '路径模式', 'net.pathHint': '选择两个节点以显示最短路径', 'net.pathNone': '没有路径',
    'net.date': '日期', 'net.dateAll': '所有日期', 'net.legend': '图例', 'net.export': '导出', 'net.png': 'PNG',
    'net.csvNodes': '节点 CSV', 'net.csvEdges': '关系 CSV', 'net.save': '保存调查', 'net.saveName': '调查名称',
    'net.notes': '备注', 'net.share': '共享', 'net.saved': '已保存', 'net.node': '节点', 'net.selected': '已选节点',
    'net.more': '更多', 'net.of': '/', 'net.hubPage': '已显示', 'net.noteNode': '节点备注', 'net.open': '打开档案',
    'net.pathFrom': '起点', 'net.pathTo': '终点', 'net.nodes': '节点', 'net.edges': '关系', 'net.events': '事件关系',
    'inv.title': '调查', 'inv.none': '还没有保存的调查', 'inv.open': '打开', 'inv.owner': '创建人', 'inv.updated': '更新',
    'inv.shared': '共享', 'inv.needRole': '保存调查需要调查员角色',
    'clues.title': '线索', 'clues.rule': '规则', 'clues.status': '状态', 'clues.segment': '业态', 'clues.district': '区',
    'clues.severity': '严重度', 'clues.summary': '摘要', 'clues.enterprise': '企业', 'clues.any': '全部', 'clues.filter': '筛选',
    'clues.evidence': '证据', 'clues.history': '处理记录', 'clues.change': '变更状态', 'clues.note': '说明',
    'clues.apply': '提交', 'clues.readOnly': '当前角色只能查看', 'clues.showNetwork': '在网络中查看', 'clues.total': '共',
    'clues.prev': '上一页', 'clues.next': '下一页',
    'dash.title': '看板', 'dash.grades': '各业态信用等级分布', 'dash.rules': '各规则线索（按状态）',
    'dash.months': '线索随时间（按状态）', 'dash.clusters': '高风险关联群（C/D 级企业聚集）', 'dash.size': 'C/D 企业数',
    'dash.members': '成员', 'dash.openNetwork': '在网络中打开', 'dash.none': '没有',
    'verify.title': '检查码核验', 'verify.valid': '真实有效', 'verify.CODE_FORGED': '伪造', 'verify.CODE_EXPIRED': '已过期',
    'verify.CODE_USED': '已使用', 'verify.CODE_MALFORMED': '格式错误', 'verify.CODE_UNKNOWN': '未知检查码',
    'verify.CODE_NOT_ISSUED': '未签发', 'verify.enterprise': '企业', 'verify.period': '检查周期', 'verify.validUntil': '有效期至',
    'verify.code': '检查码', 'verify.TOO_MANY_REQUESTS': '请求过多，请稍后再试',
    'label.Enterprise': '企业', 'label.Person': '人员', 'label.Address': '地址', 'label.Phone': '电话',
    'error': '出错了', 'loading': '加载中…', 'forbidden': '当前角色无权访问',
  },
  en: {
    'skip': 'Skip to content', 'brand': 'riskgraph', 'lang.switch': '中文', 'signOut': 'Sign out',
    'nav.search': 'Search', 'nav.clues': 'Clues', 'nav.dashboard': 'Dashboard', 'nav.investigations': 'Investigations',
    'search.label': 'Search enterprises, persons, addresses', 'search.placeholder': 'Name, pinyin, USCC, person, address',
    'search.title': 'Search', 'search.none': 'No results', 'search.hint': 'Type a name (Chinese, pinyin or initials), a code, a person or an address',
    'kind.enterprise': 'enterprise', 'kind.person': 'person', 'exact': 'exact',
    'signin.title': 'Sign in', 'signin.key': 'API key', 'signin.submit': 'Sign in', 'signin.failed': 'Sign-in failed',
    'signin.hint': 'An admin makes keys with riskgraph keys create --role investigator --name NAME',
    'role': 'role', 'masked': '(persons masked)',
    'profile.grade': 'Credit-risk grade', 'profile.score': 'Score', 'profile.model': 'Model', 'profile.reasons': 'Main reasons',
    'profile.indicator': 'Indicator', 'profile.value': 'Value', 'profile.contribution': 'Contribution',
    'profile.segments': 'Segments', 'profile.people': 'People', 'profile.role': 'Role', 'profile.share': 'Share',
    'profile.ownership': 'Ownership chain', 'profile.holder': 'Holder', 'profile.effective': 'Effective share', 'profile.ultimate': 'Ultimate',
    'profile.controller': 'Actual controller', 'profile.none': 'none', 'profile.timeline': 'Timeline', 'profile.related': 'Related-party risk',
    'profile.relatedValue': 'Related risk', 'profile.parties': 'Parties', 'profile.events': 'Risk events',
    'profile.clues': 'Clues', 'profile.network': 'Open the network', 'profile.registration': 'Registration',
    'profile.status': 'Status', 'profile.district': 'District', 'profile.address': 'Address', 'profile.established': 'Established',
    'profile.notGraded': 'not graded', 'profile.allKinds': 'All',
    'ev.Inspection': 'Inspection', 'ev.Sample': 'Sample', 'ev.Penalty': 'Penalty', 'ev.Complaint': 'Complaint', 'ev.CourtRecord': 'Court record', 'ev.Alert': 'Alert',
    'net.title': 'Network', 'net.types': 'Relationship types', 'net.actions': 'Actions', 'net.expand': 'Expand', 'net.hide': 'Hide',
    'net.pin': 'Pin', 'net.remove': 'Remove', 'net.undo': 'Undo', 'net.fit': 'Fit', 'net.showAll': 'Show hidden',
    'net.path': 'Path mode', 'net.pathHint': 'Pick two nodes to show the shortest paths', 'net.pathNone': 'No path',
    'net.date': 'Date', 'net.dateAll': 'All dates', 'net.legend': 'Legend', 'net.export': 'Export', 'net.png': 'PNG',
    'net.csvNodes': 'Nodes CSV', 'net.csvEdges': 'Edges CSV', 'net.save': 'Save investigation', 'net.saveName': 'Investigation name',
    'net.notes': 'Notes', 'net.share': 'Shared', 'net.saved': 'Saved', 'net.node': 'Node', 'net.selected': 'Selected node',
    'net.more': 'more', 'net.of': 'of', 'net.hubPage': 'shown', 'net.noteNode': 'Note on node', 'net.open': 'Open profile',
    'net.pathFrom': 'From', 'net.pathTo': 'To', 'net.nodes': 'nodes', 'net.edges': 'links', 'net.events': 'Event links',
    'inv.title': 'Investigations', 'inv.none': 'No saved investigation yet', 'inv.open': 'Open', 'inv.owner': 'Owner', 'inv.updated': 'Updated',
    'inv.shared': 'Shared', 'inv.needRole': 'Saving investigations needs the investigator role',
    'clues.title': 'Clues', 'clues.rule': 'Rule', 'clues.status': 'Status', 'clues.segment': 'Segment', 'clues.district': 'District',
    'clues.severity': 'Severity', 'clues.summary': 'Summary', 'clues.enterprise': 'Enterprise', 'clues.any': 'Any', 'clues.filter': 'Filter',
    'clues.evidence': 'Evidence', 'clues.history': 'History', 'clues.change': 'Change status', 'clues.note': 'Note',
    'clues.apply': 'Apply', 'clues.readOnly': 'Your role reads only', 'clues.showNetwork': 'Show in network', 'clues.total': 'Total',
    'clues.prev': 'Previous', 'clues.next': 'Next',
    'dash.title': 'Dashboard', 'dash.grades': 'Grades per segment', 'dash.rules': 'Clues per rule (by status)',
    'dash.months': 'Clues over time (by status)', 'dash.clusters': 'Linked high-risk clusters (C/D firms together)', 'dash.size': 'C/D firms',
    'dash.members': 'Members', 'dash.openNetwork': 'Open in network', 'dash.none': 'none',
    'verify.title': 'Inspection code check', 'verify.valid': 'Genuine and valid', 'verify.CODE_FORGED': 'Forged', 'verify.CODE_EXPIRED': 'Expired',
    'verify.CODE_USED': 'Already used', 'verify.CODE_MALFORMED': 'Malformed', 'verify.CODE_UNKNOWN': 'Unknown code',
    'verify.CODE_NOT_ISSUED': 'Not issued', 'verify.enterprise': 'Enterprise', 'verify.period': 'Inspection period', 'verify.validUntil': 'Valid until',
    'verify.code': 'Code', 'verify.TOO_MANY_REQUESTS': 'Too many checks; try again in a minute',
    'label.Enterprise': 'Enterprise', 'label.Person': 'Person', 'label.Address': 'Address', 'label.Phone': 'Phone',
    'error': 'Something went wrong', 'loading': 'Loading…', 'forbidden': 'Your role may not see this',
  },
};

let lang = (() => { try { return localStorage.getItem('rg-lang') === 'en' ? 'en' : 'zh'; } catch { return 'zh'; } })();

export function currentLang() { return lang; }

export function t(key) { return TEXTS[lang][key] ?? TEXTS.zh[key] ?? key; }

/** Sets the texts of elements marked data-i18n / data-i18n-placeholder under root. */
export function applyTexts(root = document) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
}

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'zh';
  try { localStorage.setItem('rg-lang', lang); } catch { /* private mode */ }
  applyTexts();
}

/** A name in the current language from a {nameZh, nameEn} or {name_zh, name_en} pair. */
export function pick(obj) {
  if (!obj) return '';
  const zh = obj.nameZh ?? obj.name_zh, en = obj.nameEn ?? obj.name_en;
  return (lang === 'en' ? en || zh : zh || en) ?? '';
}
