/** Form labels of the loan agreement with its guarantors and the disbursement to the mother in person, in each language (a part of the field labels, see ./fields.ts). */
import type { FieldLabels } from './fields.ts';
import type { Lang } from './lang.ts';

const L = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });

export const DISBURSEMENT_FIELD_LABELS: FieldLabels = {
  signedOn: L('签订日期', 'མིང་རྟགས་བཀོད་པའི་ཚེས་གྲངས་', 'date signed'),
  guarantors: L('担保人', 'འགན་ལེན་པ་', 'guarantors'),
  townshipHead: L('乡（镇、街道）负责人', 'ཤང་གི་འགོ་འཛིན་', 'township head'),
  villageHead: L('村（居）委会主任', 'གྲོང་ཚོའི་འགོ་འཛིན་', 'village head'),
  signatories: L('签字各方', 'མིང་རྟགས་འགོད་མཁན་', 'signatories'),
  party: L('签字方', 'མིང་རྟགས་འགོད་ཕྱོགས་', 'party'),
  disbursedOn: L('放款日期', 'བུ་ལོན་སྤྲོད་པའི་ཚེས་གྲངས་', 'disbursement date'),
  motherPresent: L('母亲本人到场', 'ཨ་མ་རང་ཉིད་ཡོང་བ་', 'mother present'),
  idChecked: L('已核验身份证', 'ཐོབ་ཐང་ལག་འཁྱེར་ཞིབ་བཤེར་བྱས་', 'ID checked'),
};
