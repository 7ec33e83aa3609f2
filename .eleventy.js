/**
 * Eleventy configuration: the table of contents of the rendering stage.
 * The build (scripts/build.ts) parses, normalises and links the archive first, then runs Eleventy with the
 * result as the global data `kb`; every page here is a TypeScript template rendered from that data, in memory
 * (Eleventy's toJSON), and the build writes the pages (scripts/render/eleventy.ts).
 * Docs: https://www.11ty.dev/docs/config/
 */
export default function (eleventyConfig) {
  // Templates are TypeScript (.11ty.ts), loaded through tsx, which runs the build.
  // https://www.11ty.dev/docs/languages/typescript/
  eleventyConfig.addExtension('11ty.ts', { key: '11ty.js' });
  // Only our own templates: no Markdown or Liquid file in content/ is ever a template, so no template
  // engine can ever run over article text (the bundled sample corpus lives in content/sample/).
  eleventyConfig.setTemplateFormats(['11ty.ts']);
  eleventyConfig.ignores.add('content/sample/**');

  eleventyConfig.setQuietMode(true);

  return {
    // The output folder is the build's (--out): Eleventy itself writes nothing.
    dir: { input: 'content', layouts: '../layouts' },
  };
}
