import { Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMemo } from 'react';
import { type LineKind, layoutGenogram } from '../../../../../server/src/consultation/household-diagrams/genogram-layout';
import { EChart, type EChartOption } from '../../../components/EChart';
import { ja } from '../../../i18n/ja';
import type { HouseholdView } from '../api';
import { concernLabels, type DiagramPerson, diagramPeople } from './model';

const d = ja.diagrams;
const ROW = 130;
const MARGIN = { top: 40, bottom: 60 };

const SYMBOL: Record<string, string> = { male: 'rect', female: 'circle' };
const LINE: Record<LineKind, { width: number; type: 'solid' | 'dashed' | 'dotted'; color: string }> = {
  spouse: { width: 2.5, type: 'solid', color: '#343a40' },
  descent: { width: 1.5, type: 'solid', color: '#495057' },
  sibling: { width: 1.5, type: 'solid', color: '#495057' },
  skip: { width: 1.5, type: 'dashed', color: '#868e96' },
  other: { width: 1.5, type: 'dotted', color: '#868e96' },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function tooltipOf(p: DiagramPerson): string {
  const lines = [p.name, p.age === null ? d.ageUnknown : d.age(p.age), p.together ? d.living : p.left ? d.left(p.member.leftOn ?? '') : d.apart];
  const concerns = concernLabels(p.member);
  if (concerns.length > 0) lines.push(`${d.tooltipConcerns}: ${concerns.join(ja.text.listSeparator)}`);
  return lines.map(escapeHtml).join('<br>');
}

/**
 * The chart option: people at computed grid cells (no force layout), lines through invisible joints.
 * The series box is exactly the drawing's size (1 px = 1 px), so shapes are never stretched;
 * columns narrow to fit `width`.
 */
export function genogramOption(household: HouseholdView, width: number): { option: EChartOption; height: number } {
  const people = diagramPeople(household);
  const byId = new Map(people.map((p) => [p.member.personId, p]));
  const layout = layoutGenogram(
    people.map((p) => ({ id: p.member.personId, age: p.age })),
    household.relationships.map((r) => ({ from: r.personId, to: r.relatedPersonId, kind: r.kind })),
  );
  const points = [...layout.people, ...layout.joints];
  const xs = points.length > 0 ? points.map((p) => p.x) : [0];
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const maxY = Math.max(0, ...points.map((p) => p.y));
  const COL = Math.max(90, Math.min(150, (width - 40) / (maxX - minX + 1)));
  const box = { width: (maxX - minX + 1) * COL, height: (maxY + 0.6) * ROW };
  const nodes = [
    ...layout.people.map((pos) => {
      const p = byId.get(pos.id)!;
      const faint = !p.together;
      return {
        id: pos.id,
        name: p.member.givenName || p.member.familyName,
        x: pos.x * COL,
        y: pos.y * ROW,
        symbol: SYMBOL[p.member.sex] ?? 'diamond',
        symbolSize: p.member.sex === 'male' || p.member.sex === 'female' ? 40 : 46,
        itemStyle: {
          color: faint ? '#f8f9fa' : '#e7f5ff',
          borderColor: faint ? '#adb5bd' : '#1864ab',
          borderWidth: 2.5,
          borderType: faint ? ('dashed' as const) : ('solid' as const),
          opacity: faint ? 0.85 : 1,
        },
        label: {
          show: true,
          position: 'bottom' as const,
          formatter: `${p.hasConcerns ? '{flag|●}' : ''}{name|${p.member.givenName || p.member.familyName}}\n{age|${p.age === null ? d.ageUnknown : d.age(p.age)}}`,
          rich: {
            flag: { color: '#e03131', fontSize: 12, padding: [0, 3, 0, 0] },
            name: { fontSize: 14, fontWeight: 'bold' as const, color: faint ? '#868e96' : '#212529' },
            age: { fontSize: 12, color: '#495057', lineHeight: 18 },
          },
        },
        tooltip: { formatter: tooltipOf(p) },
      };
    }),
    ...layout.joints.map((j) => ({ id: j.id, name: '', x: j.x * COL, y: j.y * ROW, symbolSize: 0, label: { show: false }, tooltip: { show: false } })),
    // Invisible corners: the drawing's extent equals the series box, so nothing is scaled.
    ...[
      [minX - 0.5, -0.3],
      [maxX + 0.5, maxY + 0.3],
    ].map(([cx, cy], i) => ({ id: `corner:${i}`, name: '', x: cx! * COL, y: cy! * ROW, symbolSize: 0, label: { show: false }, tooltip: { show: false } })),
  ];
  const links = layout.lines.map((l) => ({ source: l.source, target: l.target, lineStyle: LINE[l.kind], tooltip: { show: false } }));
  return {
    height: box.height + MARGIN.top + MARGIN.bottom,
    option: {
      animation: false,
      tooltip: { trigger: 'item', confine: true },
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: false,
          top: MARGIN.top,
          left: 'center',
          width: box.width,
          height: box.height,
          emphasis: { disabled: true },
          data: nodes,
          links,
        },
      ],
    },
  };
}

/** ジェノグラム: 世代ごとの行、夫婦は横並び、子は親の下。 */
export function Genogram({ household }: { household: HouseholdView }) {
  const { ref, width } = useElementSize();
  const { option, height } = useMemo(() => genogramOption(household, width || 800), [household, width]);
  return (
    <div ref={ref}>
      <EChart option={option} label={d.genogram} height={height} />
      <Group gap="lg" mt="xs">
        {[d.legendShapes, d.legendTogether, d.legendApart, d.legendConcern].map((s) => (
          <Text key={s} size="xs" c="dimmed">
            {s}
          </Text>
        ))}
      </Group>
      {household.relationships.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {d.noRelationships}
        </Text>
      )}
    </div>
  );
}
