import cliProgress from 'cli-progress';

/**
 * Follows work towards a known total: a bar on a terminal, else a plain line every tenth. `done`
 * counts the items finished; `share` (0 to 1, default done/total) is how much of all the work is
 * done, for work with steps before an item is finished (resolving emails before adding people).
 */
export interface Progress {
  update(done: number, share?: number): void;
  /** A line for people, printed above the bar so the bar never overwrites it (nor it the bar). */
  log(text: string): void;
  stop(): void;
}

/** The bar's resolution: steps from empty to full. */
const STEPS = 1000;

export function startProgress(label: string, total: number): Progress {
  const shareOf = (done: number, share: number | undefined) =>
    total === 0 ? 1 : Math.min(share ?? done / total, 1);
  if (process.stdout.isTTY && process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {done}/{people} | {duration_formatted}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
        // Redrawn each frame, so a line logged over it is followed by the bar again.
        forceRedraw: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(STEPS, 0, { done: 0, people: total });
    let stopped = false;
    return {
      update: (done, share) =>
        bar.update(Math.floor(shareOf(done, share) * STEPS), { done: Math.min(done, total) }),
      log: (text) => {
        if (stopped) process.stderr.write(`${text}\n`);
        // Clear the bar's line, print the line, and draw the bar again below it.
        else process.stderr.write(`\r\u001b[2K${text}\n`);
      },
      stop: () => {
        stopped = true;
        bar.update(STEPS, { done: total });
        bar.stop();
      },
    };
  }
  let lastTenth = -1;
  const line = (done: number, share?: number) => {
    const percent = Math.floor(shareOf(done, share) * 100);
    const tenth = Math.floor(percent / 10);
    // Lines only move forward: a late poll of one chunk never prints a lower figure.
    if (tenth <= lastTenth) return;
    lastTenth = tenth;
    process.stderr.write(`${label}: ${Math.min(done, total)}/${total} (${percent}%)\n`);
  };
  line(0);
  return { update: line, log: (text) => process.stderr.write(`${text}\n`), stop: () => line(total, 1) };
}
