import cliProgress from 'cli-progress';

/** Follows work towards a known total: a bar on a terminal, else a plain line every tenth. */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

export function startProgress(label: string, total: number): Progress {
  if (process.stdout.isTTY && process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0);
    return {
      update: (done) => bar.update(total === 0 ? 1 : Math.min(done, total)),
      stop: () => {
        bar.update(Math.max(total, 1));
        bar.stop();
      },
    };
  }
  let lastTenth = -1;
  const line = (done: number) => {
    const percent = total === 0 ? 100 : Math.floor((Math.min(done, total) / total) * 100);
    const tenth = Math.floor(percent / 10);
    // Lines only move forward: a late poll of one chunk never prints a lower figure.
    if (tenth <= lastTenth) return;
    lastTenth = tenth;
    process.stderr.write(`${label}: ${Math.min(done, total)}/${total} (${percent}%)\n`);
  };
  line(0);
  return { update: line, stop: () => line(total) };
}
