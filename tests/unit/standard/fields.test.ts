import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/server/api/openapi';
import { exportHeader, LICENSING_FIELDS, PENALTY_FIELDS } from '@/server/disclosures/service';
import { DATASET_INFO } from '@/server/open-data/service';
import { fieldCodeOf, FIELDS, publishedFields, type RecordKind } from '@/server/standard/fields';

// One table of the national standard's fields (server/standard/fields.ts): the import headers,
// the OpenAPI schema, the open-data dictionary, the detail pages and the CSV downloads all list
// the same codes with the same Chinese names, in the standard's order.

type Schema = { properties: Record<string, { description?: string }>; required: string[] };
const schemas = (openApiDocument() as { components: { schemas: Record<string, Schema> } }).components.schemas;
const STANDARD_CODE = /^(XK_|CF_|BZ$)/;

const views: Record<
  RecordKind,
  { schema: Schema; dataset: (typeof DATASET_INFO)['penalties']; detail: readonly { code: string; label: string }[] }
> = {
  penalty: { schema: schemas.Penalty!, dataset: DATASET_INFO.penalties, detail: PENALTY_FIELDS },
  licensing: { schema: schemas.Licensing!, dataset: DATASET_INFO.licensing, detail: LICENSING_FIELDS },
};

describe.each(['penalty', 'licensing'] as const)('the %s fields', (kind) => {
  const published = publishedFields(kind).map((f) => [f.code, f.label]);
  const { schema, dataset, detail } = views[kind];

  it('the OpenAPI schema, the open-data dictionary, the detail page and the CSV header list the same codes and names', () => {
    const openApi = Object.entries(schema.properties)
      .filter(([code]) => STANDARD_CODE.test(code))
      .map(([code, p]) => [code, p.description]);
    const dictionary = dataset.fields.filter((f) => STANDARD_CODE.test(f.code)).map((f) => [f.code, f.label]);
    expect(openApi).toEqual(published);
    expect(dictionary).toEqual(published);
    expect(detail.map((f) => [f.code, f.label])).toEqual(published);
    expect(exportHeader(kind).slice(0, -1)).toEqual(published.map(([code, label]) => `${label}(${code})`));
  });

  it('the import reads every code, and every name shown elsewhere, as a header', () => {
    for (const f of FIELDS[kind]) {
      expect(fieldCodeOf(kind, f.code)).toBe(f.code);
      expect(fieldCodeOf(kind, f.label)).toBe(f.code);
    }
    for (const [code, label] of published) expect(fieldCodeOf(kind, `${label}`)).toBe(code);
    // Published codes are the import's codes minus the import-only ones.
    expect(published.map(([code]) => code)).toEqual(FIELDS[kind].filter((f) => !f.importOnly).map((f) => f.code));
  });

  it('the OpenAPI schema requires exactly the fields a file must carry', () => {
    const required = schema.required.filter((c) => STANDARD_CODE.test(c));
    expect(required).toEqual(
      publishedFields(kind)
        .filter((f) => f.required)
        .map((f) => f.code),
    );
  });
});
