import { ja } from '../../i18n/ja';
import { AnchorLink } from '../consultation/AnchorLink';
import type { LapseItem } from './api';

/** The lead or case a lapse is about. */
export function LapseLink({ item, size }: { item: LapseItem; size?: 'sm' }) {
  return item.kind === 'lead' ? (
    <AnchorLink to="/outreach/leads/$id" params={{ id: item.id }} size={size}>
      {item.label}
    </AnchorLink>
  ) : (
    <AnchorLink to="/consultation/cases/$id" params={{ id: item.id }} size={size}>
      {item.label}
      {ja.text.paren(ja.outreach.lapseKind.case ?? '')}
    </AnchorLink>
  );
}
