/** What a figure measures: one of the headline measures of data/extract/measures.json, or none. */
import { describe, expect, it } from 'vitest';
import { measureOf } from '../../src/extract/measure.js';
import { EXTRACTOR_VERSION } from '../../src/extract/index.js';
import type { MetricAttributes } from '../../src/graph/model.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { extractText } from '../helpers/extract.js';

describe('the headline measure of a figure', () => {
  it('is the same measure whatever the report calls it', () => {
    for (const label of ['地区生产总值', '全区生产总值', '本地生产总值', 'GDP', '实现地区生产总值', '地区生产总值完成']) {
      expect(measureOf(label, '元', 2.6368e11, 'district')).toMatchObject({ measure: '地区生产总值', value: 2.6368e11 });
    }
    expect(measureOf('城镇登记失业率控制在', '%', 3, 'district')).toMatchObject({ measure: '城镇登记失业率' });
  });

  it('counts a fall as negative growth', () => {
    expect(measureOf('地区生产总值下降', '%', 7.6, 'district')).toMatchObject({ measure: '地区生产总值增速', value: -7.6 });
    expect(measureOf('地区生产总值增长', '%', 1.1, 'district')).toMatchObject({ measure: '地区生产总值增速', value: 1.1 });
  });

  it('leaves out a figure whose unit is not the measure’s, saying why', () => {
    const miss = measureOf('地区生产总值', '%', 35, 'district');
    expect(miss?.measure).toBeNull();
    expect(miss?.why).toMatch(/unit % is not 元/);
    expect(measureOf('生产总值', '美元', 1e12, 'national')?.measure).toBeNull();
  });

  it('gives a country’s measure only to the country’s reports', () => {
    expect(measureOf('国内生产总值增长', '%', 6.9, 'national')).toMatchObject({ measure: '国内生产总值增速' });
    expect(measureOf('国内生产总值增长', '%', 6.9, 'district')?.measure).toBeNull();
  });

  it('is none for changes over years, averages and shares', () => {
    for (const label of ['地区生产总值从', '地区生产总值年均增长', '占地区生产总值比重', '人均地区生产总值', '海洋生产总值', '']) expect(measureOf(label, label.includes('增长') || label.includes('比重') ? '%' : '元', 1, 'district')).toBeNull();
  });

  it('is set on figures by the one metric builder (a real sentence of 龙岗区’s 2016 report)', () => {
    const x = extractText('一、2015年工作回顾\n实现地区生产总值2636.8亿元，增长10.5%；规模以上工业企业增加值1623.8亿元，增长16.2%。\n二、2016年主要工作\n地区生产总值增长9.5%左右。', '龙岗区2016年政府工作报告_2016');
    const figures = buildGraph([x], EXTRACTOR_VERSION).nodes.map((n) => n.attributes as MetricAttributes).filter((m) => m.type === 'Metric');
    expect(figures.map((m) => [m.raw, m.measure, m.measureValue, m.year, m.status])).toEqual([
      ['2636.8亿元', '地区生产总值', 2636.8e8, 2015, 'done'],
      ['10.5%', '地区生产总值增速', 10.5, 2015, 'done'],
      ['1623.8亿元', '规模以上工业增加值', 1623.8e8, 2015, 'done'],
      ['16.2%', '规模以上工业增加值增速', 16.2, 2015, 'done'],
      ['9.5%左右', '地区生产总值增速', 9.5, 2016, 'planned'],
    ]);
  });
});
