import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only the parts the app's charts use, so the bundle stays small. Add chart types here as needed.
echarts.use([GraphChart, TooltipComponent, LegendComponent, SVGRenderer]);

export type EChartOption = Parameters<echarts.ECharts['setOption']>[0];

/**
 * A chart drawn by ECharts with the SVG renderer (text stays in the DOM, readable by tests and
 * screen magnifiers). Created on mount, updated when `option` changes, resized with its box,
 * disposed on unmount. `label` is the accessible name of the chart container.
 */
export function EChart({ option, label, height = 360, style }: { option: EChartOption; label: string; height?: number; style?: CSSProperties }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height, ...style }} />;
}
