#!/usr/bin/env node
// Prints raw / gzip -9 / brotli (quality 11) sizes of the given files, as a Markdown table.
// Sizes are deterministic for a given toolchain, so tests/js may hold budgets on them.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export function sizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  const rows = process.argv.slice(2).map((p) => ({ p, ...sizes(p) }));
  console.log('\n| file | raw | gzip -9 | brotli |\n|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.p} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
}
