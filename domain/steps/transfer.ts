// Jurisdiction transfer (rules v3): a hand-over between agencies is a referral the receiver accepts. The
// sender asks a Dinsos Provinsi, a UPTD panti, a Sentra/Balai Kemensos or the origin region's Dinsos to
// take the case, with the laporan sosial; the receiving unit's supervisor accepts (naming its own worker)
// or declines with a reason within the policy's deadline (7 days; it escalates). On acceptance both sides
// sign the BAST; then the case is the receiver's — region, assigned worker and escalation audience move —
// and the sender keeps read-only access for a while (30 days). After a transfer to residential care, an
// ATENSI plan in the residential setting follows, whatever the pathway.
import type { Ctx, DomainEvent } from '../case/changes';
import { moveTo } from '../case/changes';
import type { CaseFile, Jurisdiction } from '../case/file';
import type { Transfer } from '../case/handoffs';
import type { TransferTarget } from '../codes';
import type { Rules } from '../commands';
import { assertNever } from '../exhaustive';
import { escalate } from '../ladder';
import { scaled } from '../policy';
import { SUPERVISORS, WORKERS } from '../roles';
import type { DueContext, Resolvers, Timers } from '../timing';
import { iso, plus } from '../time';
import { first, olderRules } from './guards';

/** The transfer under way (requested or accepted, not yet handed over), if any. */
export const openTransfer = (file: CaseFile): Transfer | undefined => {
  const last = file.transfers.at(-1);
  return last && (last.status === 'requested' || last.status === 'accepted') ? last : undefined;
};

function jurisdictionOf(to: TransferTarget): Jurisdiction {
  switch (to) {
    case 'dinsos_provinsi':
    case 'uptd_panti':
      return 'province';
    case 'sentra_kemensos':
      return 'national';
    case 'origin_dinsos':
      return 'kabkota';
    default:
      return assertNever(to);
  }
}

/** Care where the person lives in: a panti, a UPTD, a Sentra (the Dinsos Provinsi places in one). */
const residential = (to: TransferTarget) => to !== 'origin_dinsos';

/** The BAST signed: the case is the receiver's, and the sender may read it for a while. */
function handOver(file: CaseFile, t: Transfer, ctx: Ctx): DomainEvent[] {
  const from = { region: file.regionCode, jurisdiction: file.jurisdiction, worker: file.assignedWorker };
  file.regionCode = t.regionCode;
  file.jurisdiction = jurisdictionOf(t.to);
  file.assignedWorker = t.receiverWorker;
  file.access = [
    ...file.access.filter((g) => g.mode === 'read' && g.regionCode !== t.regionCode),
    { regionCode: t.fromRegion, mode: 'read', until: plus(ctx.now, scaled(ctx.policy, ctx.policy.fixed.transfer_read_only)) },
  ];
  const events: DomainEvent[] = [
    { type: 'transfer.completed', data: { to: t.to, unitCode: t.unitCode, bast: t.bast!.ref } },
    { type: 'jurisdiction.changed', data: { from: from.jurisdiction, to: file.jurisdiction, fromRegion: from.region, toRegion: file.regionCode } },
    { type: 'case.reassigned', data: { from: from.worker, to: file.assignedWorker } },
  ];
  if (residential(t.to)) {
    file.residentialCare = { unitCode: t.unitCode, since: iso(ctx.now) };
    if (file.shelter && !file.shelter.leftAt) {
      file.shelter.leftAt = iso(ctx.now);
      events.push({ type: 'shelter.left', data: {} });
    }
    // The receiver plans the person's rehabilitation afresh, in its residential setting.
    file.plan = null;
    file.services = [];
    file.nextReviewAt = null;
    file.visits = file.visits.filter((v) => v.doneAt || v.missed || v.kind === 'follow_up');
    events.push(moveTo(file, 'planning', ctx, `transferred to ${t.to}`));
  }
  return events;
}

