/** Guarantors sign with the title of their office: rural 乡长 / 镇长 and 村委会主任, urban 街道办事处主任 and 居委会主任. */
import { describe, expect, it } from 'vitest';
import { guarantorTitles, officeKindsFromNames } from '../../web/src/print/guarantors.ts';
import { placesOf } from '../../web/src/print/offices.ts';

describe('guarantorTitles', () => {
  it.each([
    ['xiang', 'cun', '乡长', '村委会主任'],
    ['zhen', 'cun', '镇长', '村委会主任'],
    ['jiedao', 'juweihui', '街道办事处主任', '居委会主任'],
    ['jiedao', 'cun', '街道办事处主任', '村委会主任'],
  ] as const)('%s / %s → %s and %s', (township, village, townshipTitle, villageTitle) => {
    const t = guarantorTitles(township, village);

    expect(t.township.zh).toBe(townshipTitle);
    expect(t.village.zh).toBe(villageTitle);
  });

  it('gives every title in Tibetan script too, different for each kind', () => {
    const all = [guarantorTitles('xiang', 'cun'), guarantorTitles('zhen', 'juweihui'), guarantorTitles('jiedao', 'cun')];
    const tibetan = all.flatMap((t) => [t.township.bo, t.village.bo, t.villageCommittee.bo]);

    for (const bo of tibetan) expect(bo).toMatch(/^[\u0F00-\u0FFF]+$/u);
    expect(new Set(all.map((t) => t.township.bo)).size).toBe(3);
  });

  it('never calls an urban head 街道长 or a residents’ committee head 村长', () => {
    const t = guarantorTitles('jiedao', 'juweihui');

    expect(t.township.zh).not.toBe('街道长');
    expect(t.village.zh).not.toContain('村');
    expect(t.villageCommittee.zh).toBe('居民委员会');
  });
});

describe('officeKindsFromNames', () => {
  it.each([
    ['蔡公堂乡', '支巴村', 'xiang', 'cun'],
    ['乃琼镇', '波玛村', 'zhen', 'cun'],
    ['吉崩岗街道', '鲁固居委会', 'jiedao', 'juweihui'],
    ['东嘎街道办事处', '桑木村', 'jiedao', 'cun'],
    ['八廓街道', '冲赛康社区', 'jiedao', 'juweihui'],
  ] as const)('%s / %s → %s / %s', (township, village, tk, vk) => {
    expect(officeKindsFromNames(township, village)).toEqual({ township: tk, village: vk });
  });
});

describe('placesOf', () => {
  const byId = new Map(
    [
      { id: 'lhasa.chengguan', name: '城关区项目办' },
      { id: 'lhasa.chengguan.jibenggang', name: '吉崩岗街道' },
      { id: 'lhasa.chengguan.jibenggang.lugu', name: '鲁固居委会' },
    ].map((o) => [o.id, o]),
  );

  it('names the offices above a village and reads the urban kinds from their names', () => {
    const p = placesOf('lhasa.chengguan.jibenggang.lugu', byId);

    expect([p.district.zh, p.township.zh, p.village.zh]).toEqual(['城关区项目办', '吉崩岗街道', '鲁固居委会']);
    expect(p.kinds).toEqual({ township: 'jiedao', village: 'juweihui' });
  });

  it('names the organizing committee in both languages when the caller cannot see its office', () => {
    const p = placesOf('lhasa.chengguan.jibenggang.lugu', byId);

    expect(p.committee).toEqual({ zh: '幸福工程组委会', bo: 'བདེ་སྐྱིད་ལས་གཞིའི་གྲ་སྒྲིག་ཨུ་ཡོན་ལྷན་ཁང་།' });
  });
});
