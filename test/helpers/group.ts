// A group repatriation over the API with the partner simulators: opened, its members assessed, the
// origin Dinsos's decision played through the referral simulator's admin route, read back.
import { as } from './api';
import type { PartnerStack } from './partner-stack';
import { eventually } from './partner-stack';

export interface Batch {
  status: string;
  originAgency: string;
  plans: { version: number; booked: boolean; outcome: string; reason: string | null; members: string[] }[];
  members: { caseId: string; status: string }[];
  compensations: { planVersion: number; step: string; outcome: string }[];
  escalation: { reason: string; planVersion: number } | null;
}

export function groupApi(stack: PartnerStack, region: string) {
  const CM = as(`case_manager:cm-${region}`, [region]);
  const SPV = as(`supervisor:spv-${region}`, [region]);

  async function open(members: number, originAgency: string): Promise<{ batchId: string; caseIds: string[] }> {
    const opened = await stack.api
      .post('/v1/repatriation-batches')
      .set('Idempotency-Key', `group-${region}-${Date.now()}`)
      .send({
        category: 'korban_perdagangan_orang',
        regionCode: `${region}.71`,
        originRegionCode: '32',
        originAgency,
        report: { channel: 'other_agency', summary: 'dipulangkan dari pelabuhan' },
        assignedWorker: `cm-${region}`,
        members: Array.from({ length: members }, (_, i) => ({ riskLevel: 'medium', subject: { name: `Pekerja Migran ${i}` } })),
      })
      .expect(201);
    return opened.body as { batchId: string; caseIds: string[] };
  }

  /** Each person's case: acknowledged and assessed, with a shelter place; ready for the group's trip. */
  async function prepare(caseIds: string[]): Promise<void> {
    for (let i = 0; i < caseIds.length; i += 7) {
      await Promise.all(
        caseIds.slice(i, i + 7).map(async (id) => {
          await eventually(async () => ((await stack.api.get(`/v1/cases/${id}`)).body.projection === 'current' ? true : undefined), 'read model');
          const act = (body: object) => stack.api.post(`/v1/cases/${id}/commands`).set(CM).send(body).expect(200);
          await act({ type: 'acknowledge' });
          await act({ type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '32.04', needsShelter: true });
        }),
      );
    }
  }

  const batch = async (batchId: string) => (await stack.api.get(`/v1/repatriation-batches/${batchId}`).expect(200)).body as Batch;

  async function until(batchId: string, ok: (b: Batch) => boolean, what: string, ms = 60_000): Promise<Batch> {
    return eventually(async () => {
      const b = await batch(batchId);
      return ok(b) ? b : undefined;
    }, what, ms);
  }

  /** The origin Dinsos decides on the reception request of the batch's current plan (it must have been asked). */
  async function reception(batchId: string, accepted: boolean, plan: number): Promise<void> {
    const request = await eventually(async () => {
      const asked = [...stack.sim.sim.state.admissions.values()].filter((a) => a.caseRef === `batch-${batchId}`);
      return asked.length === plan ? asked.at(-1) : undefined;
    }, `reception request ${plan}`);
    await fetch(`${stack.sim.url}/_admin/referral/admissions/${request.admissionId}/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accepted, ...(accepted ? {} : { reason: 'belum siap menerima rombongan' }) }),
    });
  }

  const replan = (batchId: string, originAgency?: string) =>
    stack.api.post(`/v1/repatriation-batches/${batchId}/replan`).set(SPV).set('Idempotency-Key', `replan-${Date.now()}`).send(originAgency ? { originAgency } : {}).expect(200);

  const view = async (caseId: string) => (await stack.api.get(`/v1/cases/${caseId}`)).body.live as {
    stage: string;
    shelter: { leftAt: string | null } | null;
    referral: { facilityCode: string; decision: string } | null;
    transport: { homeDepartedAt: string | null; homeArrivedAt: string | null };
  };

  return { CM, SPV, open, prepare, batch, until, reception, replan, view };
}
