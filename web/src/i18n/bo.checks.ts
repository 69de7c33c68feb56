/** Tibetan for the form checks that name their rule (keys of zh-CN.checks.ts). To be reviewed by a native reader. */
import type { ChecksKey } from './zh-CN.checks.ts';

export const boChecks: Record<ChecksKey, string> = {
  v_receipt_characters: 'འཛིན་ཤོག་ཨང་ནང་དབྱིན་ཡིག་ A–Z དང་། རྒྱ་ཡིག ཨང་ཀི། “-” “/” བཅས་ཁོ་ན་འབྲི་ཆོག {chars} མི་ཆོག',
  v_hidden_characters: 'མིག་གིས་མི་མཐོང་བའི་ཡིག་འབྲུ་ ({char}) མི་ཆོག ཡང་བསྐྱར་འབྲི་རོགས།',
};
