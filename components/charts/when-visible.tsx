'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Skeleton } from '@/components/ui/plain';

interface Props {
  /** Rendered once the box comes within `margin` of the viewport (and kept from then on). */
  children: ReactNode;
  height: number;
  /** The chart's test id, on the empty box too (with data-state="deferred"). */
  testId: string;
  margin?: string;
}

/**
 * Holds a chart below the fold back until it is about to scroll into view, so its code (ECharts)
 * is not downloaded by visits that never get there. The numbers are in the table below it.
 */
export function WhenVisible({ children, height, testId, margin = '200px' }: Props) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (visible || !el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true);
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [visible, margin]);

  if (visible) return <>{children}</>;
  return (
    <div ref={ref} data-testid={testId} data-state="deferred" style={{ width: '100%', height }}>
      <Skeleton height={height} />
    </div>
  );
}
