/** The Tibetan web font subset to the UI's characters at build time (vite.config.ts, `tibetanFont`): its URL. */
declare module 'virtual:tibetan-font' {
  const url: string;
  export default url;
}

/** subset-font (harfbuzz's subsetter; used by vite.config.ts at build time): it ships no types. */
declare module 'subset-font' {
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt' }): Promise<Buffer>;
}
