// The IT policy templates in build/policy: well-formed, complete, and saying exactly what the
// terminal reads (the registry value names and the JSON fields of the machine policy).
import fs from 'node:fs';
import path from 'node:path';
// saxes: the strict XML parser jsdom uses (a dependency of the jsdom dev dependency).
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { MachinePolicy, parseFieldwise } from '../../electron/core/config/machine-policy.js';
import { POLICY_REGISTRY_KEY, registryToPolicy } from '../../electron/core/config/policy-source.js';

const DIR = path.resolve(import.meta.dirname, '../../build/policy');
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');

/** An element of a parsed document: its name, attributes and own text. */
interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  getAttribute(name: string): string | null;
}

/** Parses well-formed XML (throws otherwise) into a flat list of elements in document order. */
function parseXml(text: string): El[] {
  const parser = new SaxesParser();
  const els: El[] = [];
  const open: El[] = [];
  parser.on('error', (e) => {
    throw new Error(`not well-formed XML: ${e.message}`);
  });
  parser.on('opentag', (node) => {
    const attrs = Object.fromEntries(
      Object.entries(node.attributes).map(([k, v]) => [k, String(v)]),
    );
    const el: El = { name: node.name, attrs, text: '', getAttribute: (n) => attrs[n] ?? null };
    els.push(el);
    open.push(el);
  });
  parser.on('text', (t) => {
    const top = open.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(text).close();
  return els;
}

const all = (doc: El[], tag: string) => doc.filter((e) => e.name === tag);

/** A .reg file's values under one key, as `reg query` would report them. */
function parseRegFile(text: string, key: string): Map<string, { type: string; data: string }> {
  const values = new Map<string, { type: string; data: string }>();
  let inKey = false;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      inKey = section[1] === key.replace(/^HKLM/, 'HKEY_LOCAL_MACHINE');
      continue;
    }
    if (!inKey) continue;
    const sz = /^"([^"]+)"="((?:[^"\\]|\\.)*)"$/.exec(line);
    const dword = /^"([^"]+)"=dword:([0-9a-fA-F]{8})$/.exec(line);
    if (sz?.[1] && sz[2] !== undefined)
      values.set(sz[1], { type: 'REG_SZ', data: sz[2].replace(/\\(.)/g, '$1') });
    else if (dword?.[1] && dword[2])
      values.set(dword[1], { type: 'REG_DWORD', data: `0x${dword[2].replace(/^0+(?=.)/, '')}` });
    else if (line.trim() && !line.startsWith(';') && !line.startsWith('Windows Registry Editor'))
      throw new Error(`unparsed .reg line: ${line}`);
  }
  return values;
}

describe('ADMX/ADML', () => {
  it('the well-formedness check bites: a broken document is rejected', () => {
    expect(() => parseXml('<policies><policy></policies>')).toThrow(/not well-formed/);
  });

  const admx = parseXml(read('ccms-terminal.admx'));
  const adml = parseXml(read('en-US/ccms-terminal.adml'));
  const strings = new Set(all(adml, 'string').map((s) => s.getAttribute('id')));
  const presentations = new Set(all(adml, 'presentation').map((p) => p.getAttribute('id')));

  it('writes every policy under the key the terminal reads', () => {
    const policies = all(admx, 'policy');
    expect(policies.length).toBeGreaterThan(5);
    for (const p of policies) {
      expect(p.getAttribute('class')).toBe('Machine');
      expect(`HKLM\\${p.getAttribute('key') ?? ''}`).toBe(POLICY_REGISTRY_KEY);
    }
  });

  it('resolves every $(string.x) and $(presentation.x) reference in the ADML', () => {
    const refs = [
      ...read('ccms-terminal.admx').matchAll(/\$\((string|presentation)\.([A-Za-z0-9_]+)\)/g),
    ];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, kind, id] of refs) {
      expect(
        kind === 'string' ? strings.has(id ?? '') : presentations.has(id ?? ''),
        `${kind}.${id}`,
      ).toBe(true);
    }
  });

  it('uses only value names the terminal understands', () => {
    const names = [
      ...all(admx, 'policy').map((p) => p.getAttribute('valueName')),
      ...['text', 'multiText', 'decimal', 'enum'].flatMap((t) =>
        all(admx, t).map((e) => e.getAttribute('valueName')),
      ),
    ].filter((n): n is string => !!n);
    const understood = Object.keys(
      registryToPolicy(new Map(names.map((n) => [n, { type: 'REG_SZ', data: 'x' }]))),
    );
    // registryToPolicy files unknown names under their own name; known ones under the policy's fields.
    for (const n of names) expect(understood, n).not.toContain(n);
    expect(new Set(names)).toEqual(
      new Set([
        'ProductionUrl',
        'ConnectivityTestUrl',
        'SimulatorUrl',
        'AllowedEnvironments',
        'ExtraCaCertificates',
        'Proxy',
        'IdleTimeoutCeilingSec',
        'SharedDesk',
        'LogLevel',
      ]),
    );
  });

  it('offers exactly the log levels the policy accepts', () => {
    const levels = all(admx, 'string').map((s) => s.text);
    expect(levels).toEqual(['error', 'warn', 'info', 'debug']);
  });
});

describe('.reg example', () => {
  it('parses into a machine policy with no problems', () => {
    const values = parseRegFile(read('ccms-terminal.example.reg'), POLICY_REGISTRY_KEY);
    expect(values.size).toBe(8);
    const result = parseFieldwise(
      MachinePolicy,
      registryToPolicy(values),
      'ccms-terminal.example.reg',
    );
    expect(result.problems).toEqual([]);
    expect(result.value).toMatchObject({
      idleTimeoutCeilingSec: 900,
      sharedDesk: false,
      allowedEnvironments: ['production', 'connectivity-test'],
    });
  });
});

describe('JSON example', () => {
  it('is a valid machine policy', () => {
    const result = parseFieldwise(
      MachinePolicy,
      JSON.parse(read('policy.example.json')),
      'policy.example.json',
    );
    expect(result.problems).toEqual([]);
    expect(MachinePolicy.safeParse(JSON.parse(read('policy.example.json'))).success).toBe(true);
  });
});
