import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TrendSeries } from './chart-series';
import { displayTime } from './chart-format';
import { plotSeries, type ChartFrame } from './trend-geometry';

const FRAME: ChartFrame = { width: 640, height: 220, padding: { top: 12, right: 16, bottom: 28, left: 48 } };

/** A vital sign's label is a word to translate; a lab test's is its name. */
export function seriesLabel(t: TFunction, series: TrendSeries): string {
  return series.source === 'vital' ? t(`chart.${series.key.replace(':', '_')}`) : series.label;
}

/**
 * A chosen repeated numeric measure over time, in plain SVG: one line per quantity (blood
 * pressure draws two), its reference band shaded, each point titled with its value and time.
 * The measure is chosen in a select, by keyboard as well.
 */
export function TrendChart({ series }: { series: readonly TrendSeries[] }) {
  const { t } = useTranslation();
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const chosen = series.find((candidate) => candidate.key === chosenKey) ?? series[0];
  const plotted = useMemo(() => (chosen ? plotSeries(chosen, FRAME) : null), [chosen]);

  return (
    <section className="chart-block chart-trend" aria-labelledby="chart-trend-title">
      <h2 id="chart-trend-title">{t('chart.trend')}</h2>
      {!chosen || !plotted ? (
        <p className="empty">{t('chart.noTrend')}</p>
      ) : (
        <>
          <label htmlFor="trend-series">{t('chart.trendSeries')} </label>
          <select id="trend-series" value={chosen.key} onChange={(event) => setChosenKey(event.target.value)}>
            {series.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {seriesLabel(t, candidate)}
              </option>
            ))}
          </select>
          <svg
            viewBox={`0 0 ${String(FRAME.width)} ${String(FRAME.height)}`}
            role="img"
            aria-label={summaryOf(t, chosen)}
            data-testid="trend-chart"
            data-series={chosen.key}
          >
            {plotted.lines.map(
              (line) =>
                line.band && (
                  <rect
                    key={`band-${line.key}`}
                    className="trend-band"
                    x={FRAME.padding.left}
                    width={FRAME.width - FRAME.padding.left - FRAME.padding.right}
                    y={line.band.y}
                    height={line.band.height}
                  >
                    <title>{t('chart.referenceBand')}</title>
                  </rect>
                ),
            )}
            <line
              className="trend-axis"
              x1={FRAME.padding.left}
              x2={FRAME.padding.left}
              y1={plotted.axis.yMax}
              y2={plotted.axis.yMin}
            />
            <text className="trend-label" x={FRAME.padding.left - 6} y={plotted.axis.yMax + 4} textAnchor="end">
              {plotted.axis.max}
            </text>
            <text className="trend-label" x={FRAME.padding.left - 6} y={plotted.axis.yMin} textAnchor="end">
              {plotted.axis.min}
            </text>
            <text className="trend-label" x={plotted.span.xFirst} y={FRAME.height - 8}>
              {displayTime(plotted.span.first).slice(0, 10)}
            </text>
            <text className="trend-label" x={plotted.span.xLast} y={FRAME.height - 8} textAnchor="end">
              {displayTime(plotted.span.last).slice(0, 10)}
            </text>
            {plotted.lines.map((line, index) => (
              <g key={line.key} className={`trend-line trend-line-${String(index)}`} data-line={line.key}>
                <polyline points={line.path} fill="none" />
                {line.dots.map((dot) => (
                  <circle
                    key={`${dot.at}-${String(dot.value)}`}
                    cx={dot.x}
                    cy={dot.y}
                    r={3}
                    className={`flag-${dot.flag}`}
                  >
                    <title>{`${displayTime(dot.at)}: ${String(dot.value)} ${chosen.unit}`}</title>
                  </circle>
                ))}
              </g>
            ))}
          </svg>
          {chosen.lines.length > 1 && (
            <p className="trend-legend">
              {chosen.lines.map((line, index) => (
                <span key={line.key} className={`trend-line-${String(index)}`}>
                  {t(`chart.line_${line.key}`)}{' '}
                </span>
              ))}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function summaryOf(t: TFunction, series: TrendSeries): string {
  const [line] = series.lines;
  const last = line?.points[line.points.length - 1];
  const latest = series.lines.map((each) => each.points[each.points.length - 1]?.value ?? '').join('/');
  return t('chart.trendSummary', {
    label: seriesLabel(t, series),
    count: line?.points.length ?? 0,
    last: last ? latest : '—',
    unit: series.unit,
  });
}
