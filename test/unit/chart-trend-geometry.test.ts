import { describe, expect, it } from 'vitest';
import type { TrendSeries } from '../../renderer/chart/chart-series';
import { plotSeries } from '../../renderer/chart/trend-geometry';
import { referenceText } from '../../renderer/chart/chart-format';

const FRAME = { width: 200, height: 120, padding: { top: 10, right: 10, bottom: 10, left: 10 } };

function glucose(values: [string, number][], band = { low: 3.9, high: 6.4 }): TrendSeries {
  return {
    key: 'lab:G',
    source: 'lab',
    label: 'Glucose máu',
    unit: 'mmol/L',
    lines: [{ key: 'G', band, points: values.map(([at, value]) => ({ at, value, flag: '' })) }],
  };
}

describe('the trend chart geometry', () => {
  it('spreads points over time from left to right and puts higher values higher', () => {
    const plotted = plotSeries(
      glucose([
        ['2026-01-01T00:00:00.000Z', 5],
        ['2026-01-11T00:00:00.000Z', 9],
        ['2026-01-21T00:00:00.000Z', 7],
      ]),
      FRAME,
    );
    const dots = plotted.lines[0]?.dots ?? [];
    expect(dots.map((dot) => dot.x)).toEqual([10, 100, 190]);
    expect(dots[1]?.y).toBeLessThan(dots[2]?.y ?? 0);
    expect(dots[2]?.y).toBeLessThan(dots[0]?.y ?? 0);
    expect(plotted.lines[0]?.path).toBe(dots.map((dot) => `${String(dot.x)},${String(dot.y)}`).join(' '));
  });

  it('scales to include the reference band, which is drawn between its bounds', () => {
    const plotted = plotSeries(
      glucose([
        ['2026-01-01T00:00:00.000Z', 5],
        ['2026-01-02T00:00:00.000Z', 5.5],
      ]),
      FRAME,
    );
    expect(plotted.axis.min).toBeLessThan(3.9);
    expect(plotted.axis.max).toBeGreaterThan(6.4);
    const band = plotted.lines[0]?.band;
    const [low, high] = plotted.lines[0]?.dots ?? [];
    expect(band && low && high && band.y < high.y && low.y < band.y + band.height).toBe(true);
  });

  it('centres a single point and survives a flat series', () => {
    const plotted = plotSeries(glucose([['2026-01-01T00:00:00.000Z', 5]], { low: 5, high: 5 }), FRAME);
    expect(plotted.lines[0]?.dots[0]?.x).toBe(100);
    expect(Number.isFinite(plotted.lines[0]?.dots[0]?.y)).toBe(true);
  });
});

describe('reference ranges as written', () => {
  it('reads both bounds, one bound, or the text the lab gave', () => {
    expect(referenceText(3.9, 6.4)).toBe('3.9 – 6.4');
    expect(referenceText(null, 5)).toBe('≤ 5');
    expect(referenceText(60, null)).toBe('≥ 60');
    expect(referenceText(null, null, 'Âm tính')).toBe('Âm tính');
  });
});
