import { code128Bars } from './code128';

/** Ten modules of white either side: the quiet zone a scanner needs to find the symbol. */
const QUIET_ZONE = 10;

/** A Code 128 barcode as SVG, scaled to `widthMm`; vector, so it prints sharp at any size. */
export function Code128Barcode({ text, widthMm, heightMm }: { text: string; widthMm: number; heightMm: number }) {
  const { bars, modules } = code128Bars(text);
  const total = modules + 2 * QUIET_ZONE;
  return (
    <svg
      className="paper-barcode"
      role="img"
      aria-label={text}
      width={`${String(widthMm)}mm`}
      height={`${String(heightMm)}mm`}
      viewBox={`0 0 ${String(total)} 40`}
      preserveAspectRatio="none"
      shapeRendering="crispEdges"
    >
      {bars.map(([start, width]) => (
        <rect key={start} x={start + QUIET_ZONE} y={0} width={width} height={40} fill="#000" />
      ))}
    </svg>
  );
}
