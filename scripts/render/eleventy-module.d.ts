/** Eleventy 3 ships no type declarations; this is the part of its programmatic API the build uses. */
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input: string, output: string, options?: { configPath?: string; quietMode?: boolean; config?: (eleventyConfig: any) => void | Promise<void> });
    /** Renders every page in memory: `[{ url, inputPath, outputPath, content }]`; writes nothing, copies nothing. */
    toJSON(): Promise<unknown>;
    disableLogger(): void;
  }
}
