import { useQuery } from '@tanstack/react-query';
import { hasAnyRole, useMe } from '../../../lib/me';
import type { CaseView } from '../../consultation/cases/api';
import { caseEpisodesQueryOptions, type Episode } from './api';

/**
 * What the signed-in user is to this case on the 多機関協働 side: the lead agency (主担当), and the
 * coordinator of an episode (role coordinator, agency = the episode's coordinator agency). The server
 * decides every request; this only chooses which buttons to show.
 */
export function useCaseRoles(kase: CaseView) {
  const me = useMe();
  const episodes = useQuery(caseEpisodesQueryOptions(kase.id));
  const isLead = me.agencies.some((a) => a.id === kase.leadAgencyId);
  const isCoordinatorOf = (e: Episode) =>
    hasAnyRole(me, ['coordinator']) && !!e.coordinatorAgencyId && me.agencies.some((a) => a.id === e.coordinatorAgencyId);
  const openEpisode = episodes.data?.find((e) => e.status === 'requested' || e.status === 'active') ?? null;
  const isActiveCoordinator = !!openEpisode && openEpisode.status === 'active' && isCoordinatorOf(openEpisode);
  return { episodes, isLead, isCoordinatorOf, openEpisode, canManageTeam: kase.status === 'open' && (isLead || isActiveCoordinator) };
}
