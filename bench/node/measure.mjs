// The same measuring discipline as the C# harness (bench/Kith.Bench/Harness/Measurer.cs), so the figures
// compare: warm up while finding how many operations fill one round, time several rounds, keep the median.

import { performance } from 'node:perf_hooks';

export function parseOptions(argv) {
  const options = { rounds: 7, roundMs: 100, warmupMs: 200 };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) {
        throw new Error(`${argv[i - 1]} needs a positive integer`);
      }
      return v;
    };
    switch (argv[i]) {
      case '--rounds': options.rounds = value(); break;
      case '--round-ms': options.roundMs = value(); break;
      case '--warmup-ms': options.warmupMs = value(); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return options;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Measures an operation that runs `count` times in one call of `batch(count)`, returning the median
 * milliseconds per operation over the timed rounds.
 */
export async function measureBatch(options, batch) {
  return measureTimed(options, async (count) => {
    const start = performance.now();
    await batch(count);
    return performance.now() - start;
  });
}

/**
 * Measures an operation that needs fresh, untimed preparation every time (a session setup consumes its
 * prekeys): `prepare()` runs outside the clock, `timed(state)` inside.
 */
export async function measureEach(options, prepare, timed) {
  return measureTimed(options, async (count) => {
    let elapsed = 0;
    for (let i = 0; i < count; i++) {
      const state = await prepare();
      const start = performance.now();
      await timed(state);
      elapsed += performance.now() - start;
    }
    return elapsed;
  });
}

// runRound(count) runs `count` operations and returns the milliseconds they took.
async function measureTimed(options, runRound) {
  // Bounded by the wall clock too: with measureEach, untimed preparation can dwarf the timed part.
  let count = 1;
  let warmedUp = 0;
  let perOp = 0;
  const wallStart = performance.now();
  while (warmedUp < options.warmupMs && performance.now() - wallStart < options.warmupMs * 4) {
    const elapsed = await runRound(count);
    warmedUp += elapsed;
    perOp = elapsed / count;
    if (elapsed < options.roundMs / 4) {
      count *= 2;
    }
  }
  const perRound = Math.max(1, Math.ceil(options.roundMs / Math.max(perOp, 1e-6)));
  const samples = [];
  for (let round = 0; round < options.rounds; round++) {
    samples.push((await runRound(perRound)) / perRound);
  }
  return { msPerOp: median(samples), samples, perRound };
}

export function bench(name, value, unit) {
  // Six significant digits, as the C# side prints them; it parses these lines back.
  console.log(`BENCH ${name} ${Number(value.toPrecision(6))} ${unit}`);
}
