import Card from 'antd/es/card';
import Tag from 'antd/es/tag';
import type { DocsOperation } from '@/lib/api/docs';

export interface ApiDocsOperationProps {
  operation: DocsOperation;
  labels: { parameters: string; body: string; responses: string; required: string };
}

/** Code blocks scroll sideways instead of widening the page. */
const CODE_STYLE = { background: '#f6f8fa', padding: 12, borderRadius: 6, overflowX: 'auto', fontSize: 12, maxHeight: 480 } as const;

/** A block of code that scrolls in its own frame; focusable so keyboard users can scroll it too. */
export function CodeBlock({ children }: { children: string }) {
  return (
    <pre style={CODE_STYLE} tabIndex={0}>
      {children}
    </pre>
  );
}

const METHOD_COLOUR: Record<string, string> = { GET: 'blue', PATCH: 'orange' };

/** One operation of the API reference: plain markup, rendered on the server. */
export function ApiDocsOperation({ operation: op, labels }: ApiDocsOperationProps) {
  return (
    <Card
      data-testid="api-operation"
      title={
        <span>
          <Tag color={METHOD_COLOUR[op.method] ?? 'default'}>{op.method}</Tag>
          <code>{op.path}</code> {op.summary}
        </span>
      }
    >
      {op.description ? <p>{op.description}</p> : null}
      {op.parameters.length > 0 ? (
        <>
          <h3>{labels.parameters}</h3>
          <table style={{ borderCollapse: 'collapse', marginBottom: 12 }}>
            <tbody>
              {op.parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`}>
                  <td>
                    <code>{p.name}</code> ({p.in}
                    {p.required ? `, ${labels.required}` : ''})
                  </td>
                  <td>{p.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {op.body ? (
        <>
          <h3>{labels.body}</h3>
          <CodeBlock>{op.body}</CodeBlock>
        </>
      ) : null}
      <h3>{labels.responses}</h3>
      {op.responses.map((r) => (
        <div key={r.status}>
          <p>
            <Tag>{r.status}</Tag> {r.description}
          </p>
          {r.schema ? (
            <details>
              <summary>JSON</summary>
              <CodeBlock>{r.schema}</CodeBlock>
            </details>
          ) : null}
        </div>
      ))}
    </Card>
  );
}