export const commands: Rules<'requestTransfer' | 'decideTransfer' | 'recordBast'> = {
  requestTransfer: {
    roles: WORKERS,
    check: (file, cmd) =>
      first(
        olderRules(file),
        file.assessment?.laporanSosial ? undefined : 'ASSESSMENT_REQUIRED',
        openTransfer(file) ? 'REQUEST_PENDING' : undefined,
        cmd.to === 'origin_dinsos' && cmd.regionCode === file.regionCode ? 'NO_CHANGE' : undefined,
      ),
    apply(file, cmd, ctx) {
      const t: Transfer = {
        to: cmd.to,
        unitCode: cmd.unitCode,
        regionCode: cmd.regionCode,
        fromRegion: file.regionCode,
        laporanSosial: file.assessment!.laporanSosial!,
        requestedAt: iso(ctx.now),
        requestedBy: ctx.actor.id,
        status: 'requested',
        decidedAt: null,
        decidedBy: null,
        declineReason: null,
        receiverWorker: null,
        bast: null,
      };
      file.transfers.push(t);
      // The receiving unit reads the case (and the laporan sosial) to decide.
      file.access.push({ regionCode: t.regionCode, mode: 'decide_transfer', until: null });
      return [{ type: 'transfer.requested', data: { to: t.to, unitCode: t.unitCode, toRegion: t.regionCode, laporanSosial: t.laporanSosial } }];
    },
  },

  decideTransfer: {
    // The receiving unit's supervisor (the API checks the unit's region); never the one who asked.
    roles: SUPERVISORS,
    check: (file, cmd, ctx) => {
      const t = openTransfer(file);
      return first(
        olderRules(file),
        t?.status === 'requested' ? undefined : 'NOTHING_TO_DECIDE',
        t?.requestedBy === ctx.actor.id ? 'SELF_APPROVAL' : undefined,
        cmd.accept ? (cmd.assignedWorker ? undefined : 'DETAIL_REQUIRED') : cmd.declineReason ? undefined : 'DETAIL_REQUIRED',
      );
    },
    apply(file, cmd, ctx) {
      const t = openTransfer(file)!;
      t.decidedAt = iso(ctx.now);
      t.decidedBy = ctx.actor.id;
      if (!cmd.accept) {
        // Back to the sender, with the reason; it may ask elsewhere.
        t.status = 'declined';
        t.declineReason = cmd.declineReason!;
        file.access = file.access.filter((g) => !(g.mode === 'decide_transfer' && g.regionCode === t.regionCode));
        return [{ type: 'transfer.declined', data: { to: t.to, unitCode: t.unitCode, reason: t.declineReason } }];
      }
      t.status = 'accepted';
      t.receiverWorker = cmd.assignedWorker!;
      return [{ type: 'transfer.accepted', data: { to: t.to, unitCode: t.unitCode, receiverWorker: t.receiverWorker } }];
    },
  },

  recordBast: {
    // Either side records the signed BAST; a patient still at the RSJ is handed over there (picked up).
    roles: WORKERS,
    check: (file) =>
      first(olderRules(file), openTransfer(file)?.status === 'accepted' ? undefined : 'STEP_NOT_READY', file.stay && !file.stay.discharge ? 'STEP_NOT_READY' : undefined),
    apply(file, cmd, ctx) {
      const t = openTransfer(file)!;
      t.status = 'completed';
      t.bast = { ref: cmd.ref, at: iso(ctx.now), by: ctx.actor.id };
      const events: DomainEvent[] = [];
      if (file.stay?.discharge && !file.stay.pickedUpAt) {
        file.stay.pickedUpAt = iso(ctx.now);
        events.push({ type: 'facility.picked_up', data: { facilityCode: file.stay.facilityCode, by: 'receiver' } });
      }
      return [...events, ...handOver(file, t, ctx)];
    },
  },
};

export function due({ file, policy, add }: DueContext): void {
  const t = openTransfer(file);
  if (t?.status === 'requested') add(`transfer:${t.requestedAt}`, plus(t.requestedAt, scaled(policy, policy.fixed.transfer_acceptance)), 'transfer_due');
}

export const timers: Timers<'transfer_due'> = {
  transfer_due: { deadline: true, fire: (file, item) => escalate(file, 'transfer_overdue', openTransfer(file)!.unitCode, item.key, item.at) },
};

export const resolves: Resolvers<'transfer_overdue'> = {
  transfer_overdue: (file, e) => openTransfer(file)?.status !== 'requested' || e.key !== `transfer:${openTransfer(file)!.requestedAt}`,
};

/** A withdrawn case's transfer request is withdrawn with it. */
export function withdrawTransfer(file: CaseFile): DomainEvent[] {
  const t = openTransfer(file);
  if (!t) return [];
  t.status = 'withdrawn';
  file.access = file.access.filter((g) => g.mode !== 'decide_transfer');
  return [{ type: 'transfer.withdrawn', data: { to: t.to, unitCode: t.unitCode } }];
}
