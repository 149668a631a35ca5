import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { TRPCError } from '@trpc/server';
import { appRouter } from '@/server/root';
import { publicErrorMessage } from '@/server/trpc';
import { PARAMS } from '@/server/api/params';
import { validateRow } from '@/server/imports/validate';
import { FIELDS } from '@/server/standard/fields';

// Issue 13, finding 8: no message a person can read contains `undefined`, `NaN`,
// `[object Object]` or an English parser sentence. Every input schema of every tRPC
// procedure, every API query parameter and every import field is run over generated bad
// inputs, and every message it emits is checked.

const NASTY: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x'.repeat(5000),
  '\u0000',
  '\ud800',
  'a\r\nb',
  "'; DROP TABLE subjects; --",
  '%_\\',
  '../../etc/passwd',
  '2026-13-45',
  '-1',
  '1e400',
  'NaN',
  -1,
  0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 63,
  -(2 ** 63),
  true,
  [],
  [1, 'a'],
  {},
  { toString: 'x' },
  new Date(Number.NaN),
];

const BAD_TEXT = /undefined|NaN|\[object|Infinity|Invalid input|Expected|Required|received/;
const CHINESE = /[\u4e00-\u9fff]/;

interface Def {
  type: string;
  shape?: Record<string, ZodType>;
  innerType?: ZodType;
  in?: ZodType;
  left?: ZodType;
  right?: ZodType;
  options?: ZodType[];
  element?: ZodType;
}
const defOf = (s: ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** A plausible object for a schema (first option of unions), so that one bad field at a time reaches its check. */
function shapeOf(schema: ZodType, depth = 0): Record<string, ZodType> {
  if (depth > 6) return {};
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return def.shape ?? {};
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return shapeOf(def.innerType!, depth + 1);
    case 'pipe':
      return shapeOf(def.in!, depth + 1);
    case 'intersection':
      return { ...shapeOf(def.left!, depth + 1), ...shapeOf(def.right!, depth + 1) };
    case 'union':
      return Object.assign({}, ...(def.options ?? []).map((o) => shapeOf(o, depth + 1)));
    default:
      return {};
  }
}

/** Inputs with each field (and each nested field) set to each nasty value, the others absent or plausible. */
function* badInputs(schema: ZodType): Generator<unknown> {
  yield* NASTY;
  const shape = shapeOf(schema);
  for (const [key, field] of Object.entries(shape)) {
    for (const v of NASTY) yield { [key]: v };
    for (const [inner] of Object.entries(shapeOf(field))) for (const v of NASTY) yield { [key]: { [inner]: v } };
    const element = defOf(field).type === 'array' ? defOf(field).element : undefined;
    if (element) for (const v of NASTY) yield { [key]: [v] };
  }
}

/** Values a JSON body or a file cell can carry (no NaN, Infinity, undefined or Date). */
const JSON_NASTY = NASTY.filter(
  (v) => v !== undefined && !(typeof v === 'number' && !Number.isFinite(v)) && !(v instanceof Date),
);

function expectReadable(where: string, message: string, input?: unknown) {
  // A message may quote what the person typed (“NaN”): that is their text, not ours.
  const ours = typeof input === 'string' ? message.split(`“${input.trim()}”`).join('“…”') : message;
  expect.soft(ours, where).not.toMatch(BAD_TEXT);
  expect.soft(message, where).toMatch(CHINESE);
}

type Procedure = { _def: { inputs: ZodType[] } };

describe('every message the schemas can emit', () => {
  const procedures = Object.entries(
    (appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures,
  );

  it('covers every procedure', () => {
    expect(procedures.length).toBeGreaterThan(40);
  });

  it.each(procedures.map(([path, p]) => [path, p] as const))('tRPC %s', (path, procedure) => {
    let messages = 0;
    for (const schema of procedure._def.inputs) {
      for (const input of badInputs(schema)) {
        const result = schema.safeParse(input);
        if (result.success) continue;
        const message = publicErrorMessage(new TRPCError({ code: 'BAD_REQUEST', cause: result.error }));
        expectReadable(`${path} ← ${JSON.stringify(input)?.slice(0, 80)}`, message);
        messages++;
      }
    }
    if (procedure._def.inputs.length > 0) expect(messages).toBeGreaterThan(0);
  });

  it.each(Object.entries(PARAMS))('API query parameter %s', (name, spec) => {
    for (const v of NASTY) {
      if (typeof v !== 'string') continue;
      const result = spec.schema.safeParse((spec.json as { type?: string }).type === 'array' ? [v] : v);
      if (!result.success)
        for (const i of result.error.issues) expectReadable(`${name}=${v.slice(0, 20)}`, i.message, v);
    }
  });

  it.each(['licensing', 'penalty'] as const)('import fields of %s', (kind) => {
    for (const field of FIELDS[kind]) {
      for (const v of JSON_NASTY) {
        const result = validateRow(kind, { [field.code]: v }, 2, '2026-03-01');
        if (!result.ok)
          for (const i of result.issues)
            expectReadable(`${field.code}=${JSON.stringify(v)?.slice(0, 20)}`, i.message, v);
      }
    }
  });
});
