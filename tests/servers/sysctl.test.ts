/**
 * The proof for the linux rules: the real kernel applies every sysctl fixture, golden and vector
 * (original and fixed) inside a throwaway network namespace (`unshare -n sysctl -p FILE`), so the
 * host is never touched. The keys these rules write (net.ipv4.tcp_keepalive_*, tcp_retries2,
 * nf_conntrack timeouts) are per network namespace.
 *
 * - A golden must apply cleanly (exit 0, no error) with procps `sysctl -p` and with systemd-sysctl,
 *   and the kernel must read back, for every key, what the file's last successful line says.
 * - The original of a `linux.value-with-unit` fixture must fail with "Invalid argument" (or, with a
 *   blank before the unit, quietly set the wrong number).
 * - Independently of the rules' lexer, a few lines below parse a file the way `sysctl -p` does; the
 *   effective values they predict must equal the lexer's and the kernel's.
 * Only keys known to live in a network namespace are ever written: a file with a host-global key
 * (`vm.swappiness`, `kernel.*`) gets the parse check only, and the host's values of every key written
 * are compared before and after. Keys the namespace lacks (a module not loaded, a key removed from the
 * kernel) are commented out for the run and named in the test title. Without root or `unshare -n`,
 * only the parse check runs, and the test titles say so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index';
import { kernelInteger, lexSysctl } from '../../rules/linux/_lib/sysctl';
import { yamlSysctlBlocks } from '../../rules/linux/_lib/yaml-sysctls';
import { expectedName, LINUX_VECTORS } from '../../rules/linux/_vectors/vectors';
import { engine, host } from '../support/engine';

const root = new URL('../../', import.meta.url).pathname;
const SYSTEMD_SYSCTL = ['/usr/lib/systemd/systemd-sysctl', '/lib/systemd/systemd-sysctl'].find((p) =>
  existsSync(p),
);

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

/** Root and a kernel that lets us create a network namespace: then the real kernel is the judge. */
const KERNEL = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'not root';
  const probe = run('unshare', ['-n', 'sysctl', '-n', 'net.ipv4.tcp_keepalive_time']);
  if (probe.error || probe.status !== 0)
    return `unshare -n refused (${probe.stderr.trim() || probe.error?.message})`;
  return null;
})();
const MODE = KERNEL === null ? 'linux kernel in a fresh netns' : `linux parse check only: ${KERNEL}`;

// ---------------------------------------------------------------------------------------------------
// `sysctl -p`, independently of rules/linux/_lib: trim the line, skip `#`/`;` and short lines, split
// at the first `=`, strip `-`, normalise slash notation; the kernel takes a base-0 integer followed
// by a blank or the end. The last write the kernel accepts wins.

interface Write {
  key: string;
  value: string;
}

