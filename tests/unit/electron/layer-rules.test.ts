import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each fixture breaks one layer rule of docs/architecture.md; the project's own
// ESLint config must refuse it. Fixtures are linted under a virtual path inside
// the layer they pretend to live in; the files they import exist, so the
// allow-list (`boundaries/dependencies`) can classify them.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// Fixtures are not on disk, so no TypeScript project knows them: the type-aware rules are
// off here (they are not layer rules).
const eslint = new ESLint({ cwd: repoRoot, overrideConfig: { files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked } });

const violations: ReadonlyArray<{ rule: string; filePath: string; code: string }> = [
  {
    rule: "electron/services imports 'electron'",
    filePath: 'electron/services/fixture.ts',
    code: "import { app } from 'electron';\nexport const name = app.getName();\n",
  },
  {
    rule: "electron/services requires 'electron/main'",
    filePath: 'electron/services/fixture.ts',
    code: "import { ipcMain } from 'electron/main';\nexport const x = ipcMain;\n",
  },
  {
    rule: "electron/sandbox imports 'electron'",
    filePath: 'electron/sandbox/fixture.ts',
    code: "import { net } from 'electron';\nexport const x = net;\n",
  },
  {
    rule: 'electron/ imports renderer/',
    filePath: 'electron/services/fixture.ts',
    code: "import { App } from '../../renderer/app/app';\nexport const x = App;\n",
  },
  {
    rule: 'electron/fs imports a service',
    filePath: 'electron/fs/fixture.ts',
    code: "import { createCore } from '../core';\nexport const x = createCore;\n",
  },
  {
    rule: "renderer imports 'electron'",
    filePath: 'renderer/features/fixture.ts',
    code: "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
  },
  {
    rule: 'renderer imports electron/',
    filePath: 'renderer/features/fixture.ts',
    code: "import { createCore } from '../../electron/core';\nexport const x = createCore;\n",
  },
  {
    rule: 'renderer imports node builtins',
    filePath: 'renderer/features/fixture.ts',
    code: "import fs from 'node:fs';\nexport const x = fs;\n",
  },
  {
    rule: 'renderer feature reads the bridge global',
    filePath: 'renderer/features/fixture.ts',
    code: 'export const x = window.consoleBridge;\n',
  },
  {
    rule: 'a feature imports renderer/app',
    filePath: 'renderer/features/cases/fixture.ts',
    code: "import { App } from '../../app/app';\nexport const x = App;\n",
  },
  {
    rule: "a feature imports another feature's inner file",
    filePath: 'renderer/features/cases/fixture.ts',
    code: "import { slaCellOf } from '../sla-plans/case-sla';\nexport const x = slaCellOf;\n",
  },
  {
    rule: 'renderer/runtime imports a feature',
    filePath: 'renderer/runtime/fixture.ts',
    code: "import { CasesView } from '../features/cases';\nexport const x = CasesView;\n",
  },
  {
    rule: 'renderer/data imports renderer/state',
    filePath: 'renderer/data/fixture.ts',
    code: "import { useAppStore } from '../state/app-store';\nexport const x = useAppStore;\n",
  },
  {
    rule: 'electron/services imports the sandbox',
    filePath: 'electron/services/backend/fixture.ts',
    code: "import { startSandbox } from '../../sandbox';\nexport const x = startSandbox;\n",
  },
  {
    rule: 'electron/ipc imports the sandbox',
    filePath: 'electron/ipc/fixture.ts',
    code: "import { startSandbox } from '../sandbox';\nexport const x = startSandbox;\n",
  },
  {
    rule: 'the sandbox imports a service',
    filePath: 'electron/sandbox/fixture.ts',
    code: "import { createHttpClient } from '../services/api/http';\nexport const x = createHttpClient;\n",
  },
  {
    rule: 'shared imports electron/',
    filePath: 'shared/domain/fixture.ts',
    code: "import { createCore } from '../../electron/core';\nexport const x = createCore;\n",
  },
  {
    rule: 'shared imports renderer/',
    filePath: 'shared/domain/fixture.ts',
    code: "import { App } from '../../renderer/app/app';\nexport const x = App;\n",
  },
  {
    rule: "shared imports 'electron'",
    filePath: 'shared/domain/fixture.ts',
    code: "import { app } from 'electron';\nexport const x = app;\n",
  },
  {
    rule: 'shared uses Node builtins',
    filePath: 'shared/domain/fixture.ts',
    code: "import path from 'node:path';\nexport const x = path;\n",
  },
  {
    rule: 'shared uses window / process',
    filePath: 'shared/domain/fixture.ts',
    code: 'export const x = process.env.HOME ?? window.name;\n',
  },
];

describe('layer rules are enforced by lint', () => {
  it.each(violations)('refuses: $rule', async ({ filePath, code }) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
    const layerErrors = (result?.messages ?? []).filter(
      (message) => message.severity === 2 && /no-restricted|boundaries/.test(message.ruleId ?? ''),
    );
    expect(layerErrors.length).toBeGreaterThan(0);
  });

  it('accepts the same import where it belongs', async () => {
    const [shell] = await eslint.lintText("import { app } from 'electron';\nexport const name = app.getName();\n", {
      filePath: path.join(repoRoot, 'electron/shell/fixture.ts'),
    });
    expect(shell?.messages.filter((message) => message.severity === 2)).toEqual([]);
    const [platform] = await eslint.lintText('export const x = window.consoleBridge;\n', {
      filePath: path.join(repoRoot, 'renderer/platform/fixture.ts'),
    });
    expect(platform?.messages.filter((message) => message.severity === 2)).toEqual([]);
    const allowed: ReadonlyArray<{ filePath: string; code: string }> = [
      { filePath: 'renderer/features/cases/fixture.ts', code: "import { slaCellOf } from '../sla-plans';\nexport const x = slaCellOf;\n" },
      {
        filePath: 'renderer/features/cases/fixture.ts',
        code: "import { openCase } from '../../runtime/open-case';\nexport const x = openCase;\n",
      },
      { filePath: 'renderer/app/fixture.ts', code: "import { CasesView } from '../features/cases';\nexport const x = CasesView;\n" },
      { filePath: 'electron/core.ts', code: "import { startSandbox } from './sandbox';\nexport const x = startSandbox;\n" },
    ];
    for (const { filePath, code } of allowed) {
      const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
      expect(result?.messages.filter((message) => message.severity === 2)).toEqual([]);
    }
  });
});
