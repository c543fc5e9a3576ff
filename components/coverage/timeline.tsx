'use client';

import CaretRightOutlined from '@ant-design/icons-svg/es/asn/CaretRightOutlined';
import PauseOutlined from '@ant-design/icons-svg/es/asn/PauseOutlined';
import { useTranslations } from 'next-intl';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Icon } from '@/components/ui/icon';
import { Button } from '@/components/ui/plain';
import { usePrefersReducedMotion } from '@/components/ui/use-reduced-motion';
import { stepIndexOf } from '@/lib/coverage/timeline';
import styles from './timeline.module.css';

export interface TimelineAnnotation {
  date: string;
  title: string;
}

interface Props {
  steps: string[];
  value: string;
  annotations: TimelineAnnotation[];
  onChange: (date: string) => void;
}

/** The minimum target size of WCAG 2.5.8, also the width of each mark (timeline.module.css). */
const MARK_SIZE_PX = 24;

/** How long each week stays on screen while playing. */
const PLAY_INTERVAL_MS = 600;

/** Weekly slider over the program's history with a play button; annotations are marks on it. */
export function Timeline({ steps, value, annotations, onChange }: Props) {
  const t = useTranslations('dashboard.timeline');
  const [playing, setPlaying] = useState(false);
  const isMotionReduced = usePrefersReducedMotion();
  const index = stepIndexOf(steps, value);
  const indexRef = useRef(index);
  useEffect(() => {
    indexRef.current = index;
  }, [index]);
  const last = steps.length - 1;

  useEffect(() => {
    if (!playing || isMotionReduced) return;
    const timer = setInterval(() => {
      const next = indexRef.current + 1;
      if (next > last) {
        setPlaying(false);
        return;
      }
      onChange(steps[next]!);
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, isMotionReduced, last, steps, onChange]);

  // Annotations as marks under the track: a native tooltip (title) and a click that jumps there.
  // Marks closer than one 24 px target share one button (WCAG 2.5.8), so none hides another.
  const marksRef = useRef<HTMLDivElement | null>(null);
  const [trackWidth, setTrackWidth] = useState(0);
  // Measured before the first paint, so the marks are never drawn ungrouped (and overlapping).
  useLayoutEffect(() => {
    const el = marksRef.current;
    if (!el) return;
    setTrackWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setTrackWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const position = (i: number) => (last > 0 ? (i / last) * 100 : 0);
  const marks = useMemo(() => {
    const groups: Array<{ index: number; label: string }> = [];
    // Until the track is measured (on the server, before layout) no mark is drawn: ungrouped marks
    // would overlap and be too small to hit.
    if (trackWidth <= 0) return groups;
    const within = annotations
      .filter((a) => a.date >= steps[0]! && a.date <= steps[last]!)
      .map((a) => ({ ...a, index: stepIndexOf(steps, a.date) }))
      .sort((a, b) => a.index - b.index);
    for (const a of within) {
      const label = `${a.date} ${a.title}`;
      const previous = groups.at(-1);
      const gapPx = previous && last > 0 ? ((a.index - previous.index) / last) * trackWidth : Infinity;
      if (previous && gapPx < MARK_SIZE_PX) previous.label = `${previous.label}; ${label}`;
      else groups.push({ index: a.index, label });
    }
    return groups;
  }, [annotations, steps, last, trackWidth]);

  return (
    <div className="timeline" data-testid="timeline">
      <div className={styles.head}>
        <Button
          shape="circle"
          aria-label={playing ? t('pause') : t('play')}
          data-testid="timeline-play"
          icon={<Icon icon={playing ? PauseOutlined : CaretRightOutlined} />}
          onClick={() => {
            // With reduced motion, play shows the outcome at once instead of stepping week by week.
            if (isMotionReduced) {
              setPlaying(false);
              onChange(steps[last]!);
              return;
            }
            if (!playing && index >= last) onChange(steps[0]!);
            setPlaying((p) => !p);
          }}
        />
        {/* Not a live region itself: every week would be read out while playing (see LiveAnnouncement). */}
        <span className="timeline-date" data-testid="timeline-date">
          {t('showing', { date: value })}
        </span>
      </div>
      {/* A native range input: keyboard (arrows, Home/End, Page keys) and screen readers for free. */}
      <div className={styles.track}>
        <input
          type="range"
          className={styles.range}
          min={0}
          max={last}
          step={1}
          value={index}
          aria-label={t('slider')}
          aria-valuetext={steps[index]}
          title={steps[index]}
          onChange={(e) => {
            setPlaying(false);
            const date = steps[Number(e.target.value)];
            if (date) onChange(date);
          }}
        />
        <div className={styles.marks} ref={marksRef}>
          {marks.map((m) => (
            <button
              key={m.label}
              type="button"
              className={`timeline-mark ${styles.mark}`}
              style={{ insetInlineStart: `${position(m.index)}%` }}
              title={m.label}
              aria-label={m.label}
              onClick={() => {
                setPlaying(false);
                onChange(steps[m.index]!);
              }}
            >
              ◆
            </button>
          ))}
        </div>
      </div>
      <div className="timeline-range">
        <span>{steps[0]}</span>
        <span>{steps[last]}</span>
      </div>
    </div>
  );
}
