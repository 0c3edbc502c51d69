import type { ReferenceBand, TrendSeries } from './chart-series';

export interface ChartFrame {
  width: number;
  height: number;
  padding: { top: number; right: number; bottom: number; left: number };
}

export interface PlottedLine {
  key: string;
  /** SVG polyline points, "x,y x,y…" */
  path: string;
  dots: { x: number; y: number; value: number; at: string; flag: string }[];
  band: { y: number; height: number } | null;
}

export interface PlottedSeries {
  lines: PlottedLine[];
  /** Value axis: the lowest and highest value shown, and their y */
  axis: { min: number; max: number; yMin: number; yMax: number };
  /** Time axis: the first and last time shown, and their x */
  span: { first: string; last: string; xFirst: number; xLast: number };
}

const timeOf = (iso: string): number => {
  const time = new Date(iso).getTime();
  return Number.isNaN(time) ? 0 : time;
};

/**
 * Where each point of a series is drawn: time across, value up, the scale wide enough for
 * every value and the reference band (so a value inside the band reads as such), with a margin.
 */
export function plotSeries(series: TrendSeries, frame: ChartFrame): PlottedSeries {
  const values: number[] = [];
  const times: number[] = [];
  for (const line of series.lines) {
    for (const point of line.points) {
      values.push(point.value);
      times.push(timeOf(point.at));
    }
    for (const bound of [line.band?.low, line.band?.high])
      if (bound !== undefined && bound !== null) values.push(bound);
  }
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = high === low ? Math.max(1, Math.abs(high) * 0.1) : (high - low) * 0.08;
  const min = low - margin;
  const max = high + margin;
  const first = Math.min(...times);
  const last = Math.max(...times);
  const left = frame.padding.left;
  const right = frame.width - frame.padding.right;
  const top = frame.padding.top;
  const bottom = frame.height - frame.padding.bottom;
  const x = (time: number): number =>
    last === first ? (left + right) / 2 : left + ((time - first) / (last - first)) * (right - left);
  const y = (value: number): number => bottom - ((value - min) / (max - min)) * (bottom - top);
  const round = (value: number): number => Math.round(value * 10) / 10;
  const bandOf = (band: ReferenceBand | null): PlottedLine['band'] => {
    if (!band) return null;
    const upper = y(band.high ?? max);
    const lower = y(band.low ?? min);
    return { y: round(upper), height: round(lower - upper) };
  };
  const lines = series.lines.map((line) => {
    const dots = line.points.map((point) => ({
      x: round(x(timeOf(point.at))),
      y: round(y(point.value)),
      value: point.value,
      at: point.at,
      flag: point.flag,
    }));
    return {
      key: line.key,
      path: dots.map((dot) => `${String(dot.x)},${String(dot.y)}`).join(' '),
      dots,
      band: bandOf(line.band),
    };
  });
  const firstAt = new Date(first).toISOString();
  const lastAt = new Date(last).toISOString();
  return {
    lines,
    axis: { min: round(min), max: round(max), yMin: bottom, yMax: top },
    span: { first: firstAt, last: lastAt, xFirst: left, xLast: right },
  };
}
