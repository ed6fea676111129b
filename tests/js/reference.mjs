// A readable, independent statement of the pseudonym scheme (see src/pseudonym.rs), written on
// @noble/hashes' pure-JS BLAKE3 rather than on minform's own code. It generates
// tests/vectors/pseudonymize.json (scripts/gen-vectors.mjs) and cross-checks random inputs in
// tests/js. If this file and the Rust core ever disagree, one of them has drifted from the spec.
import { blake3 } from '@noble/hashes/blake3.js';

export const SUBKEY_CONTEXT = 'minform 2026-11 pseudonym subkey v1';
const utf8 = (s) => new TextEncoder().encode(s);
const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** pseudonym = hex(keyed_hash(derive_key(SUBKEY_CONTEXT, le64(len(ctx)) ‖ ctx ‖ key), value)) */
export function referencePseudonym(key, context, value) {
  const ctx = utf8(context);
  const material = new Uint8Array(8 + ctx.length + key.length);
  new DataView(material.buffer).setBigUint64(0, BigInt(ctx.length), true);
  material.set(ctx, 8);
  material.set(key, 8 + ctx.length);
  const subkey = blake3(material, { context: utf8(SUBKEY_CONTEXT) });
  return hex(blake3(utf8(value), { key: subkey }));
}
