// @vitest-environment happy-dom
import { Form, Input } from 'antd';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/messages/en.json';
import type { FormState } from '@/lib/forms/form-state';
import { TIME_ZONE } from '@/lib/i18n/config';
import { Providers } from '@/components/ui/providers';
import { FormProblem } from './form-problem';
import { useActionForm } from './use-action-form';
import { VersionConflict } from './version-conflict';

interface Values {
  title: string;
}

type SaveAction = (payload: unknown) => Promise<FormState>;

/** A versioned form as the admin pages build them: one field, the problem, the conflict, a save button. */
function TitleForm({ action, reset = false }: { action: SaveAction; reset?: boolean }) {
  const [form] = Form.useForm<Values>();
  const state = useActionForm<Values>({
    form,
    versioned: { loaded: { version: 1, values: { title: 'Ours before' } }, toValues: (v) => v as Partial<Values> },
    toPayload: (v, server) => ({ version: server.version, title: v.title }),
  });
  return (
    <Form<Values> form={form} initialValues={{ title: 'Ours before' }}>
      <FormProblem problem={state.problem} />
      <VersionConflict conflict={state.conflict} label={(f) => f} onReapply={state.reapply} onDiscard={state.discard} />
      <Form.Item name="title" label="Title">
        <Input />
      </Form.Item>
      <button type="button" onClick={() => (reset ? state.send(action, { title: form.getFieldValue('title') }, { reset }) : state.submit(action))}>
        save
      </button>
    </Form>
  );
}

function renderForm(action: SaveAction, reset?: boolean) {
  return render(
    <NextIntlClientProvider locale="en" messages={en} timeZone={TIME_ZONE}>
      <Providers locale="en">
        <TitleForm action={action} reset={reset} />
      </Providers>
    </NextIntlClientProvider>,
  );
}

async function typeAndSave(text: string) {
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: text } });
  await act(async () => {
    fireEvent.click(screen.getByText('save'));
  });
}

afterEach(() => {
  cleanup();
});

// antd renders slowly under happy-dom on a busy machine.
describe('useActionForm', { timeout: 20_000 }, () => {
  it("shows a field error from the server on that field, and the form's problem above it", async () => {
    const action = vi.fn<SaveAction>().mockResolvedValue({
      ok: false,
      code: 'VALIDATION',
      message: en.errors.validation,
      issues: [{ path: 'title', code: 'tooLong', message: 'Enter at most 5 characters.' }],
      errorId: null,
    });
    renderForm(action);
    await typeAndSave('Far too long');
    expect(action).toHaveBeenCalledWith({ version: 1, title: 'Far too long' });
    await waitFor(() => expect(screen.getByText('Enter at most 5 characters.')).toBeTruthy());
    const item = screen.getByLabelText('Title').closest('.ant-form-item');
    expect(item?.textContent).toContain('Enter at most 5 characters.');
    expect(screen.getByRole('alert').textContent).toContain(en.errors.validation);
  });

  it("shows the other person's values and name on a conflict, and keeps the user's", async () => {
    const action = vi.fn<SaveAction>().mockResolvedValue({
      ok: false,
      code: 'CONFLICT',
      message: en.errors.conflict,
      issues: [],
      errorId: null,
      conflict: { version: 2, values: { title: 'Their title' }, changedBy: 'Wang Fang', changedAtShanghai: '2026-11-25 09:30:00' },
    });
    renderForm(action);
    await typeAndSave('My title');
    const conflict = await screen.findByTestId('version-conflict');
    expect(conflict.textContent).toContain('Their title');
    expect(conflict.textContent).toContain('Wang Fang');
    expect(conflict.textContent).toContain('My title');
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('My title');
  });

  it('announces a success and resets a form that creates something', async () => {
    const action = vi.fn<SaveAction>().mockResolvedValue({ ok: true, message: 'Saved the title.', result: undefined });
    renderForm(action, true);
    await typeAndSave('A new title');
    await waitFor(() => expect(screen.getByText('Saved the title.')).toBeTruthy());
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Ours before');
    expect(screen.queryByTestId('version-conflict')).toBeNull();
  });

  it('shows an unexpected error with its id, never as a success', async () => {
    const action = vi.fn<SaveAction>().mockResolvedValue({ ok: false, code: 'INTERNAL', message: en.errors.generic, issues: [], errorId: 'a1b2c3d4e5f6' });
    renderForm(action);
    await typeAndSave('Anything');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en.errors.generic);
    expect(alert.textContent).toContain('a1b2c3d4e5f6');
  });

  it('on a page without toasts (the plain pages), shows a refusal meant for a toast as its problem', async () => {
    const action = vi.fn<SaveAction>().mockResolvedValue({ ok: false, code: 'FORBIDDEN', message: en.errors.forbidden, issues: [], errorId: null });
    function RowAction() {
      const { send, problem } = useActionForm();
      return (
        <>
          <button type="button" onClick={() => void send(action, { title: 'x' }, { quiet: true, toast: true })}>
            save
          </button>
          {problem && <p role="alert">{problem.message}</p>}
        </>
      );
    }
    render(
      <NextIntlClientProvider locale="en" messages={en} timeZone={TIME_ZONE}>
        <RowAction />
      </NextIntlClientProvider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByText('save'));
    });
    expect((await screen.findByRole('alert')).textContent).toBe(en.errors.forbidden);
  });
});
