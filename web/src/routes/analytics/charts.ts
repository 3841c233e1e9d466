/** The chart types of the dashboard, registered beside what components/EChart.tsx registers. */
import { BarChart, HeatmapChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

echarts.use([BarChart, HeatmapChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent]);

export const number = new Intl.NumberFormat('ja-JP');

/** Vertical bars over categories, one series, values on top. */
export function barOption(categories: string[], values: number[], name: string) {
  return {
    grid: { left: 48, right: 16, top: 28, bottom: 48, containLabel: true },
    tooltip: { trigger: 'axis' as const },
    xAxis: { type: 'category' as const, data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series: [{ type: 'bar' as const, name, data: values, label: { show: true, position: 'top' as const }, barMaxWidth: 48 }],
  };
}
