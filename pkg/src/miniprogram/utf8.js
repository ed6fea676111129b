// A UTF-8 codec with the shape of TextEncoder/TextDecoder (WHATWG Encoding Standard), for the
// mini-program build: older WeChat base libraries and some workers have neither, and the
// wasm-bindgen glue passes every string through them. The build injects these classes into the
// glue (esbuild `inject`), so nothing is installed on the host's globals.
//
// Why not an npm polyfill: the ones made for this (fast-text-encoding, text-encoding) install
// themselves as globals, which a library must not do in someone else's mini-program; the codec
// is small and tested against Node's own TextEncoder/TextDecoder (tests/miniprogram/utf8.test.mjs).
//
// Behaviour as the standard's: lone surrogates encode as U+FFFD; decoding replaces each maximal
// invalid subpart with U+FFFD (or throws a TypeError with `fatal`); a leading BOM is removed
// unless `ignoreBOM`.

const REPLACEMENT = 0xfffd;

/** The code point at `i` (a lone surrogate read as U+FFFD) and how many UTF-16 units it took. */
function codePointAt(s, i) {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return [c, 1];
  if (c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return [0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00), 2];
  }
  return [REPLACEMENT, 1];
}

const utf8Length = (cp) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Writes `cp` at `at`; returns the next offset. */
function put(out, at, cp) {
  if (cp < 0x80) {
    out[at++] = cp;
  } else if (cp < 0x800) {
    out[at++] = 0xc0 | (cp >> 6);
    out[at++] = 0x80 | (cp & 0x3f);
  } else if (cp < 0x10000) {
    out[at++] = 0xe0 | (cp >> 12);
    out[at++] = 0x80 | ((cp >> 6) & 0x3f);
    out[at++] = 0x80 | (cp & 0x3f);
  } else {
    out[at++] = 0xf0 | (cp >> 18);
    out[at++] = 0x80 | ((cp >> 12) & 0x3f);
    out[at++] = 0x80 | ((cp >> 6) & 0x3f);
    out[at++] = 0x80 | (cp & 0x3f);
  }
  return at;
}

export class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  /** The UTF-8 bytes of `input` (converted to a string first, as the standard does). */
  encode(input = '') {
    const s = String(input);
    let n = 0;
    for (let i = 0; i < s.length; ) {
      const [cp, units] = codePointAt(s, i);
      n += utf8Length(cp);
      i += units;
    }
    const out = new Uint8Array(n);
    for (let i = 0, at = 0; i < s.length; ) {
      const [cp, units] = codePointAt(s, i);
      at = put(out, at, cp);
      i += units;
    }
    return out;
  }

  /** Encodes as much of `input` as fits in `dest`, never splitting a code point. */
  encodeInto(input, dest) {
    const s = String(input);
    let read = 0;
    let written = 0;
    while (read < s.length) {
      const [cp, units] = codePointAt(s, read);
      if (written + utf8Length(cp) > dest.length) break;
      written = put(dest, written, cp);
      read += units;
    }
    return { read, written };
  }
}

/** Code units collected in chunks (String.fromCharCode has an argument limit). */
function unitsToString(units, n) {
  let s = '';
  for (let i = 0; i < n; i += 0x2000) s += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 0x2000)));
  return s;
}

export class TextDecoder {
  #fatal;
  #ignoreBOM;

  constructor(label = 'utf-8', options = {}) {
    const name = String(label).trim().toLowerCase();
    if (name !== 'utf-8' && name !== 'utf8' && name !== 'unicode-1-1-utf-8') {
      throw new RangeError(`TextDecoder: only utf-8 is supported here, not "${label}"`);
    }
    this.#fatal = Boolean(options && options.fatal);
    this.#ignoreBOM = Boolean(options && options.ignoreBOM);
  }

  get encoding() {
    return 'utf-8';
  }

  get fatal() {
    return this.#fatal;
  }

  get ignoreBOM() {
    return this.#ignoreBOM;
  }

  /** The text of `input` (bytes, an ArrayBuffer or a view); no streaming. */
  decode(input) {
    if (input === undefined) return '';
    let bytes;
    if (input instanceof Uint8Array) bytes = input;
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else bytes = new Uint8Array(input);
    const units = new Uint16Array(bytes.length); // never more UTF-16 units than bytes
    let n = 0;
    let i = 0;
    if (!this.#ignoreBOM && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    const invalid = () => {
      if (this.#fatal) throw new TypeError('The encoded data was not valid utf-8');
      units[n++] = REPLACEMENT;
    };
    while (i < bytes.length) {
      const b = bytes[i];
      if (b < 0x80) {
        units[n++] = b;
        i++;
        continue;
      }
      // The lead byte fixes the length and the allowed range of the first continuation byte
      // (which excludes overlongs, surrogates and code points past U+10FFFF).
      let need;
      let lo = 0x80;
      let hi = 0xbf;
      let cp;
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        cp = b & 0x0f;
        if (b === 0xe0) lo = 0xa0;
        if (b === 0xed) hi = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        cp = b & 0x07;
        if (b === 0xf0) lo = 0x90;
        if (b === 0xf4) hi = 0x8f;
      } else {
        invalid();
        i++;
        continue;
      }
      let j = i + 1;
      let ok = true;
      for (let k = 0; k < need; k++, j++) {
        const c = bytes[j];
        if (j >= bytes.length || c < lo || c > hi) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (c & 0x3f);
        lo = 0x80;
        hi = 0xbf;
      }
      if (!ok) {
        // The maximal subpart (the lead and the valid continuations before the bad byte) is
        // one replacement character; the bad byte is read again as the start of the next.
        invalid();
        i = j;
        continue;
      }
      if (cp >= 0x10000) {
        cp -= 0x10000;
        units[n++] = 0xd800 + (cp >> 10);
        units[n++] = 0xdc00 + (cp & 0x3ff);
      } else {
        units[n++] = cp;
      }
      i = j;
    }
    return unitsToString(units, n);
  }
}
