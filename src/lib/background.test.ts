import { afterEach, describe, expect, it, vi } from 'vitest';
import { intervalLoop, ownLoops } from './background.js';

describe('ownLoops', () => {
  it('starts the loops in order and stops them in reverse, each after the later one has stopped', async () => {
    const events: string[] = [];
    const loop = (name: string) => ({
      start: () => events.push(`start ${name}`),
      stop: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        events.push(`stop ${name}`);
      },
    });
    const owner = ownLoops([loop('a'), loop('b'), loop('c')]);
    owner.start();
    await owner.stop();
    expect(events).toEqual(['start a', 'start b', 'start c', 'stop c', 'stop b', 'stop a']);
  });

  it('stops the others when one fails to stop, then throws its error', async () => {
    const stopped: string[] = [];
    const owner = ownLoops([
      { start: () => {}, stop: async () => void stopped.push('a') },
      {
        start: () => {},
        stop: async () => {
          throw new Error('b would not stop');
        },
      },
      { start: () => {}, stop: async () => void stopped.push('c') },
    ]);
    await expect(owner.stop()).rejects.toThrow('b would not stop');
    expect(stopped).toEqual(['c', 'a']);
  });
});

describe('intervalLoop', () => {
  afterEach(() => vi.useRealTimers());

  it('runs the task each interval, not at start, and stopping waits for a run in progress', async () => {
    vi.useFakeTimers();
    let runs = 0;
    let finish: (() => void) | undefined;
    const loop = intervalLoop(
      () =>
        new Promise<void>((resolve) => {
          runs++;
          finish = resolve;
        }),
      1_000,
    );
    loop.start();
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
    // A run still in progress is not started again.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish?.();
    await stopping;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(1);
  });
});
