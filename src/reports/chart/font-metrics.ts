/**
 * Advance widths of a TrueType font (its `cmap` format 4 and `hmtx` tables), so that ECharts on
 * the server lays text out — truncates a long organisation's name, makes room for the axis
 * labels — with the widths the PNG is drawn with. Without a canvas it would guess one em for
 * every letter outside ASCII, twice too wide for Cyrillic.
 */

export interface FontMetrics {
  /** Width of the text in pixels at the font size (no kerning). */
  width(text: string, fontSize: number): number;
}

function table(font: DataView, tag: string): number {
  const count = font.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(font.getUint8(record), font.getUint8(record + 1), font.getUint8(record + 2), font.getUint8(record + 3));
    if (name === tag) return font.getUint32(record + 8);
  }
  throw new Error(`font has no ${tag} table`);
}

/** The Unicode BMP subtable (platform 3, encoding 1, format 4) of `cmap`. */
function unicodeSubtable(font: DataView): number {
  const cmap = table(font, "cmap");
  const count = font.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const offset = cmap + font.getUint32(record + 4);
    if (font.getUint16(record) === 3 && font.getUint16(record + 2) === 1 && font.getUint16(offset) === 4) return offset;
  }
  throw new Error("font has no Unicode cmap of format 4");
}

export function fontMetrics(data: Uint8Array): FontMetrics {
  const font = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const unitsPerEm = font.getUint16(table(font, "head") + 18);
  const longMetrics = font.getUint16(table(font, "hhea") + 34);
  const hmtx = table(font, "hmtx");
  const sub = unicodeSubtable(font);
  const segments = font.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;

  const glyphOf = (code: number): number => {
    if (code > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (code > font.getUint16(ends + s * 2)) continue;
      const start = font.getUint16(starts + s * 2);
      if (code < start) return 0;
      const delta = font.getUint16(deltas + s * 2);
      const rangeAt = rangeOffsets + s * 2;
      const range = font.getUint16(rangeAt);
      if (range === 0) return (code + delta) & 0xffff;
      const glyph = font.getUint16(rangeAt + range + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const advances = new Map<number, number>();
  const advance = (code: number): number => {
    let em = advances.get(code);
    if (em === undefined) {
      const glyph = Math.min(glyphOf(code), longMetrics - 1);
      em = font.getUint16(hmtx + glyph * 4) / unitsPerEm;
      advances.set(code, em);
    }
    return em;
  };
  return {
    width(text, fontSize) {
      let em = 0;
      for (const ch of text) em += advance(ch.codePointAt(0)!);
      return em * fontSize;
    },
  };
}
