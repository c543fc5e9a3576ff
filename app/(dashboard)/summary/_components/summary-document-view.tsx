import type { DocList, SummaryDocument, Tone } from '@/lib/summary/document';
import { HEALTH_COLORS } from '@/lib/charts/timeline-marks';
import type { Health } from '@/lib/coverage/projection';
import { localized } from '@/lib/i18n/localized';

/** Chart id to an image source (lib/summary/chart-images.ts) and its size. */
export type ChartSources = ReadonlyMap<string, { src: string; width: number; height: number }>;

function HealthTag({ health, label }: { health: Health | null; label: string }) {
  const color = health ? HEALTH_COLORS[health] : 'var(--ant-color-text-tertiary, rgba(0, 0, 0, 0.6))';
  return (
    <span className="summary-health" style={{ color, borderColor: color }} data-testid="summary-health" data-health={health ?? 'NONE'}>
      {label}
    </span>
  );
}

function toneClass(tone: Tone | undefined): string | undefined {
  return tone ? `summary-tone-${tone}` : undefined;
}

function List({ list, locale }: { list: DocList; locale: SummaryDocument['locale'] }) {
  return (
    <div className="summary-list" data-testid={`summary-list-${list.key}`}>
      <h3>{list.title}</h3>
      {list.items.length === 0 ? (
        <p className="muted">{list.empty}</p>
      ) : list.layout === 'inline' ? (
        <p>{list.items.map((i) => i.text).join(localized(locale, '、', ', '))}</p>
      ) : (
        <ul>
          {list.items.map((item, i) => (
            <li key={`${i}-${item.text}`}>
              {item.tag && <span className={`summary-tag ${toneClass(item.tone) ?? ''}`}>{item.tag}</span>} {item.text}
            </li>
          ))}
        </ul>
      )}
      {list.more && <p className="muted">{list.more}</p>}
    </div>
  );
}

/**
 * The composed summary as the page shows and prints it. The same SummaryDocument feeds the mail
 * and the PDF (lib/summary/html.ts), so all three say the same thing.
 */
export function SummaryDocumentView({ doc, charts }: { doc: SummaryDocument; charts: ChartSources }) {
  const h = doc.overview.headers;
  return (
    <article className="summary-doc" lang={doc.locale} data-testid="summary-doc" data-week={doc.week}>
      <header>
        <h1 className="page-title summary-title">{doc.title}</h1>
        <p className="muted summary-period">{doc.period}</p>
      </header>

      <section aria-labelledby="summary-overview-title">
        <h2 id="summary-overview-title">{doc.overview.title}</h2>
        <div className="summary-table-wrap">
          <table className="summary-overview" data-testid="summary-overview">
            <thead>
              <tr>
                <th scope="col">{h.program}</th>
                <th scope="col">{h.coverage}</th>
                <th scope="col">{h.change}</th>
                <th scope="col">{h.health}</th>
                <th scope="col">{h.outlook}</th>
              </tr>
            </thead>
            <tbody>
              {doc.overview.rows.map((r) => (
                <tr key={r.slug} data-program={r.slug}>
                  <th scope="row">{r.program}</th>
                  <td className="summary-number" data-label={h.coverage} data-testid="summary-line-coverage">
                    {r.coverage}
                  </td>
                  <td className="summary-number" data-label={h.change} data-testid="summary-line-change">
                    {r.change}
                  </td>
                  <td data-label={h.health}>
                    <HealthTag health={r.health} label={r.healthLabel} />
                  </td>
                  <td className={toneClass(r.outlookTone)} data-label={h.outlook}>
                    {r.outlook}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {doc.programs.map((p) => (
        <section key={p.slug} className="summary-program" data-program={p.slug} data-testid={`summary-program-${p.slug}`}>
          <h2>
            {p.title} {p.illustrativeLabel && <span className="summary-illustrative">{p.illustrativeLabel}</span>}{' '}
            <HealthTag health={p.health} label={p.healthLabel} />
          </h2>
          <p data-testid="summary-coverage">
            {p.coverage} · {p.change}
          </p>
          <p className={`summary-projection ${toneClass(p.projection.tone) ?? ''}`} data-testid="summary-projection">
            {p.projection.text}
          </p>
          <p className="muted">{[p.velocity, p.target].filter(Boolean).join(' · ')}</p>
          {p.charts.map((c) => {
            const source = charts.get(c.id);
            if (!source) return null;
            return (
              <figure key={c.id} className="summary-chart" data-testid={`summary-chart-${c.kind}`}>
                {/* A server-rendered SVG of its own URL: nothing for next/image to optimise. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={source.src} alt={c.title} width={source.width} height={source.height} />
                <figcaption className="muted">{c.title}</figcaption>
              </figure>
            );
          })}
          <div className="summary-lists">
            {p.lists.map((l) => (
              <List key={l.key} list={l} locale={doc.locale} />
            ))}
          </div>
        </section>
      ))}

      <p className="muted summary-generated" data-testid="summary-generated">
        {doc.generated}
      </p>
    </article>
  );
}
