/** Pinyin of names for the index: whole names and their tails, full and initials. */
import { describe, expect, it } from 'vitest';
import { pinyinForNames, pinyinSpellings, pinyinTokens } from '../../src/lib/search/search-pinyin.ts';

describe('pinyinSpellings', () => {
  it('spells a name whole (full and initials) and each tail of two characters or more', () => {
    expect(pinyinSpellings('全国爱眼日')).toEqual({
      whole: ['quanguoaiyanri', 'qgayr'],
      tails: ['guoaiyanri', 'gayr', 'aiyanri', 'ayr', 'yanri'],
    });
  });

  it('reads polyphonic characters in context', () => {
    expect(pinyinSpellings('重阳节').whole).toEqual(['chongyangjie', 'cyj']);
    expect(pinyinTokens('中国银行')).toContain('zhongguoyinhang');
  });

  it('keeps digits and Latin letters, drops punctuation', () => {
    const sp = pinyinSpellings('“119”消防宣传月');
    expect(sp.whole).toEqual(['119xiaofangxuanchuanyue', '119xfxcy']);
    expect(sp.tails).toContain('xiaofangxuanchuanyue');
    expect(sp.tails).toContain('xfxcy');
  });

  it('writes ü as v (as typed on Chinese keyboards) and also as u', () => {
    expect(pinyinSpellings('绿水青山').whole).toEqual(['lvshuiqingshan', 'lushuiqingshan', 'lsqs']);
  });

  it('skips text without Chinese, single characters and long sentences', () => {
    expect(pinyinTokens('AED')).toEqual([]);
    expect(pinyinTokens('光')).toEqual([]);
    expect(pinyinTokens('北京市科协2025年区域科普专项行动：学会与区科协协作支撑各区全国科普月活动')).toEqual([]);
  });
});

describe('pinyinForNames', () => {
  it('merges several names, never listing a whole-name spelling again among the tails', () => {
    const sp = pinyinForNames(['全国爱眼日', '爱眼日']);
    expect(sp.whole).toEqual(['quanguoaiyanri', 'qgayr', 'aiyanri', 'ayr']);
    expect(sp.tails).not.toContain('aiyanri');
    expect(sp.tails).toContain('yanri');
  });
});
