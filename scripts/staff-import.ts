// Registers staff from a JSON file straight into the registry: how a deployment in `required` mode gets
// its first admin (and its existing workforce) before anyone can call the API. Safe to run again: a
// record already there is left as it is.
//   npm run staff:import -- staff.json     ([{ staffId, unitCode, unitKind, regionCode, role, verifiedUntil, ... }])
import fs from 'node:fs';
import { z } from 'zod';
import { registerStaffBody } from '../api/staff/schemas';
import { loadConfig } from '../config/env';
import { staff } from '../db/schema';
import { recordStaffEvent } from '../db/staff';
import { recordProblems } from '../domain/workforce';
import { openMigratedDatabase } from '../temporal/runtime';

async function main(file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: npm run staff:import -- <file.json>');
  const records = z.array(registerStaffBody).parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const today = new Date().toISOString().slice(0, 10);
  const problems = records.flatMap((r) =>
    recordProblems({ kecamatanCode: null, certificationNo: null, certifiedUntil: null, verifiedUntil: null, ...r, active: true }, today, true).map((p) => `${r.staffId}: ${p.field} ${p.message}`),
  );
  if (problems.length) throw new Error(`nothing imported:\n${problems.join('\n')}`);
  const config = loadConfig();
  const database = await openMigratedDatabase(config);
  try {
    let added = 0;
    for (const r of records) {
      const inserted = await database.db
        .insert(staff)
        .values({ ...r, provinceCode: r.regionCode.slice(0, 2) })
        .onConflictDoNothing()
        .returning({ staffId: staff.staffId });
      if (inserted.length) {
        added += 1;
        await recordStaffEvent(database.db, r.staffId, 'staff.registered', 'staff-import', { role: r.role, regionCode: r.regionCode });
      }
    }
    process.stdout.write(`staff registry: ${added} added, ${records.length - added} already there\n`);
  } finally {
    await database.close();
  }
}

main(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(`staff-import failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
