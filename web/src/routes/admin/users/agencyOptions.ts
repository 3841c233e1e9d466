import type { Agency } from '../../../lib/agencies';

/** Active agencies, plus any closed ones the user already belongs to (so they can be removed). */
export function agencyOptions(agencies: Agency[], selected: string[]) {
  return agencies
    .filter((a) => a.status === 'active' || selected.includes(a.id))
    .map((a) => ({ value: a.id, label: a.name }));
}
