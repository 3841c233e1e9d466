import { Alert, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { formatDate } from '../../../lib/dates';
import { AnchorLink } from '../AnchorLink';
import { CONSULTATION_ROLES, householdQueryOptions } from '../api';
import { type ProgressNote, type Timeline, timelineQueryOptions } from './api';
import { ExportButtons } from './ExportButtons';
import { type MemberOption, ProgressNoteForm } from './ProgressNoteForm';
import { ProgressTable } from './ProgressTable';
import '../../../styles/print-a4.css';
import './progress-print.css';

const p = ja.progress;
const c = ja.consultation;
const route = getRouteApi('/app/consultation/cases/$id/progress');

/** 支援経過記録（経過一覧）of a case: record, correct own-agency entries, print on A4, CSV. */
export function ProgressPage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <ProgressScreen />
    </RequireRole>
  );
}

function ProgressScreen() {
  const { id } = route.useParams();
  const timeline = useQuery(timelineQueryOptions(id));
  return (
    <Stack className="progress-page">
      <AnchorLink to="/consultation/cases/$id" params={{ id }} size="sm" className="no-print">
        {p.back}
      </AnchorLink>
      <ErrorAlert error={timeline.error} />
      {timeline.isPending && <Loading />}
      {timeline.data && <ProgressBody timeline={timeline.data} />}
    </Stack>
  );
}

function ProgressBody({ timeline }: { timeline: Timeline }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<ProgressNote | null>(null);
  const household = useQuery({ ...householdQueryOptions(timeline.householdId), enabled: timeline.caseStatus === 'open' });
  const members = useMemo<MemberOption[]>(
    () => (household.data?.members ?? []).filter((m) => m.leftOn === null).map((m) => ({ value: m.personId, label: c.fullName(m.familyName, m.givenName) })),
    [household.data],
  );
  // Printed date in 和暦, whatever the screen setting: the standard form of the printout.
  const printedOn = formatDate(new Date(), 'wareki');
  const saved = (message: string) => {
    setEditing(null);
    setNotice(message);
  };

  return (
    <Stack>
      <header className="print-header">
        <h1>{p.printTitle}</h1>
        <p>{p.printHousehold(timeline.householdLabel, timeline.leadAgencyName)}</p>
        <p>{p.printedOn(printedOn)}</p>
      </header>
      <div className="no-print">
        <PageHeader title={p.heading} />
        <Group gap="xl" mt="xs">
          <Text>{ja.text.labelValue(p.household, timeline.householdLabel)}</Text>
          <Text>{ja.text.labelValue(p.lead, timeline.leadAgencyName)}</Text>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {p.readsAudited}
        </Text>
      </div>
      <ExportButtons caseId={timeline.caseId} />
      <div className="no-print">
        <Notice>{notice}</Notice>
      </div>
      <div className="no-print">
        {timeline.caseStatus === 'open' ? (
          <Section title={p.form}>
            <ProgressNoteForm caseId={timeline.caseId} members={members} onSaved={setNotice} />
          </Section>
        ) : (
          <Alert color="gray" variant="light">
            {p.closedCase}
          </Alert>
        )}
      </div>
      <ProgressTable items={timeline.items} onEdit={setEditing} />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={p.editTitle} size="xl">
        {editing && <ProgressNoteForm key={`${editing.id}-${editing.version}`} caseId={timeline.caseId} members={members} note={editing} onSaved={saved} />}
      </Modal>
    </Stack>
  );
}
