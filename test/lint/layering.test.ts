// docs/architecture.md's dependency rule is checked by lint, not by hope: these feed ESLint imports that
// cross a layer and expect it to refuse them (and to accept the allowed direction).
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layering lint rule', () => {
  it('rejects a renderer import of electron/', async () => {
    const errors = await importErrors(
      'renderer/screens/probe.ts',
      "import { createCore } from '../../electron/core/index.js';\nexport const x = createCore;\n",
    );
    expect(errors.join('\n')).toMatch(/may not import electron/);
  });

  it('rejects a renderer import of the simulator and of Node built-ins', async () => {
    expect(
      await importErrors(
        'renderer/probe.ts',
        "import { startSimulator } from '../simulator/index.js';\nexport const x = startSimulator;\n",
      ),
    ).not.toHaveLength(0);
    expect(
      await importErrors(
        'renderer/probe.ts',
        "import { readFile } from 'node:fs';\nexport const x = readFile;\n",
      ),
    ).not.toHaveLength(0);
  });

  it('rejects shared/ importing anything of the project', async () => {
    expect(
      await importErrors(
        'shared/probe.ts',
        "import { startSimulator } from '../simulator/index.js';\nexport const x = startSimulator;\n",
      ),
    ).not.toHaveLength(0);
    expect(
      await importErrors(
        'shared/probe.ts',
        "import { x } from '../renderer/x.js';\nexport const y = x;\n",
      ),
    ).not.toHaveLength(0);
  });

  it('rejects electron/core importing electron, and glue other than ipc-transport using ipcMain', async () => {
    expect(
      await importErrors(
        'electron/core/probe.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).not.toHaveLength(0);
    expect(
      await importErrors(
        'electron/main-probe.ts',
        "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
      ),
    ).not.toHaveLength(0);
  });

  it('rejects the simulator importing the client, and anything importing test/', async () => {
    expect(
      await importErrors(
        'simulator/probe.ts',
        "import { createCore } from '../electron/core/index.js';\nexport const x = createCore;\n",
      ),
    ).not.toHaveLength(0);
    expect(
      await importErrors(
        'electron/core/probe.ts',
        "import { x } from '../../test/e2e/harness.js';\nexport const y = x;\n",
      ),
    ).not.toHaveLength(0);
  });

  it('accepts the allowed direction: renderer and simulator import shared/', async () => {
    expect(
      await importErrors(
        'renderer/probe.ts',
        "import { parse } from '../shared/index.js';\nexport const x = parse;\n",
      ),
    ).toHaveLength(0);
    expect(
      await importErrors(
        'simulator/probe.ts',
        "import { parse } from '../shared/index.js';\nexport const x = parse;\n",
      ),
    ).toHaveLength(0);
  });
});

describe('zod import form', () => {
  it("refuses `import { z } from 'zod'` anywhere and takes the namespace import", async () => {
    const messages = async (file: string, source: string) => {
      const [result] = await eslint.lintText(source, { filePath: resolve(root, file) });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
    };
    for (const file of ['shared/probe.ts', 'electron/core/probe.ts', 'simulator/probe.ts']) {
      expect(
        await messages(file, "import { z } from 'zod';\nexport const s = z.string();\n"),
      ).toHaveLength(1);
      expect(
        await messages(file, "import * as z from 'zod';\nexport const s = z.string();\n"),
      ).toHaveLength(0);
    }
  });
});

describe('Intl formatters in the main process', () => {
  it('refuses one built at module load in electron/core, and takes one built in a function', async () => {
    const messages = async (source: string) => {
      const [result] = await eslint.lintText(source, {
        filePath: resolve(root, 'electron/core/probe.ts'),
      });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
    };
    expect(
      await messages(
        "const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Hong_Kong' });\nexport const x = f;\n",
      ),
    ).toHaveLength(1);
    expect(
      await messages(
        "export function x(): string {\n  return new Intl.DateTimeFormat('en-GB').format(0);\n}\n",
      ),
    ).toHaveLength(0);
    // The zod rule still holds there.
    expect(await messages("import { z } from 'zod';\nexport const s = z.string();\n")).toHaveLength(
      1,
    );
  });
});
