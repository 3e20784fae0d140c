// The IT policy templates in build/policy and docs/policy-reference.md: generated from the machine
// policy schema (scripts/policy/generate-templates.ts), well-formed, complete in every language,
// and saying exactly what the terminal reads (value names, registry types, ranges).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// saxes: the strict XML parser jsdom uses (a dependency of the jsdom dev dependency).
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST_URLS } from '../../electron/core/config/config-store.js';
import { resolvePolicy } from '../../electron/core/config/effective-policy.js';
import { createFilePolicySource } from '../../electron/core/config/file-policy-source.js';
import { POLICY_VALUE_NAMES } from '../../electron/core/config/machine-policy.js';
import { policyFields } from '../../electron/core/config/policy-fields.js';
import { TEMPLATE_LANGUAGES } from '../../electron/core/config/policy-texts.js';
import {
  createRegistryPolicySource,
  POLICY_REGISTRY_KEY,
  POLICY_REGISTRY_SUBKEY,
} from '../../electron/core/config/registry-policy-source.js';
import {
  fakeRegistry,
  type RecordedValue,
} from '../../electron/core/config/testing/fake-registry.js';
import { HK_TERMS, ZH_HK_FORBIDDEN } from '../../renderer/i18n/glossary.js';
import { renderTemplates, staleTemplates } from '../../scripts/policy/generate-templates.js';
import { factsOf } from '../../scripts/policy/policy-model.js';
import { GP_NAMESPACE } from '../../scripts/policy/render-admx.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const ADMX = 'build/policy/ccms-terminal.admx';
const ADMLS = TEMPLATE_LANGUAGES.map((l) => `build/policy/${l}/ccms-terminal.adml`);

/** An element of a parsed document. */
interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
  parent: El | undefined;
}

