/**
 * A small line of a program's coverage over time (percent of its goal, 0-100), drawn as SVG so it
 * needs no chart code. The label says what the line shows, for readers who cannot see it.
 */
export function Sparkline({ values, label, width = 96, height = 24 }: { values: readonly number[]; label: string; width?: number; height?: number }) {
  if (values.length < 2) return null;
  const step = width / (values.length - 1);
  const y = (v: number) => height - 1 - (Math.max(0, Math.min(100, v)) / 100) * (height - 2);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-testid="matrix-sparkline">
      <line x1="0" x2={width} y1={height - 1} y2={height - 1} stroke="currentColor" strokeOpacity="0.25" />
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
