// Writes dist/report-schema.json, the published JSON Schema of `--format json`, from the zod schema.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { reportSchema } from '../dist/report/schema.js';

const schema = {
  ...z.toJSONSchema(reportSchema, { target: 'draft-2020-12' }),
  $id: 'https://www.npmjs.com/package/containerize-check/report-schema.json',
  title: 'containerize-check report',
};
writeFileSync(new URL('../dist/report-schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
