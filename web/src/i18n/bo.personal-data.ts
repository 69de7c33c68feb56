/** Tibetan words of a mother's data-subject requests and their exceptions-report kinds. To be reviewed by a native reader. */
import type { PersonalDataKey } from './zh-CN.personal-data.ts';

export const boPersonalData: Record<PersonalDataKey, string> = {
  c_exc_kind_data_access_request: 'རང་ཉིད་ཀྱི་མི་སྒེར་ཆ་འཕྲིན་ལྟ་བའི་རེ་ཞུ།',
  c_exc_kind_personal_data_corrected: 'མི་སྒེར་ཆ་འཕྲིན་བཅོས་སྒྲིག',
  pd_open: 'མི་སྒེར་ཆ་འཕྲིན་གྱི་འདྲ་བཤུས་དང་བཅོས་སྒྲིག',
  pd_title: 'ཁོ་མོའི་མི་སྒེར་ཆ་འཕྲིན་གྱི་འདྲ་བཤུས།',
  pd_intro: 'ཁོ་མོས་རང་གི་ཆ་འཕྲིན་ལྟ་རྒྱུའི་རེ་ཞུ་བྱས་ཚེ། མ་ལག་ནང་ཉར་བའི་ཁོ་མོའི་ཆ་འཕྲིན་ཡོངས་རྫོགས་པར་དུ་བསྐྲུན་ནས་ཁོ་མོར་སྤྲོད། ཐེངས་རེ་རེ་ཁོ་མོའི་ལོ་རྒྱུས་དང་དམིགས་བསལ་སྙན་ཐོར་འགོད།',
  pd_asked_on: 'རེ་ཞུ་བཏོན་པའི་ཚེས་གྲངས།',
  pd_note: 'མཆན། (མ་བྲིས་ཀྱང་ཆོག)',
  pd_make_copy: 'འདྲ་བཤུས་བཟོ།',
  pd_correct_title: 'མི་སྒེར་ཆ་འཕྲིན་བཅོས་སྒྲིག',
  pd_correct_intro: 'བཅོས་དགོས་པའི་དོན་ཚན་ཁོ་ན་འབྲི་བ་དང་རྒྱུ་མཚན་ (ཁོ་མོས་ཅི་བསྟན་པའམ་ཅི་བཤད་པ།) གསལ་པོར་འབྲི། བཅོས་སྔ་བཅོས་རྗེས་ཀྱི་ནང་དོན་ཁོ་མོའི་ཟིན་ཐོ་རེ་རེར་འགོད།',
  pd_name: 'མིང་།',
  pd_phone: 'ཁ་པར་ཨང་།',
  pd_household_size: 'ཁྱིམ་མིའི་གྲངས།',
  pd_reason: 'རྒྱུ་མཚན།',
  pd_correct_submit: 'བཅོས་སྒྲིག་ཉར།',
  pd_corrected: 'བཅོས་སྒྲིག་བྱས་ཟིན།',
  pd_before: 'བཅོས་སྔོན།',
  pd_after: 'བཅོས་རྗེས།',
  pd_back: 'ཞུ་ཡིག་ལ་ཕྱིར་ལོག',
};
