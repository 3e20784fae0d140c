// Writes the Group Policy templates, the examples and the policy reference from the machine policy
// schema (electron/core/config/machine-policy.ts) and its texts, so none of them can drift from
// what the terminal reads. `--check` writes nothing and fails when a file differs.
//   npx tsx scripts/policy/generate-templates.ts [--check]
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { TEMPLATE_LANGUAGES } from '../../electron/core/config/policy-texts.js';
import { renderAdml } from './render-adml.js';
import { renderAdmx } from './render-admx.js';
import { jsonExample, renderRegExample } from './render-examples.js';
import { renderReference } from './render-reference.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Markdown and JSON go through Prettier, as every such file of the repository does. */
async function pretty(file: string, text: string, parser: 'markdown' | 'json'): Promise<string> {
  const config = (await resolveConfig(path.join(ROOT, file))) ?? {};
  return format(text, { ...config, parser });
}

/** Every generated file: its path from the repository root and its content. */
export async function renderTemplates(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set('build/policy/ccms-terminal.admx', renderAdmx());
  for (const lang of TEMPLATE_LANGUAGES)
    files.set(`build/policy/${lang}/ccms-terminal.adml`, renderAdml(lang));
  files.set('build/policy/ccms-terminal.example.reg', renderRegExample());
  const json = 'build/policy/policy.example.json';
  files.set(json, await pretty(json, JSON.stringify(jsonExample()), 'json'));
  const reference = 'docs/policy-reference.md';
  files.set(reference, await pretty(reference, renderReference(), 'markdown'));
  return files;
}

/** The generated files whose content under `root` differs (or that are missing). */
export async function staleTemplates(root = ROOT): Promise<string[]> {
  const stale: string[] = [];
  for (const [file, content] of await renderTemplates()) {
    const current = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
    if (current !== content) stale.push(file);
  }
  return stale;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleTemplates();
    if (stale.length === 0) return console.log('policy templates are up to date');
    console.error(
      `policy templates differ from the schema: ${stale.join(', ')}\nrun: npx tsx scripts/policy/generate-templates.ts`,
    );
    process.exitCode = 1;
    return;
  }
  for (const [file, content] of await renderTemplates()) {
    await mkdir(path.dirname(path.join(ROOT, file)), { recursive: true });
    await writeFile(path.join(ROOT, file), content);
    console.log(`written: ${file}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`policy templates: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
