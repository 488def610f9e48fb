// Renders every bpmn/*.bpmn to docs/images/<name>.svg and <name>.png with bpmn-js in headless
// Chromium, so a diagram change shows in review. Run: npm run render (after npm ci).
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'images');
const viewer = join(root, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');

const diagrams = readdirSync(join(root, 'bpmn')).filter((file) => file.endsWith('.bpmn')).sort();
if (diagrams.length === 0) {
  throw new Error('no bpmn/*.bpmn to render');
}
mkdirSync(out, { recursive: true });

const { context, close } = await openBrowser({ viewport: { width: 1600, height: 1000 } });
try {
  const page = await context.newPage();
  for (const file of diagrams) {
    const name = basename(file, '.bpmn');
    await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#fff">'
      + '<div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
    await page.addScriptTag({ path: viewer });
    let svg = await page.evaluate(async (xml) => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) {
        throw new Error('import warnings: ' + warnings.map((warning) => warning.message).join('; '));
      }
      return (await viewer.saveSVG()).svg;
    }, readFileSync(join(root, 'bpmn', file), 'utf8'));
    // bpmn-js names arrow markers at random; number them in order, so an unchanged diagram renders the same file.
    const markers = new Map();
    svg = svg.replace(/marker-[a-z0-9]{16,}/g, (id) => {
      if (!markers.has(id)) {
        markers.set(id, `marker-${markers.size + 1}`);
      }
      return markers.get(id);
    });
    writeFileSync(join(out, `${name}.svg`), svg);

    // The PNG is the saved SVG at its own size (1 px per diagram unit), on white.
    const size = svg.match(/width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/);
    const [width, height] = [Math.ceil(Number(size[1])), Math.ceil(Number(size[2]))];
    await page.setViewportSize({ width, height });
    await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#fff">' + svg + '</body></html>');
    await page.locator('svg').first().screenshot({ path: join(out, `${name}.png`) });
    console.log(`rendered bpmn/${file} -> docs/images/${name}.svg, ${name}.png (${width}x${height})`);
  }
} finally {
  await close();
}