/** Parses well-formed XML (throws otherwise) into a tree; returns every element in order. */
function parseXml(text: string): El[] {
  const parser = new SaxesParser({ xmlns: false });
  const els: El[] = [];
  const open: El[] = [];
  parser.on('error', (e) => {
    throw new Error(`not well-formed XML: ${e.message}`);
  });
  parser.on('opentag', (node) => {
    const attrs = Object.fromEntries(
      Object.entries(node.attributes).map(([k, v]) => [k, String(v)]),
    );
    const el: El = { name: node.name, attrs, text: '', children: [], parent: open.at(-1) };
    el.parent?.children.push(el);
    els.push(el);
    open.push(el);
  });
  parser.on('text', (t) => {
    const top = open.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => open.pop());
  parser.write(text).close();
  return els;
}
const all = (doc: El[], tag: string) => doc.filter((e) => e.name === tag);
const descendants = (el: El): El[] => el.children.flatMap((c) => [c, ...descendants(c)]);
const attr = (el: El | undefined, name: string) => el?.attrs[name] ?? '';

const admx = parseXml(read(ADMX));
const admls = ADMLS.map((f) => ({ file: f, doc: parseXml(read(f)) }));
const schemaByName = new Map(policyFields().map((f) => [f.meta.valueName, f]));

/** The registry type an ADMX policy writes, as Group Policy does. */
function writtenType(policy: El): string {
  const el = policy.children.find((c) => c.name === 'elements')?.children[0];
  if (!el) {
    // A policy without elements writes its own valueName: enabled 1, disabled 0.
    const value = (tag: string) =>
      attr(descendants(policy).find((c) => c.name === tag)?.children[0], 'value');
    return value('enabledValue') === '1' && value('disabledValue') === '0' ? 'REG_DWORD' : '?';
  }
  switch (el.name) {
    case 'text':
      return attr(el, 'expandable') === 'true' ? 'REG_EXPAND_SZ' : 'REG_SZ';
    case 'multiText':
      return 'REG_MULTI_SZ';
    case 'decimal':
      return attr(el, 'storeAsText') === 'true' ? 'REG_SZ' : 'REG_DWORD';
    case 'enum':
      return el.children.every((i) => i.children[0]?.children[0]?.name === 'string')
        ? 'REG_SZ'
        : '?';
    default:
      return el.name;
  }
}

describe('generated from the schema', () => {
  it('the committed templates, examples and reference are what the generator makes', async () => {
    const files = await renderTemplates();
    expect([...files.keys()].sort()).toEqual(
      [
        ADMX,
        ...ADMLS,
        'build/policy/ccms-terminal.example.reg',
        'build/policy/policy.example.json',
        'docs/policy-reference.md',
      ].sort(),
    );
    for (const [file, content] of files)
      expect(read(file), `${file} is stale: run npx tsx scripts/policy/generate-templates.ts`).toBe(
        content,
      );
  });

  it('--check names a file that was edited by hand or is missing', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-policy-check-'));
    try {
      for (const [file, content] of await renderTemplates()) {
        fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
        fs.writeFileSync(path.join(tmp, file), content);
      }
      expect(await staleTemplates(tmp)).toEqual([]);
      fs.appendFileSync(path.join(tmp, ADMLS[1] ?? ''), '<!-- hand edit -->');
      fs.rmSync(path.join(tmp, 'docs/policy-reference.md'));
      expect(await staleTemplates(tmp)).toEqual([ADMLS[1], 'docs/policy-reference.md']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('every restricting field has a most restrictive value its own schema accepts', () => {
    for (const f of policyFields()) {
      if (!f.meta.restricting) continue;
      expect(f.schema.safeParse(f.meta.mostRestrictive).success, f.meta.valueName).toBe(true);
    }
    expect(schemaByName.get('IdleTimeoutCeilingSec')?.meta).toMatchObject({ mostRestrictive: 60 });
    expect(factsOf(schemaByName.get('IdleTimeoutCeilingSec')!).min).toBe(60);
  });
});

describe('ADMX and ADML structure', () => {
  it('well-formedness bites: a broken document is rejected', () => {
    expect(() => parseXml('<policies><policy></policies>')).toThrow(/not well-formed/);
  });

  const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
  it.skipIf(!hasXmllint)(
    'xmllint --noout finds every template well-formed (skipped when xmllint is not installed: Debian libxml2-utils)',
    () => {
      for (const f of [ADMX, ...ADMLS]) {
        const r = spawnSync('xmllint', ['--noout', path.join(ROOT, f)], { encoding: 'utf8' });
        expect(r.stderr, f).toBe('');
        expect(r.status, f).toBe(0);
      }
      const broken = path.join(os.tmpdir(), `ccms-broken-${process.pid}.admx`);
      fs.writeFileSync(broken, '<policyDefinitions><policies></policyDefinitions>');
      expect(spawnSync('xmllint', ['--noout', broken]).status).not.toBe(0);
      fs.rmSync(broken);
    },
  );

  it('declares only the Group Policy namespace and only the policy namespace it uses', () => {
    for (const doc of [admx, ...admls.map((a) => a.doc)]) {
      const root = doc[0];
      expect(attr(root, 'xmlns')).toBe(GP_NAMESPACE);
      expect(
        doc.flatMap((e) => Object.keys(e.attrs).filter((k) => k.startsWith('xmlns:'))),
      ).toEqual([]);
    }
    const targets = all(admx, 'target');
    expect(targets).toHaveLength(1);
    const refs = admx.flatMap((e) => Object.values(e.attrs)).filter((v) => /^\w+:\w+$/.test(v));
    const prefixes = new Set(refs.map((r) => r.split(':')[0]));
    expect(all(admx, 'using').map((u) => attr(u, 'prefix'))).toEqual(
      [...prefixes].filter((p) => p !== attr(targets[0], 'prefix')),
    );
    const revision = attr(all(admx, 'resources')[0], 'minRequiredRevision');
    for (const { doc } of admls) expect(attr(doc[0], 'revision')).toBe(revision);
  });

  it('writes every setting the schema has, under the key the terminal reads, with its registry type', () => {
    const policies = all(admx, 'policy');
    expect(policies.map((p) => attr(p, 'name')).sort()).toEqual([...POLICY_VALUE_NAMES].sort());
    const categories = new Set(all(admx, 'category').map((c) => attr(c, 'name')));
    const supported = new Set(all(admx, 'definition').map((d) => attr(d, 'name')));
    for (const p of policies) {
      const name = attr(p, 'name');
      const field = schemaByName.get(name as (typeof POLICY_VALUE_NAMES)[number]);
      expect(attr(p, 'class'), name).toBe('Machine');
      expect(`HKLM\\${attr(p, 'key')}`, name).toBe(POLICY_REGISTRY_KEY);
      expect(writtenType(p), name).toBe(field?.meta.registryType);
      const valueNames = [p, ...descendants(p)].map((e) => attr(e, 'valueName')).filter(Boolean);
      expect(new Set(valueNames), name).toEqual(new Set([name]));
      expect(
        categories.has(
          attr(
            p.children.find((c) => c.name === 'parentCategory'),
            'ref',
          ),
        ),
        name,
      ).toBe(true);
      expect(
        supported.has(
          attr(
            p.children.find((c) => c.name === 'supportedOn'),
            'ref',
          ),
        ),
        name,
      ).toBe(true);
    }
  });

  it('takes its ranges and choices from the schema checks', () => {
    for (const el of all(admx, 'decimal').filter((d) => d.attrs['id'])) {
      const facts = factsOf(schemaByName.get(attr(el, 'id') as 'IdleTimeoutCeilingSec')!);
      expect([Number(attr(el, 'minValue')), Number(attr(el, 'maxValue'))]).toEqual([
        facts.min,
        facts.max,
      ]);
    }
    for (const el of all(admx, 'enum')) {
      const facts = factsOf(schemaByName.get(attr(el, 'id') as 'LogLevel')!);
      expect(el.children.map((i) => i.children[0]?.children[0]?.text)).toEqual(facts.values);
    }
    for (const el of all(admx, 'multiText')) {
      const facts = factsOf(schemaByName.get(attr(el, 'id') as 'ProxyBypassList')!);
      expect(el.attrs['maxStrings'] && Number(el.attrs['maxStrings'])).toEqual(facts.maxItems);
    }
    for (const el of all(admx, 'text')) {
      const facts = factsOf(schemaByName.get(attr(el, 'id') as 'Proxy')!);
      expect(Number(attr(el, 'maxLength'))).toBe(facts.maxLength);
      expect(facts.maxLength).toBeLessThanOrEqual(1023);
    }
  });

  it('every policy box and every $(string.x) it references exists in each language, and nothing more', () => {
    const refs = [...read(ADMX).matchAll(/\$\((string|presentation)\.([A-Za-z0-9_]+)\)/g)];
    const stringRefs = new Set(refs.filter((r) => r[1] === 'string').map((r) => r[2]));
    const boxRefs = new Set(refs.filter((r) => r[1] === 'presentation').map((r) => r[2]));
    expect(stringRefs.size).toBeGreaterThan(30);
    const ids = admls.map(({ file, doc }) => {
      const strings = all(doc, 'string').filter((s) => s.parent?.name === 'stringTable');
      const presentations = all(doc, 'presentation');
      expect(new Set(strings.map((s) => attr(s, 'id'))), file).toEqual(stringRefs);
      expect(new Set(presentations.map((p) => attr(p, 'id'))), file).toEqual(boxRefs);
      for (const s of strings) expect(s.text.trim(), `${file} ${attr(s, 'id')}`).not.toBe('');
      for (const p of presentations) {
        const policy = all(admx, 'policy').find((x) => attr(x, 'name') === attr(p, 'id'));
        const elementIds = policy?.children
          .find((c) => c.name === 'elements')
          ?.children.map((e) => attr(e, 'id'));
        expect(
          p.children.filter((c) => c.attrs['refId']).map((c) => attr(c, 'refId')),
          file,
        ).toEqual(elementIds);
      }
      return strings.map((s) => attr(s, 'id'));
    });
    expect(ids[1]).toEqual(ids[0]);
  });

  it('the zh-HK strings are Hong Kong Traditional Chinese with the glossary terms', () => {
    const zh = admls.find((a) => a.file.includes('zh-HK'))?.doc ?? [];
    const en = admls.find((a) => a.file.includes('en-US'))?.doc ?? [];
    const enById = new Map(all(en, 'string').map((s) => [attr(s, 'id'), s.text.toLowerCase()]));
    const problems: string[] = [];
    for (const s of [...all(zh, 'string'), ...all(zh, 'label'), ...all(zh, 'text')]) {
      for (const bad of ZH_HK_FORBIDDEN)
        if (s.text.includes(bad)) problems.push(`${attr(s, 'id')}: ${bad}`);
      const english = enById.get(attr(s, 'id')) ?? '';
      for (const [phrase, term] of Object.entries(HK_TERMS))
        if (english.includes(phrase) && !s.text.includes(term))
          problems.push(`${attr(s, 'id')}: ${term}`);
    }
    expect(problems).toEqual([]);
    const explains = all(zh, 'string').filter((s) => attr(s, 'id').endsWith('_Explain'));
    for (const s of explains) expect(s.text, attr(s, 'id')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says the built-in host addresses are placeholders, as they are', () => {
    for (const url of Object.values(DEFAULT_HOST_URLS))
      expect(new URL(url).hostname).toMatch(/\.invalid$/);
    const en = all(admls[0]?.doc ?? [], 'string').find(
      (s) => attr(s, 'id') === 'ProductionUrl_Explain',
    );
    expect(en?.text).toContain('placeholder that never resolves');
  });
});

/** A .reg file's values under one key, as raw registry values (strings, dword, hex(2), hex(7)). */
function parseRegFile(text: string, key: string): Record<string, RecordedValue> {
  const values: Record<string, RecordedValue> = {};
  const lines = text.replace(/\\\r\n\s*/g, '').split('\r\n');
  let inKey = false;
  for (const line of lines) {
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      inKey = section[1] === key.replace(/^HKLM/, 'HKEY_LOCAL_MACHINE');
      continue;
    }
    if (!inKey || line === '' || line.startsWith(';')) continue;
    const sz = /^"([^"]+)"="((?:[^"\\]|\\.)*)"$/.exec(line);
    const dword = /^"([^"]+)"=dword:([0-9a-f]{8})$/.exec(line);
    const hex = /^"([^"]+)"=hex\(([27])\):([0-9a-f,]+)$/.exec(line);
    if (sz?.[1] && sz[2] !== undefined)
      values[sz[1]] = { type: 'REG_SZ', data: sz[2].replace(/\\(.)/g, '$1') };
    else if (dword?.[1] && dword[2])
      values[dword[1]] = { type: 'REG_DWORD', data: parseInt(dword[2], 16) };
    else if (hex?.[1] && hex[3])
      values[hex[1]] = {
        type: 'raw',
        raw: {
          type: Number(hex[2]),
          data: Buffer.from(hex[3].split(',').map((b) => parseInt(b, 16))),
        },
      };
    else throw new Error(`unparsed .reg line: ${line}`);
  }
  return values;
}

describe('examples', () => {
  const registryDoc = async () => {
    const values = parseRegFile(
      read('build/policy/ccms-terminal.example.reg'),
      POLICY_REGISTRY_KEY,
    );
    const source = createRegistryPolicySource({
      registry: fakeRegistry({ [POLICY_REGISTRY_SUBKEY]: values }),
      env: {},
    });
    return { values, policy: resolvePolicy(await source.read(), source) };
  };

  it('fake registry: the .reg example imports as a policy with no problems, with the types Group Policy writes', async () => {
    const { values, policy } = await registryDoc();
    expect(policy.problems).toEqual([]);
    expect(Object.keys(values).length).toBeGreaterThan(8);
    expect(values['AllowedEnvironments']).toMatchObject({ type: 'raw', raw: { type: 7 } });
    expect(policy.values).toMatchObject({
      idleTimeoutCeilingSec: 900,
      sharedDesk: false,
      allowedEnvironments: ['production', 'connectivity-test'],
      proxyBypassList: ['*.corp.example', '<local>'],
    });
  });

  it('the JSON example is the same policy, read through the same rules', async () => {
    const file = path.join(ROOT, 'build/policy/policy.example.json');
    const source = createFilePolicySource(file);
    const json = resolvePolicy(await source.read(), source);
    expect(json.problems).toEqual([]);
    const { policy } = await registryDoc();
    expect({ ...json.values, extraCaCertificates: [] }).toEqual({
      ...policy.values,
      extraCaCertificates: [],
    });
  });

  it('the reference names every registry value and JSON field', () => {
    const reference = read('docs/policy-reference.md');
    for (const f of policyFields()) {
      expect(reference).toContain(`\`${f.meta.valueName}\``);
      expect(reference).toContain(`\`${f.path.join('.')}\``);
    }
  });
});
