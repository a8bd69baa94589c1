// The slice of jsdom's API the fuzz suite's crawler uses (jsdom ships no types of its own).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { url?: string })
    readonly window: Window & typeof globalThis
  }
}
