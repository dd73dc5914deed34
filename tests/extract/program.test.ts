import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { buildDocumentGraph } from '../../src/resolve/resolve.js';
import { extractText, names, relations } from '../helpers/extract.js';

describe('programs', () => {
  it('extends a quoted initiative to its head noun', () => {
    const x = extractText('深化“放管服”改革。完善“雙隨機、一公開”監管,深入推進“粵執法”辦案平臺應用。開展全市“全民反詐”專項行動。');
    expect(names(x, 'Program')).toEqual(['“放管服”改革', '“雙隨機、一公開”監管', '“粵執法”辦案平臺', '“全民反詐”專項行動']);
  });

  it('names “莞薪無憂”等專項行動 without the 等 and keeps a domain prefix', () => {
    const x = extractText('開展“莞薪無憂”等專項行動,檢查用人單位16455家。全面落實行政執法“三項制度”。');
    expect(names(x, 'Program')).toEqual(['“莞薪無憂”專項行動', '行政執法“三項制度”']);
  });

  it('does not extend the members of a quoted list', () => {
    const x = extractText('首創城管領域“小微執法”、“生態環境違法道歉承諾從輕處罰”等執法新模式。');
    expect(names(x, 'Program')).toEqual(['“小微執法”', '“生態環境違法道歉承諾從輕處罰”']);
  });

  it('finds named reforms, systems and mechanisms without quotes after a verb of carrying out', () => {
    const x = extractText('以開展全國法治政府建設示范創建為契機。建成東莞市信用分級分類評價系統,實現跨部門信用數據歸集共享。健全跨部門綜合執法協同機制。');
    expect(names(x, 'Program')).toEqual(['全國法治政府建設示范創建', '東莞市信用分級分類評價系統', '跨部門綜合執法協同機制']);
  });

  it('drops batch ordinals so a program is one entity', () => {
    const x = extractText('積極開展第三批全國法治政府建設示范創建和廣東省第二批法治政府建設示范創建工作。');
    expect(names(x, 'Program')).toEqual(['全國法治政府建設示范創建', '廣東省法治政府建設示范創建']);
  });

  it('does not take ideologies, goals, slogans, requirements or numbers for programs', () => {
    const x = extractText(
      '深入學習習近平法治思想,推進法治政府建設。充分發揮“關鍵少數”引領作用。圍繞省委“1310”具體部署和市委“科技創新+先進制造”城市特色。落實領導干部“一培訓兩講座”要求。實現“摘牌即動工”“完工即投產”。提升城市“颜值”,獲評“全國文明城市”稱號。',
    );
    expect(names(x, 'Program')).toEqual([]);
  });

  it('finds named systems and reforms without quotation marks (告知承诺制, 繁简分流, 街道综合执法改革)', () => {
    const x = extractText('推行告知承诺制，落实公平竞争审查制度，深化繁简分流改革。全面落实行政执法公示制度。一是街道综合执法改革顺利落地。完善知识产权审判“三合一”机制。', '2021年光明区政府工作报告_2021');
    expect(names(x, 'Program')).toEqual(['告知承诺制', '公平竞争审查', '繁简分流', '行政执法公示制度', '街道综合执法改革', '知识产权审判“三合一”机制']);
    expect(relations(x)).toHaveLength(6);
  });

  it('never takes periods, slogans or figures of speech for programs (“十三五”, “后半篇文章”, “零败诉”)', () => {
    const x = extractText('积极做好街道体制改革“后半篇文章”，筑牢“防火墙”，实现行政诉讼“零败诉”，展现“新形象”，让群众“少跑腿”。“十三五”圆满收官，树立“深圳标准”。', '2021年光明区政府工作报告_2021');
    expect(names(x, 'Program')).toEqual(['街道体制改革']);
  });

  it('makes coordinated names two programs, and keeps one name whose first part has no head', () => {
    expect(names(extractText('推进土地管理制度改革和行政审批制度改革。'), 'Program')).toEqual(['土地管理制度改革', '行政审批制度改革']);
    expect(names(extractText('健全事權下放動態調整和銜接機制。'), 'Program')).toEqual(['事權下放動態調整和銜接機制']);
  });

  it('takes the noun phrase between the verb and the quote into the name, not a scope word or an actor', () => {
    const x = extractText('积极推行政务服务“好差评”制度。開展全市“全民反詐”專項行動。連續6年開展國家機關“誰執法誰普法”履職報告評議活動。');
    expect(names(x, 'Program')).toEqual(['政务服务“好差评”制度', '“全民反詐”專項行動', '“誰執法誰普法”履職報告評議活動']);
  });

  it('makes one program of the forms a report gives one quoted name', () => {
    const x = extractText('持续擦亮光明区政务服务“光速办”品牌。“光速办”在北京获奖。深化“光速办”改革成果。', '2021年光明区政府工作报告_2021');
    const graph = buildDocumentGraph(x, EXTRACTOR_VERSION);
    const programs = graph.nodes.filter((n) => n.attributes.type === 'Program');
    expect(programs).toHaveLength(1);
    expect(programs[0]!.attributes.aliases).toEqual(['“光速办”', '“光速办”改革', '光明区政务服务“光速办”品牌']);
  });
  it('keeps words that start with a function word inside a name (在线, 对口, 行为) and still ends a name at 在 or 等', () => {
    const x = extractText('加快污染源在线监控系统建设。健全东西部协作和对口支援机制。完善企业轻微过失行为容错机制。推进元墩头等一批更新项目。');
    expect(names(x, 'Program')).toEqual(['污染源在线监控系统', '东西部协作和对口支援机制', '企业轻微过失行为容错机制']);
  });

  it('does not take a counted class of projects for a program (一批重大项目, 两个结对帮扶项目), but keeps a named set (十大民生工程)', () => {
    const x = extractText('推进一批重大项目。实施两个结对帮扶项目。实施十大民生工程。');
    expect(names(x, 'Program')).toEqual(['十大民生工程']);
  });
  it('takes the named members of a list of projects (…、…等项目) and not the kinds of facility or the verbs before them', () => {
    const x = extractText('莲塘/香园围口岸、粤澳新通道等项目建设加快。加快深南高铁和南珠中城际、确保中信金融中心等重大项目。规划建设会展中心、会议中心等项目。震雄、雷柏、比亚迪等项目获得资助。');
    expect(names(x, 'Program')).toEqual(['莲塘/香园围口岸', '粤澳新通道', '深南高铁', '南珠中城际', '中信金融中心']);
  });
  it('takes the programs a clause opens with before a word of progress, one by one, and not a clause that opens with a verb', () => {
    const x = extractText('历时8年的坪盐通道顺利通车，云校教育平台、蓝牙物联网体温监护系统还获评“科技抗疫”优秀案例。东莞-盐田组合港、盐田-江门海铁联运启动运营。协调深汕高铁顺利通车。10个营商环境改革试点全面推开。');
    expect(names(x, 'Program')).toEqual(['坪盐通道', '云校教育平台', '蓝牙物联网体温监护系统', '东莞-盐田组合港', '盐田-江门海铁联运']);
  });
  it('does not take a document named after a program for the program (落实…改革行动方案), and reads a list of projects closed by a quoted umbrella', () => {
    const x = extractText('主动对接落实市委市政府供给侧结构性改革行动方案。智慧教育、综合应急指挥系统、华强北商业步行街等“智慧坪山”主要项目前期工作进展顺利。');
    expect(names(x, 'Program')).toEqual(['综合应急指挥系统', '华强北商业步行街', '“智慧坪山”']);
  });
  it('takes a named project that work is on for a program, without the work (华强北商业步行街建设), and not generic work (基础设施建设)', () => {
    const x = extractText('加快公交都市示范区建设。推进华强北商业步行街建设。推进基础设施建设。加快重点项目建设。');
    expect(names(x, 'Program')).toEqual(['公交都市示范区', '华强北商业步行街']);
  });
});
