// The offices messages are sent on behalf of: per region (a kabupaten/kota, or a province for all its
// kabupaten/kota), the office's name and official contact number — what a family checks a message by.
// From SIGAP_OFFICES_FILE; development falls back on config/offices.dev.json (sample offices).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REGION_CODE } from '../domain/ids';

const officesSchema = z.record(
  z.string().regex(REGION_CODE, 'expected a Kemendagri region code'),
  z.strictObject({ name: z.string().trim().min(3).max(120), phone: z.string().regex(/^[0-9+() -]{5,30}$/, 'expected an official phone number') }),
);
export type Offices = z.infer<typeof officesSchema>;

export function loadOffices(file: string | undefined, production: boolean): Offices {
  const sample = path.join(__dirname, 'offices.dev.json');
  const source = file ?? (production || !fs.existsSync(sample) ? undefined : sample);
  if (!source) return {};
  const parsed = officesSchema.safeParse(JSON.parse(fs.readFileSync(source, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid offices file ${source}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
