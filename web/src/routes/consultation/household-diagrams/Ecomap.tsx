import { Group, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../../components/EChart';
import { ja } from '../../../i18n/ja';
import { useAgencyKindLabel } from '../../../lib/agencies';
import { useFormatDate } from '../../../lib/dates';
import type { EcomapRole, HouseholdEcomap } from './api';

const d = ja.diagrams;

type Style = { color: string; width: number; type: 'solid' | 'dashed' | 'dotted'; arrow?: boolean };
/** Line style per tie (legend order): the agency's strongest role decides its line. */
const STYLES: Record<EcomapRole | 'resource', Style> = {
  lead: { color: '#1864ab', width: 5, type: 'solid' },
  registered: { color: '#495057', width: 1.5, type: 'solid' },
  consultation: { color: '#2b8a3e', width: 1.5, type: 'solid' },
  former_lead: { color: '#adb5bd', width: 1.5, type: 'dashed' },
  referral: { color: '#e8590c', width: 2, type: 'solid', arrow: true },
  team: { color: '#5f3dc4', width: 7, type: 'solid' },
  resource: { color: '#0c8599', width: 1.5, type: 'dotted' },
};
const ECOMAP_HEIGHT = 540;
const LEGEND_ORDER = ['lead', 'registered', 'consultation', 'former_lead', 'referral', 'team', 'resource'] as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const roleList = (roles: readonly string[]) => roles.map((r) => d.roles[r] ?? r).join(ja.text.listSeparator);

/** Household in the centre, agencies and resources on a circle around it. */
export function ecomapOption(map: HouseholdEcomap, members: number, kindLabel: (code: string) => string): EChartOption {
  const outer = [
    ...map.agencies.map((a) => ({ id: a.agencyId, name: a.name, role: a.roles[0] ?? 'registered', roles: roleList(a.roles), tip: [a.name, kindLabel(a.kind), roleList(a.roles)], active: a.active })),
    ...map.resources.map((r) => ({ id: r.resourceId, name: r.name, role: 'resource' as const, roles: d.roles.resource ?? '', tip: [r.name, d.roles.resource ?? ''], active: true })),
  ];
  const radius = 200;
  const half = radius + 40;
  const nodes = [
    {
      id: 'household',
      name: map.householdLabel,
      x: 0,
      y: 0,
      symbol: 'circle',
      symbolSize: 120,
      itemStyle: { color: '#e7f5ff', borderColor: '#1864ab', borderWidth: 3 },
      label: { show: true, position: 'inside' as const, formatter: d.ecomapCentre(map.householdLabel, members), fontSize: 14, fontWeight: 'bold' as const, color: '#1864ab', lineHeight: 20 },
      tooltip: { formatter: escapeHtml(d.ecomapCentre(map.householdLabel, members)).replace('\n', '<br>') },
    },
    ...outer.map((o, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(outer.length, 1);
      const right = Math.cos(angle) > 0.2;
      const left = Math.cos(angle) < -0.2;
      return {
        id: o.id,
        name: o.name,
        x: Math.cos(angle) * radius,
        y: Math.sin(angle) * radius,
        symbol: o.role === 'resource' ? 'roundRect' : 'circle',
        symbolSize: 26,
        itemStyle: { color: o.active ? STYLES[o.role].color : '#dee2e6', borderColor: STYLES[o.role].color, borderWidth: 2 },
        label: {
          show: true,
          position: right ? ('right' as const) : left ? ('left' as const) : Math.sin(angle) < 0 ? ('top' as const) : ('bottom' as const),
          // Name, then every role of the agency (the line's style shows the strongest one).
          formatter: `${o.name}\n（${o.roles}）`,
          lineHeight: 17,
          width: right || left ? 190 : 320,
          overflow: 'break' as const,
          fontSize: 12,
          color: o.active ? '#212529' : '#868e96',
        },
        tooltip: { formatter: o.tip.map(escapeHtml).join('<br>') },
      };
    }),
  ];
  const links = outer.map((o) => {
    const s = STYLES[o.role];
    return {
      source: 'household',
      target: o.id,
      symbol: ['none', s.arrow ? 'arrow' : 'none'],
      symbolSize: 10,
      lineStyle: { color: s.color, width: s.width, type: s.type, opacity: 1 },
      tooltip: { formatter: `${escapeHtml(o.name)}<br>${escapeHtml(d.roles[o.role] ?? o.role)}` },
    };
  });
  // Invisible corners: the drawing's extent equals the series box (1 px = 1 px), whatever the count.
  const corners = [-half, half].map((c, i) => ({ id: `corner:${i}`, name: '', x: c, y: c, symbolSize: 0, label: { show: false }, tooltip: { show: false } }));
  return {
    animation: false,
    tooltip: { trigger: 'item', confine: true },
    series: [{ type: 'graph', layout: 'none', roam: false, top: 20, left: 'center', width: 2 * half, height: 2 * half, emphasis: { disabled: true }, data: [...nodes, ...corners], links }],
  };
}

function LineSample({ style }: { style: Style }) {
  const dash = style.type === 'dashed' ? '6 4' : style.type === 'dotted' ? '2 3' : undefined;
  return (
    <svg width="40" height="12" aria-hidden="true">
      <line x1="2" y1="6" x2={style.arrow ? 32 : 38} y2="6" stroke={style.color} strokeWidth={Math.min(style.width, 6)} strokeDasharray={dash} />
      {style.arrow && <polygon points="30,1 39,6 30,11" fill={style.color} />}
    </svg>
  );
}

/** エコマップ: the chart and a legend of line styles (線の種類). */
export function Ecomap({ map, members }: { map: HouseholdEcomap; members: number }) {
  const kindLabel = useAgencyKindLabel();
  const option = useMemo(() => ecomapOption(map, members, kindLabel), [map, members, kindLabel]);
  return (
    <div>
      <EChart option={option} label={d.ecomap} height={ECOMAP_HEIGHT} />
      <Group gap="md" mt="xs" aria-label={d.legendTitle} role="list">
        {LEGEND_ORDER.map((r) => (
          <Group key={r} gap={6} role="listitem">
            <LineSample style={STYLES[r]} />
            <Text size="xs">{d.roles[r]}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}

/** The ecomap as a table (表): each agency with its kind, roles, since and whether it still takes part. */
export function EcomapTable({ map }: { map: HouseholdEcomap }) {
  const kindLabel = useAgencyKindLabel();
  const fmt = useFormatDate();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={d.ecomap} striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{d.colAgency}</Table.Th>
            <Table.Th scope="col">{d.colKind}</Table.Th>
            <Table.Th scope="col">{d.colRoles}</Table.Th>
            <Table.Th scope="col">{d.colSince}</Table.Th>
            <Table.Th scope="col">{d.colActive}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {map.agencies.length + map.resources.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed">{d.noAgencies}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {map.agencies.map((a) => (
            <Table.Tr key={a.agencyId}>
              <Table.Th scope="row" fw="normal">
                {a.name}
              </Table.Th>
              <Table.Td>{kindLabel(a.kind)}</Table.Td>
              <Table.Td>{roleList(a.roles)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.since ? fmt.date(a.since) : d.none}</Table.Td>
              <Table.Td>{a.active ? d.active : d.ended}</Table.Td>
            </Table.Tr>
          ))}
          {map.resources.map((r) => (
            <Table.Tr key={r.resourceId}>
              <Table.Th scope="row" fw="normal">
                {r.name}
              </Table.Th>
              <Table.Td>{r.kind}</Table.Td>
              <Table.Td>{d.roles.resource}</Table.Td>
              <Table.Td>{d.none}</Table.Td>
              <Table.Td>{d.active}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
