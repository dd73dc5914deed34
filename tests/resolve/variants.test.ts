/** Variants of a program's name across reports (data/extract/track.json). */
import { describe, expect, it } from 'vitest';
import type { NodeAttributes } from '../../src/graph/model.js';
import { linkVariants, variantCore, variantOf } from '../../src/resolve/variants.js';

const program = (name: string): NodeAttributes => ({ type: 'Program', name, nameSimplified: name, aliases: [name], mentions: [] });

describe('variants of a name', () => {
  it('cuts the kind of work from the end of a name, but not a later phase', () => {
    expect(variantCore('智慧菜篮子工程')).toBe('智慧菜篮子');
    expect(variantCore('拖车服务中心主体工程')).toBe('拖车服务中心');
    expect(variantCore('沙湾河深圳水库截排二期工程')).toBe('沙湾河深圳水库截排二期');
  });

  it('matches the same core, or it with a place or level before it, and says which rule', () => {
    expect(variantOf('智慧菜篮子工程', '智慧菜篮子系统')).toMatch(/its core is “智慧菜篮子”/);
    expect(variantOf('智慧菜篮子工程', '全市首个智慧菜篮子系统')).toMatch(/with “全市首个” before it/);
    expect(variantOf('国家实验室', '广州国家实验室')).toMatch(/with “广州” before it/);
  });

  it('does not match other words before a name, another phase, a short core or the same name', () => {
    expect(variantOf('体制机制改革', '科技创新体制机制改革')).toBeNull();
    expect(variantOf('沙头角口岸', '轨道交通18号线延伸至沙头角口岸')).toBeNull();
    expect(variantOf('优质饮用水入户三期工程', '优质饮用水入户二期工程')).toBeNull();
    expect(variantOf('公园', '区公园')).toBeNull();
    expect(variantOf('盐港东立交', '盐港东立交')).toBeNull();
  });

  it('links each program to its variants when graphs merge, replacing old links', () => {
    const nodes = new Map<string, NodeAttributes>([
      ['Program:智慧菜篮子工程', { ...program('智慧菜篮子工程'), variants: ['Program:gone'] }],
      ['Program:全市首个智慧菜篮子系统', program('全市首个智慧菜篮子系统')],
      ['Program:智慧菜篮子系统', program('智慧菜篮子系统')],
      ['Program:盐港东立交', program('盐港东立交')],
    ]);
    linkVariants(nodes);
    expect(nodes.get('Program:智慧菜篮子工程')!.variants).toEqual(['Program:全市首个智慧菜篮子系统', 'Program:智慧菜篮子系统']);
    // The same core goes both ways; a qualifier only from the shorter name to the longer.
    expect(nodes.get('Program:智慧菜篮子系统')!.variants).toEqual(['Program:全市首个智慧菜篮子系统', 'Program:智慧菜篮子工程']);
    expect(nodes.get('Program:全市首个智慧菜篮子系统')!.variants).toBeUndefined();
    expect(nodes.get('Program:盐港东立交')!.variants).toBeUndefined();
  });
});
