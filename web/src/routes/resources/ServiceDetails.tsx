import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ja } from '../../i18n/ja';
import type { Schedule, Service } from './api';

const r = ja.resources;

export function StaleBadge() {
  return (
    <Badge color="orange" variant="light" title={r.staleHint}>
      {r.stale}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const color = status === 'active' ? 'teal' : status === 'defunct' ? 'gray' : 'yellow';
  return (
    <Badge color={color} variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
      {r.statuses[status] ?? status}
    </Badge>
  );
}

/** 毎週 月・水 10:00〜15:00 / 毎月 第2・第4 土 … in words. */
export function scheduleText(s: Schedule): string {
  const weekday = (d: string) => r.weekdayNames[d] ?? d;
  let days = '';
  if (s.freq === 'WEEKLY') days = (s.byday ?? '').split(',').filter(Boolean).map(weekday).join('・');
  else if (s.freq === 'MONTHLY') {
    const byday = (s.byday ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => {
        const m = /^(-1|[1-5])(\w\w)$/.exec(p);
        return m ? `${r.ordinalNames[m[1]!] ?? m[1]}${weekday(m[2]!)}` : p;
      });
    const monthDays = (s.bymonthday ?? '')
      .split(',')
      .filter(Boolean)
      .map((d) => (d === '-1' ? '末日' : `${d}日`));
    days = [...byday, ...monthDays].join('・');
  }
  return r.scheduleLine(s.freq ? (r.freqs[s.freq] ?? '') : '', days, r.timeRange(s.opensAt, s.closesAt));
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children === null || children === undefined || children === '' ? ja.app.none : children}
      </Text>
    </div>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** 地域資源の内容 (read-only): what every staff member sees. */
export function ServiceDetails({ service: s }: { service: Service }) {
  return (
    <Stack>
      <Block title={r.sectionBasic}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={r.organization}>{s.organization.name}</Field>
          <Field label={r.status}>{r.statuses[s.status] ?? s.status}</Field>
          <Field label={r.alternateName}>{s.alternateName}</Field>
          <Field label={r.phone}>{s.phone}</Field>
          <Field label={r.url}>{s.url}</Field>
          <Field label={r.email}>{s.email}</Field>
        </SimpleGrid>
        <Field label={r.description}>{s.description}</Field>
        <Group gap="xs">
          {s.terms.map((t) => (
            <Badge key={t.id} variant="outline">
              {t.name}
            </Badge>
          ))}
        </Group>
      </Block>
      <Block title={r.sectionEligibility}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={r.ageRange}>{r.ageCell(s.minimumAge, s.maximumAge)}</Field>
          <Field label={r.sectionCapacity}>{r.capacityCell(s.capacity, s.waitlistCount) || null}</Field>
        </SimpleGrid>
        <Field label={r.eligibility}>{s.eligibilityDescription}</Field>
        <Field label={r.applicationProcess}>{s.applicationProcess}</Field>
        <Field label={r.feesDescription}>{s.feesDescription}</Field>
        {s.costOptions.length > 0 && <Field label={r.sectionCosts}>{s.costOptions.map((c) => [c.option, r.yen(c.amount), c.amountDescription].filter(Boolean).join(' ')).join('\n')}</Field>}
      </Block>
      <Block title={r.sectionSchedules}>
        {s.schedules.length === 0 ? (
          <Text size="sm">{r.noSchedules}</Text>
        ) : (
          s.schedules.map((x) => (
            <Text key={x.id} size="sm">
              {[scheduleText(x), x.description].filter(Boolean).join(' ')}
            </Text>
          ))
        )}
      </Block>
      <Block title={r.sectionLocations}>
        <Field label={r.sectionAreas}>{s.serviceAreas.map((a) => a.areaName ?? a.name).join('、')}</Field>
        {s.locations.length === 0 ? (
          <Text size="sm">{r.noLocations}</Text>
        ) : (
          s.locations.map((l) => (
            <Text key={l.id} size="sm">
              {[l.name, l.postalCode ? `〒${l.postalCode}` : null, l.address, l.areaName ? ja.text.paren(l.areaName) : null, l.accessibility].filter(Boolean).join(' ')}
            </Text>
          ))
        )}
        <Field label={r.sectionLanguages}>{s.languages.map((l) => l.name).join('、')}</Field>
      </Block>
    </Stack>
  );
}
