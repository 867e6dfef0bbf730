import { fileURLToPath } from 'node:url';
import { estimateReadingTime, renderInkwell } from 'inkwell-elements/ssr';

export default function (eleventyConfig) {
  // <reading-time minutes="…">: the build has the article's text, the element on the server does not.
  eleventyConfig.addFilter('readingMinutes', (html, lang = 'en') => estimateReadingTime(html.replace(/<[^>]*>/g, ' '), { lang }).minutes);
  eleventyConfig.addFilter('isoDate', (date) => date.toISOString().slice(0, 10));

  // Every page's Inkwell elements get their shadow roots: readers without JavaScript and crawlers see them.
  eleventyConfig.addTransform('inkwell', (content, outputPath) => (outputPath?.endsWith('.html') ? renderInkwell(content) : content));

  // The drop-in loader and its chunks beside the pages: it hydrates what the build rendered.
  const loader = fileURLToPath(import.meta.resolve('inkwell-elements/inkwell.js'));
  eleventyConfig.addPassthroughCopy({ [loader]: 'assets/inkwell/inkwell.js', [new URL('chunks', import.meta.resolve('inkwell-elements/inkwell.js')).pathname]: 'assets/inkwell/chunks' });
  eleventyConfig.addPassthroughCopy({ 'src/img': 'img' });

  return { dir: { input: 'src', output: '_site' } };
}
