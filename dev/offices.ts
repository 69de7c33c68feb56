/** The demo office tree (the Lhasa committee, two districts, their townships and villages) and the demo staff. */
import type { Office } from '../shared/domain/offices.ts';
import { levelOf, parentOf } from '../shared/domain/offices.ts';
import { stageNewOffice, officeSubtree } from '../shared/store/offices.ts';
import { Transaction } from '../shared/store/transaction.ts';
import { ulid } from 'ulid';
import { Conflict } from '../shared/domain/errors.ts';
import { getStaffByUsername, stageNewStaff, stageStaffSubject } from '../shared/store/staff.ts';
import { normalizeUsername, type StaffMember } from '../shared/domain/staff.ts';
import { chineseName, DEMO_USERS, type DemoUser } from './tokens.ts';

const tree: [id: string, name: string, nameEn: string][] = [
  ['lhasa', '拉萨市幸福工程组委会', 'Lhasa Happiness Project Organizing Committee'],
  ['lhasa.chengguan', '城关区项目办', 'Chengguan District Project Office'],
  ['lhasa.chengguan.caigongtang', '蔡公堂乡', 'Caigongtang Township'],
  ['lhasa.chengguan.caigongtang.zhiba', '支巴村', 'Zhiba Village'],
  ['lhasa.chengguan.caigongtang.baiding', '白定村', 'Baiding Village'],
  ['lhasa.chengguan.caigongtang.gangzhu', '岗珠村', 'Gangzhu Village'],
  ['lhasa.chengguan.niangre', '娘热乡', 'Niangre Township'],
  ['lhasa.chengguan.niangre.minzu', '民族村', 'Minzu Village'],
  ['lhasa.chengguan.niangre.zhaxi', '扎西村', 'Zhaxi Village'],
  ['lhasa.chengguan.jibenggang', '吉崩岗街道', 'Jibenggang Sub-district'],
  ['lhasa.chengguan.jibenggang.jibenggang', '吉崩岗居委会', 'Jibenggang Residents’ Committee'],
  ['lhasa.chengguan.jibenggang.lugu', '鲁固居委会', 'Lugu Residents’ Committee'],
  ['lhasa.duilongdeqing', '堆龙德庆区项目办', 'Doilungdêqên District Project Office'],
  ['lhasa.duilongdeqing.naiqiong', '乃琼镇', 'Naiqiong Town'],
  ['lhasa.duilongdeqing.naiqiong.boma', '波玛村', 'Boma Village'],
  ['lhasa.duilongdeqing.naiqiong.gangdelin', '岗德林村', 'Gangdelin Village'],
  ['lhasa.duilongdeqing.dongga', '东嘎街道', 'Dongga Sub-district'],
  ['lhasa.duilongdeqing.dongga.sangmu', '桑木村', 'Sangmu Village'],
];

/** What print needs: the district's short name, and the kind of each township and village (it sets the guarantors' titles). */
function printFacts(id: string, name: string): Pick<Office, 'kind' | 'abbreviation'> {
  const level = levelOf(id);
  if (level === 'district') return { abbreviation: name.replace(/区项目办$/, '') };
  if (level === 'township') return { kind: name.endsWith('街道') ? 'subdistrict' : name.endsWith('镇') ? 'town' : 'township' };
  if (level === 'village') return { kind: name.endsWith('居委会') ? 'residents_committee' : 'village' };
  return {};
}

export const DEMO_OFFICES: Office[] = tree.map(([id, name, nameEn]) => {
  const parentId = parentOf(id);
  return { id, level: levelOf(id), name, nameEn, ...printFacts(id, name), ...(parentId ? { parentId } : {}) };
});

/** Writes the office tree unless it is there already. */
export async function ensureOffices(offices: Office[] = DEMO_OFFICES): Promise<boolean> {
  if ((await officeSubtree(offices[0]!.id)).length > 0) return false;
  const tx = new Transaction();
  for (const office of offices) stageNewOffice(tx, office);
  await tx.commit(undefined);
  return true;
}

/** A new directory record of a person the local provider signs in (its subject is her username). */
export function localStaffMember(user: Pick<DemoUser, 'username' | 'role' | 'officeId'>, displayName: string, at = new Date().toISOString()): StaffMember {
  return {
    id: ulid(),
    username: user.username,
    displayName,
    role: user.role,
    officeId: user.officeId,
    active: true,
    subject: normalizeUsername(user.username),
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/**
 * Puts the demo users in the staff directory unless they are there already (Chinese display
 * names), each known by her username as subject (what the local provider signs); one kept
 * from before subjects is bound to it.
 */
export async function ensureDemoStaff(users: DemoUser[] = DEMO_USERS): Promise<number> {
  let added = 0;
  for (const user of users) {
    const at = new Date().toISOString();
    const tx = new Transaction();
    const current = await getStaffByUsername(user.username);
    if (current) {
      if (current.subject) continue;
      stageStaffSubject(tx, current, normalizeUsername(user.username), undefined, at);
      await tx.commit(undefined).catch((error: unknown) => {
        if (!(error instanceof Conflict)) throw error;
      });
      continue;
    }
    stageNewStaff(tx, localStaffMember(user, chineseName(user.displayName), at));
    await tx.commit(undefined).then(
      () => added++,
      (error: unknown) => {
        if (!(error instanceof Conflict)) throw error;
      },
    );
  }
  return added;
}
