// Median nanoseconds per call of `fn` over `rounds` rounds of `iterations` calls (after a warm-up
// round): robust to the noise of a shared 2-core machine. Shared by the Node benchmarks.
export function measure(fn, { iterations = 300, rounds = 31 } = {}) {
  for (let i = 0; i < iterations; i++) fn();
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t0) / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
