// Deep imports: antd's barrel is a 'use client' module, so a Server Component importing from
// 'antd' makes every page load one chunk with all antd components any Server Component uses.
import Button from 'antd/es/button';
import Result from 'antd/es/result';

interface Props {
  title: string;
  message: string;
  /** Where the one button leads back to. */
  backHref: string;
  backLabel: string;
}

/** The body of every not-found page: what is missing and one way back. */
export function NotFoundResult({ title, message, backHref, backLabel }: Props) {
  return (
    <Result
      status="404"
      title={title}
      subTitle={message}
      extra={
        <Button type="primary" href={backHref}>
          {backLabel}
        </Button>
      }
    />
  );
}
