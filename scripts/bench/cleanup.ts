/**
 * Throw-away databases and servers register how to remove themselves here; `npm run bench` runs
 * every task at the end, on failure and on Ctrl-C alike, newest first.
 */

type Task = () => Promise<void> | void;

const tasks: Array<{ label: string; run: Task }> = [];

/** Registers a cleanup task; the returned function runs it now (once) and unregisters it. */
export function onCleanup(label: string, run: Task): () => Promise<void> {
  const entry = { label, run };
  tasks.push(entry);
  return async () => {
    const i = tasks.indexOf(entry);
    if (i < 0) return;
    tasks.splice(i, 1);
    await entry.run();
  };
}

/** Runs every registered task; a failing task is reported and does not stop the others. */
export async function runCleanup(report: (line: string) => void): Promise<void> {
  while (tasks.length > 0) {
    const entry = tasks.pop()!;
    try {
      await entry.run();
    } catch (error) {
      report(`cleanup of ${entry.label} failed: ${(error as Error).message}`);
    }
  }
}