function sysctlP(text: string): Write[] {
  const writes: Write[] = [];
  for (const raw of text.split('\n')) {
    const t = raw.trim();
    if (t.length < 2 || t[0] === '#' || t[0] === ';' || !t.includes('=')) continue;
    let key = t.slice(0, t.indexOf('=')).trim();
    const value = t.slice(t.indexOf('=') + 1).trim();
    if (value === '') continue;
    if (key.startsWith('-')) key = key.slice(1).trim();
    if (/^[^.]*\//.test(key)) key = key.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'));
    writes.push({ key, value });
  }
  return writes;
}

function kernelAccepts(value: string): string | null {
  const m = /^(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)(?:\s|$)/i.exec(value);
  if (!m) return null;
  const n = m[1] as string;
  return String(/^0x/i.test(n) ? Number.parseInt(n, 16) : /^0./.test(n) ? Number.parseInt(n, 8) : Number(n));
}

/** Integer keys only: for these, the value the kernel ends with (null: no write succeeded). */
function predicted(writes: Write[], key: string): string | null {
  let out: string | null = null;
  for (const w of writes) if (w.key === key && kernelAccepts(w.value) !== null) out = kernelAccepts(w.value);
  return out;
}

/** The same through the rules' lexer. */
function lexed(text: string, key: string): string | null {
  let out: string | null = null;
  for (const s of lexSysctl(text).settings) {
    if (s.name !== key) continue;
    const n = kernelInteger(s.value);
    if (n !== null) out = String(n);
  }
  return out;
}

/** Multi-number and string keys: compared as the kernel prints them, blanks collapsed. */
const NON_INTEGER = new Set(['net.ipv4.ip_local_port_range']);

/** Keys that live in a network namespace: writing them in a fresh one cannot reach the host. */
const PER_NETNS =
  /^net\.(ipv4\.(tcp_|ip_forward$|ip_local_port_range$|ip_unprivileged_port_start$|netfilter\.)|netfilter\.nf_conntrack_|core\.somaxconn$)/;

// ---------------------------------------------------------------------------------------------------
// The files

interface Case {
  title: string;
  path: string;
  kind: 'original' | 'golden' | 'ok';
  ruleId: string | null;
  /** For an original: its golden(s), whose readback shows what the fix wrote. */
  goldens: string[];
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const rule of RULES.filter((r) => r.id.startsWith('linux.'))) {
    const dir = join(root, 'rules', ...rule.id.split('.'), 'fixtures');
    if (!existsSync(dir)) continue;
    const names = readdirSync(dir)
      .filter((n) => n.endsWith('.conf'))
      .sort();
    for (const name of names) {
      const golden = /\.(fixed|unsafe)\.conf$/.test(name);
      const goldens = golden
        ? []
        : names
            .filter((g) => g !== name && g.startsWith(name.replace(/\.conf$/, '.')))
            .map((g) => join(dir, g));
      out.push({
        title: `${rule.id} ${name}`,
        path: join(dir, name),
        kind: golden ? 'golden' : name.startsWith('ok-') ? 'ok' : 'original',
        ruleId: rule.id,
        goldens,
      });
    }
  }
  const vectors = join(root, 'rules', 'linux', '_vectors');
  for (const v of LINUX_VECTORS) {
    const fixed = join(vectors, expectedName(v.file));
    out.push({
      title: `${v.id} ${v.file}`,
      path: join(vectors, v.file),
      kind: 'original',
      ruleId: null,
      goldens: [fixed],
    });
    out.push({
      title: `${v.id} ${expectedName(v.file)}`,
      path: fixed,
      kind: 'golden',
      ruleId: null,
      goldens: [],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The kernel

const work = mkdtempSync(join(tmpdir(), 'staleproof-sysctl-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let serial = 0;

const PRINT_KEYS =
  'shift; for k in "$@"; do printf "%s\\t%s\\n" "$k" "$(sysctl -n "$k" 2>/dev/null || echo "<missing>")"; done';

/** Applies `text` in a fresh netns with `loader` and reads the keys back, in the same namespace. */
function applyInNetns(text: string, keys: string[], loader: 'procps' | 'systemd') {
  const file = join(work, `t${serial++}.conf`);
  writeFileSync(file, text);
  const load = loader === 'procps' ? 'sysctl -p "$1" >/dev/null' : `${SYSTEMD_SYSCTL} "$1"`;
  const r = run('unshare', [
    '-n',
    'sh',
    '-c',
    `${load}; rc=$?; ${PRINT_KEYS}; exit $rc`,
    'sh',
    file,
    ...keys,
  ]);
  const values = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0)
      values.set(
        line.slice(0, tab),
        line
          .slice(tab + 1)
          .replace(/\s+/g, ' ')
          .trim(),
      );
  }
  return { status: r.status, stderr: r.stderr.trim(), values };
}

/** What a fresh namespace holds before any file is applied. */
const defaults = new Map<string, string>();
function freshValue(key: string): string {
  if (!defaults.has(key)) {
    const r = applyInNetns('', [key], 'procps');
    defaults.set(key, r.values.get(key) ?? '<missing>');
  }
  return defaults.get(key) as string;
}

function hostValues(keys: string[]): string[] {
  return keys.map((k) => {
    const path = `/proc/sys/${k.replace(/\./g, '/')}`;
    return existsSync(path) ? readFileSync(path, 'utf8') : '<missing>';
  });
}

/** Comments out the lines of keys the namespace does not have. */
function withoutMissing(text: string, missing: Set<string>): string {
  if (missing.size === 0) return text;
  return text
    .split('\n')
    .map((line) => {
      const w = sysctlP(line)[0];
      return w && missing.has(w.key) ? `# (not in this netns) ${line}` : line;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------

const ALL = cases();

describe(`sysctl proof (${MODE})`, () => {
  it('linux fixtures and vectors are all here', () => {
    expect(ALL.filter((c) => c.kind === 'golden').length).toBeGreaterThanOrEqual(20);
    expect(ALL.some((c) => c.title.startsWith('TV11'))).toBe(true);
    expect(ALL.some((c) => c.title.startsWith('TV12'))).toBe(true);
  });

  for (const c of ALL) {
    const text = readFileSync(c.path, 'utf8');
    const writes = sysctlP(text);
    const keys = [...new Set(writes.map((w) => w.key))];
    const integerKeys = keys.filter((k) => !NON_INTEGER.has(k));

    it(`linux parse: ${c.title}: the lexer and sysctl -p agree on every effective value`, () => {
      for (const key of integerKeys) expect(lexed(text, key), key).toBe(predicted(writes, key));
      expect(lexSysctl(text).settings.map((s) => s.name)).toEqual(writes.map((w) => w.key));
    });

    // Without a namespace to write into, the parse check above is the whole proof (MODE says so).
    if (KERNEL !== null) continue;

    // Host-wide keys (vm.*, kernel.*) are never written, and keys a fresh namespace lacks cannot be:
    // both are left out of the run, and the title names them.
    const global = keys.filter((k) => !PER_NETNS.test(k));
    const absent = keys.filter((k) => PER_NETNS.test(k) && freshValue(k) === '<missing>');
    const missing = new Set([...absent, ...global]);
    const note = [
      absent.length > 0 ? `keys not in this netns, left out: ${absent.join(', ')}` : '',
      global.length > 0 ? `host-wide keys, never written: ${global.join(', ')}` : '',
    ]
      .filter((n) => n !== '')
      .map((n) => ` (${n})`)
      .join('');
    const applied = withoutMissing(text, missing);
    const present = keys.filter((k) => !missing.has(k));

    it(`linux kernel: ${c.title} ${c.kind === 'golden' ? 'applies cleanly and reads back' : 'behaves as predicted'}${note}`, async () => {
      const before = hostValues(present);
      const procps = applyInNetns(applied, present, 'procps');
      expect(hostValues(present), 'the host must not change').toEqual(before);

      // The kernel ends with what the independent parse predicts, key by key.
      for (const key of present) {
        const expected = NON_INTEGER.has(key)
          ? (writes
              .filter((w) => w.key === key)
              .pop()
              ?.value.replace(/\s+/g, ' ') ?? freshValue(key))
          : (predicted(writes, key) ?? freshValue(key));
        expect(procps.values.get(key), `${key} after sysctl -p`).toBe(expected);
      }

      if (c.kind === 'golden' || c.kind === 'ok') {
        if (c.kind === 'golden' && !(await hasFix(c))) {
          // A report-only finding: the file is the original. A unit staleproof cannot convert still fails.
          if (c.ruleId === 'linux.value-with-unit') {
            expect(procps.status).not.toBe(0);
            expect(procps.stderr).toContain('Invalid argument');
            return;
          }
        }
        if (
          c.kind === 'ok' &&
          writes.some((w) => kernelAccepts(w.value) === null && !NON_INTEGER.has(w.key))
        ) {
          return; // an ok fixture of another rule may hold a unit: that is linux.value-with-unit's finding
        }
        expect(procps.stderr).toBe('');
        expect(procps.status).toBe(0);
        if (SYSTEMD_SYSCTL) {
          const systemd = applyInNetns(applied, present, 'systemd');
          expect(systemd.stderr).toBe('');
          expect(systemd.status).toBe(0);
          expect(systemd.values).toEqual(procps.values);
        }
        return;
      }

      // An original: each golden changes what the kernel ends with, and for the unit repair the
      // original is what fails.
      for (const golden of c.goldens) {
        if (!(await hasFix({ ...c, path: golden }))) continue; // a report-only finding
        const fixed = sysctlP(readFileSync(golden, 'utf8'));
        const all = [...new Set([...keys, ...fixed.map((w) => w.key)])];
        const changed = all.filter((k) => predicted(fixed, k) !== predicted(writes, k));
        expect(changed, `${golden} changes what the kernel ends with`).not.toEqual([]);
      }
      if (c.ruleId === 'linux.value-with-unit') {
        const attached = writes.some((w) => /^\d+(\.\d+)?[a-z]+$/i.test(w.value));
        if (attached) {
          expect(procps.status).toBe(1);
          expect(procps.stderr).toContain('Invalid argument');
        } else {
          // `2 min`: the kernel stops at the blank and quietly takes the wrong number.
          expect(procps.status).toBe(0);
          const key = writes.find((w) => /\s[a-z]+$/i.test(w.value))?.key as string;
          expect(procps.values.get(key)).toBe(kernelAccepts(writes.find((w) => w.key === key)?.value ?? ''));
        }
      }
    });
  }
});

/**
 * Whether the rule offers a fix that this golden holds (`.fixed`: safe fixes, `.unsafe`: all); else the
 * golden is the original (report-only, or review fixes only).
 */
async function hasFix(c: Case): Promise<boolean> {
  if (c.ruleId === null) return true;
  const original = c.path.replace(/\.(fixed|unsafe)\.conf$/, '.conf');
  const result = await engine.analyse(readFileSync(original, 'utf8'), {
    filename: original,
    rules: [c.ruleId],
  });
  const unsafe = c.path.endsWith('.unsafe.conf');
  return result.findings.some((f) => f.fix !== null && (unsafe || f.fix.safety === 'safe'));
}

describe.skipIf(KERNEL !== null)(`sysctl proof: what the loaders do with a leading - (${MODE})`, () => {
  const tv12 = join(root, 'rules', 'linux', '_vectors', 'v12-dash-unit.sysctl.conf');
  const key = 'net.ipv4.tcp_keepalive_time';

  it('linux TV12: procps 4 still prints the error and exits 1 for a failing -line (the reference says "silently")', () => {
    const r = applyInNetns(readFileSync(tv12, 'utf8'), [key], 'procps');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`setting key "${key}": Invalid argument`);
    expect(r.values.get(key)).toBe(freshValue(key));
  });

  it.skipIf(!SYSTEMD_SYSCTL)(
    'linux TV12: systemd-sysctl ignores the failing -line silently (exit 0, no output)',
    () => {
      const r = applyInNetns(readFileSync(tv12, 'utf8'), [key], 'systemd');
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.values.get(key)).toBe(freshValue(key));
    },
  );

  it('linux container-netns: a nested network namespace starts from the defaults, not from its parent', () => {
    const r = run('unshare', [
      '-n',
      'sh',
      '-c',
      `sysctl -qw ${key}=60 && sysctl -n ${key} && unshare -n sysctl -n ${key}`,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['60', freshValue(key)]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Pod and compose sysctls: the runtime writes each value to /proc/sys inside the workload's own
// network namespace, one namespace per `sysctls:` block. Entries are read with the rules' YAML reader
// (there is no YAML library here to read them independently); the kernel judges the values.

const YAML_CASES = RULES.filter((r) => r.id.startsWith('linux.')).flatMap((rule) => {
  const dir = join(root, 'rules', ...rule.id.split('.'), 'fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((name) => ({ ruleId: rule.id, name, path: join(dir, name) }));
});

describe.skipIf(KERNEL !== null)(`sysctl proof: pod and compose sysctls (${MODE})`, () => {
  for (const c of YAML_CASES) {
    const golden = /\.(fixed|unsafe)\.yaml$/.test(c.name);
    const failing = c.ruleId === 'linux.value-with-unit' && c.name.startsWith('ng-') && !golden;
    it(`linux kernel: ${c.ruleId} ${c.name} ${failing ? 'is rejected by the kernel (EINVAL)' : 'applies cleanly in the workload netns'}`, async () => {
      const doc = await host.parse('yaml', readFileSync(c.path, 'utf8'));
      const blocks = yamlSysctlBlocks(doc).map((b) => b.entries.map((e) => [e.name, e.value] as const));
      doc.dispose();
      expect(blocks.length).toBeGreaterThan(0);
      for (const entries of blocks) {
        for (const [name] of entries) expect(name).toMatch(PER_NETNS);
        const script =
          'rc=0; while [ $# -gt 0 ]; do p=/proc/sys/$(echo "$1" | tr . /); printf %s "$2" | tee "$p" >/dev/null || rc=1; printf "%s\\t%s\\n" "$1" "$(cat "$p")"; shift 2; done; exit $rc';
        const before = hostValues(entries.map(([n]) => n));
        const r = run('unshare', ['-n', 'sh', '-c', script, 'sh', ...entries.flat()]);
        expect(hostValues(entries.map(([n]) => n)), 'the host must not change').toEqual(before);
        if (failing) {
          expect(r.status).toBe(1);
          expect(r.stderr).toContain('Invalid argument');
          continue;
        }
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        const read = new Map(
          r.stdout
            .trim()
            .split('\n')
            .map((l) => l.split('\t') as [string, string]),
        );
        for (const [name, value] of entries) expect(read.get(name), name).toBe(kernelAccepts(value));
      }
    });
  }
});
