'use client';

import { CaretRightOutlined, PauseOutlined } from '@ant-design/icons';
import { Button, Slider, Space, Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { stepIndexOf } from '@/lib/coverage/timeline';

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

/** How long each week stays on screen while playing. */
const PLAY_INTERVAL_MS = 600;

/** Weekly slider over the program's history with a play button; annotations are marks on it. */
export function Timeline({ steps, value, annotations, onChange }: Props) {
  const t = useTranslations('dashboard.timeline');
  const [playing, setPlaying] = useState(false);
  const index = stepIndexOf(steps, value);
  const indexRef = useRef(index);
  useEffect(() => {
    indexRef.current = index;
  }, [index]);
  const last = steps.length - 1;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const next = indexRef.current + 1;
      if (next > last) {
        setPlaying(false);
        return;
      }
      onChange(steps[next]!);
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, last, steps, onChange]);

  const marks = useMemo(() => {
    const m: Record<number, React.ReactNode> = {};
    for (const a of annotations) {
      const i = stepIndexOf(steps, a.date);
      if (a.date < steps[0]! || a.date > steps[last]!) continue;
      m[i] = (
        <Tooltip title={`${a.date} ${a.title}`}>
          <span className="timeline-mark" aria-label={`${a.date} ${a.title}`}>
            ◆
          </span>
        </Tooltip>
      );
    }
    return m;
  }, [annotations, steps, last]);

  return (
    <div className="timeline" data-testid="timeline">
      <Space align="center" style={{ width: '100%' }}>
        <Button
          shape="circle"
          aria-label={playing ? t('pause') : t('play')}
          data-testid="timeline-play"
          icon={playing ? <PauseOutlined /> : <CaretRightOutlined />}
          onClick={() => {
            if (!playing && index >= last) onChange(steps[0]!);
            setPlaying((p) => !p);
          }}
        />
        <span className="timeline-date" data-testid="timeline-date" aria-live="polite">
          {t('showing', { date: value })}
        </span>
      </Space>
      <Slider
        min={0}
        max={last}
        step={1}
        value={index}
        marks={marks}
        aria-label={t('slider')}
        tooltip={{ formatter: (i) => (i === undefined ? '' : steps[i]) }}
        onChange={(i: number) => {
          setPlaying(false);
          const date = steps[i];
          if (date) onChange(date);
        }}
      />
      <div className="timeline-range">
        <span>{steps[0]}</span>
        <span>{steps[last]}</span>
      </div>
    </div>
  );
}
