/** Which menu entries a user sees, by role. The server still decides every request. */
import { ja } from '../i18n/ja';
import { ADMIN_ROLES, AUDIT_ROLES, type Role } from './me';

export type NavPath =
  | '/'
  | '/consultation'
  | '/referral'
  | '/collaboration'
  | '/outreach'
  | '/participation'
  | '/community'
  | '/resources'
  | '/analytics'
  | '/analytics/prefecture'
  | '/analytics/targets'
  | '/funding'
  | '/volunteer'
  | '/admin/users'
  | '/admin/agencies'
  | '/admin/access'
  | '/admin/roles'
  | '/admin/referral-settings'
  | '/admin/assessment'
  | '/admin/meeting-types'
  | '/admin/online-consultation'
  | '/admin/trust-stages'
  | '/admin/areas'
  | '/audit'
  | '/settings';

export interface NavItem {
  to: NavPath;
  label: string;
}

const n = ja.nav;

const HOME: NavItem = { to: '/', label: n.home };
const SETTINGS: NavItem = { to: '/settings', label: n.settings };
const ANALYTICS: NavItem = { to: '/analytics', label: n.analytics };
/** 都道府県の集計: the prefecture analyst's one page (counts of every municipality of the prefecture, suppressed). */
const PREFECTURE: NavItem = { to: '/analytics/prefecture', label: ja.prefecture.nav };
/** 計画と目標: targets of the 実施計画/地域福祉計画 against actuals. */
const TARGETS: NavItem = { to: '/analytics/targets', label: ja.targets.nav };
const FUNDING: NavItem = { to: '/funding', label: n.funding };
const VOLUNTEER: NavItem = { to: '/volunteer', label: n.volunteer };
const AUDIT: NavItem = { to: '/audit', label: n.audit };

const PROGRAMME: NavItem[] = [
  { to: '/consultation', label: n.consultation },
  { to: '/referral', label: n.referral },
  { to: '/collaboration', label: n.collaboration },
  { to: '/outreach', label: n.outreach },
  { to: '/participation', label: n.participation },
  { to: '/community', label: n.community },
  { to: '/resources', label: n.resources },
];

/** 見える化 and 計画と目標 follow the aggregate policy; 交付金・経費按分 is municipal configuration. */
const AGGREGATE_ROLES: readonly Role[] = ['municipal_admin', 'coordinator'];
const FUNDING_ROLES: readonly Role[] = ['municipal_admin', 'system_admin'];

const ADMIN: NavItem[] = [
  { to: '/admin/users', label: n.adminUsers },
  { to: '/admin/agencies', label: n.adminAgencies },
  { to: '/admin/access', label: n.adminAccess },
  { to: '/admin/roles', label: n.adminRoles },
  { to: '/admin/referral-settings', label: ja.referral.settings.nav },
  { to: '/admin/assessment', label: ja.assessment.nav },
  { to: '/admin/meeting-types', label: ja.meetings.types.nav },
  { to: '/admin/online-consultation', label: ja.publicIntake.nav },
  { to: '/admin/trust-stages', label: ja.outreach.stagesAdmin.nav },
  { to: '/admin/areas', label: ja.community.areas.nav },
];

/** Roles that work with the 事業 pages (everyone except the three narrow roles). */
const PROGRAMME_ROLES: readonly Role[] = [
  'system_admin',
  'municipal_admin',
  'coordinator',
  'caseworker',
  'outreach_worker',
];

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  const has = (allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));
  const items: NavItem[] = [HOME];
  if (has(PROGRAMME_ROLES)) items.push(...PROGRAMME);
  else if (has(['prefecture_analyst'])) items.push(PREFECTURE);
  if (has(AGGREGATE_ROLES)) items.push(ANALYTICS, TARGETS);
  if (has(FUNDING_ROLES)) items.push(FUNDING);
  if (has(['community_volunteer'])) items.push(VOLUNTEER);
  if (has(ADMIN_ROLES)) items.push(...ADMIN);
  if (has(AUDIT_ROLES)) items.push(AUDIT);
  items.push(SETTINGS);
  return items;
}
