// Parses every ```mermaid block of the Markdown files given, with Mermaid's own parser; exits 1 on the first error.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
let failed = false;
for (const file of process.argv.slice(2)) {
  const blocks = [...readFileSync(file, 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]);
  if (blocks.length === 0) { console.log(`${file}: no mermaid block`); failed = true; }
  for (const block of blocks) {
    try { const result = await mermaid.parse(block); console.log(`${file}: ${result.diagramType}`); }
    catch (error) { console.log(`${file}: ${String(error.message ?? error)}`); failed = true; }
  }
}
process.exit(failed ? 1 : 0);
