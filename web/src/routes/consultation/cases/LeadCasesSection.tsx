import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { ButtonLink } from '../intake/ButtonLink';
import { caseListQueryOptions, transferInboxQueryOptions } from './api';
import { CasesTable } from './CasesTable';

const k = ja.consultation.cases;

/** 主担当のケース: open cases the user's agencies lead, newest first as the server gives them. */
export function LeadCasesSection() {
  const list = useQuery(caseListQueryOptions({ status: 'open', limit: 20 }));
  return (
    <Section title={k.leadCases}>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && <CasesTable label={k.leadCases} items={list.data} empty={k.leadCasesEmpty} variant="lead" />}
    </Section>
  );
}

/** Link to 主担当の変更依頼（受信）, with the number waiting when there are any. */
export function TransferInboxLink() {
  const inbox = useQuery(transferInboxQueryOptions);
  const count = inbox.data?.length ?? 0;
  return (
    <ButtonLink
      to="/consultation/transfers"
      variant={count > 0 ? 'filled' : 'light'}
      color={count > 0 ? 'orange' : undefined}
      rightSection={
        count > 0 ? (
          <Badge variant="white" color="orange" size="sm" radius="sm" tt="none">
            {k.inboxCount(count)}
          </Badge>
        ) : undefined
      }
    >
      {k.inbox}
    </ButtonLink>
  );
}
