// Step 2, assessment. Rules v3 split it as practice does: a rapid assessment inside the first-response
// window (safety, medical emergency, capacity to consent, immediate needs), then the supervisor's pathway
// decision (RSJ, hospital/puskesmas then home, shelter, repatriation, ATENSI — and the category, when the
// first picture was wrong), then the comprehensive assessment of client and family after stabilisation,
// which produces the laporan sosial every later hand-over carries. For RSJ and hospital care that comes
// during or after the stay; for the others, within the assessment deadline. Rules v1/v2: one assessment
// of client and family within 2/5/10 days of the first response.
import type { Ctx, DomainEvent } from '../case/changes';
import { moveTo } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { Consent } from '../codes';
import type { Rules } from '../commands';
import { SUPERVISORS, WORKERS } from '../roles';
import { iso } from '../time';
import type { StepDeadline } from './guards';
import { first, isChild, olderRules, pathwayDecided, stageIs } from './guards';
import { openFromAssessment } from './advocacy';
import { inFacilityCare } from './facility-care';

export function deadline(file: CaseFile): StepDeadline {
  if (file.rules < 3 || pathwayDecided(file)) {
    const decidedAt = file.pathwayDecisions.at(-1)?.at;
    return { kind: 'assessment', since: decidedAt && decidedAt > file.stepStartedAt ? decidedAt : file.stepStartedAt };
  }
  if (!file.rapidAssessment) return { kind: 'rapid_assessment', since: file.stepStartedAt };
  return { kind: 'pathway_decision', since: file.rapidAssessment.at };
}

/** Rules v3: where the comprehensive assessment may be recorded, and where it then takes the case. */
function comprehensiveRefusal(file: CaseFile) {
  if (file.rules < 3) return stageIs(file, 'assessment');
  if (inFacilityCare(file)) return first(stageIs(file, 'implementation', 'monitoring'), file.assessment ? 'ALREADY_RECORDED' : undefined);
  return first(stageIs(file, 'assessment'), pathwayDecided(file) ? undefined : 'PATHWAY_NOT_DECIDED');
}

function nextStageAfterAssessment(file: CaseFile, ctx: Ctx): DomainEvent[] {
  switch (file.pathway) {
    case 'atensi':
      return [moveTo(file, 'planning', ctx, 'assessment complete')];
    case 'repatriation':
      return [moveTo(file, 'linking', ctx, 'assessment complete')];
    case 'shelter':
      return [moveTo(file, 'implementation', ctx, 'assessment complete')];
    case 'odgj':
    case 'medical':
      // v1/v2 ODGJ acts at once on the assessment; v3 assesses during or after the stay, in place.
      return file.rules >= 3 ? [] : [moveTo(file, 'linking', ctx, 'assessment complete')];
  }
}

/** Who may consent to the assessment (and what must stand in for consent when nobody can). */
function consentRefusal(file: CaseFile, consent: Consent) {
  // Rules v5: "cannot consent" in any cluster — a lansia with dementia, an unconscious disaster victim, an
  // ODGJ in acute psychosis — but only on a supervisor's best-interest decision.
  if (file.rules >= 5 && consent === 'not_possible') return file.bestInterest ? undefined : 'BEST_INTEREST_REQUIRED';
  // Rules v6: a guardian consents only once appointed (a wali sementara for a child without family).
  if (file.rules >= 6 && consent === 'guardian') return file.guardian ? undefined : 'GUARDIAN_REQUIRED';
  if (file.rules >= 5) return undefined;
  // v3/v4: people in an acute crisis (ODGJ on the street) may be unable to consent; everyone else must.
  return consent === 'not_possible' && file.pathway !== 'odgj' ? 'CONSENT_REQUIRED' : undefined;
}

export const commands: Rules<'recordRapidAssessment' | 'decidePathway' | 'decideBestInterest' | 'recordAssessment' | 'appointGuardian'> = {
  recordRapidAssessment: {
    roles: WORKERS,
    check: (file, cmd) =>
      first(
        olderRules(file),
        stageIs(file, 'identification', 'assessment'),
        file.rapidAssessment || pathwayDecided(file) ? 'ALREADY_RECORDED' : undefined,
        cmd.capacity === 'lacks_capacity' && !cmd.capacityReason ? 'DETAIL_REQUIRED' : undefined,
      ),
    apply(file, cmd, ctx) {
      const events: DomainEvent[] = [];
      if (file.stage === 'identification') {
        // On the spot, the rapid assessment is the first response.
        file.acknowledgedAt = iso(ctx.now);
        file.assignedWorker ??= ctx.actor.role === 'case_manager' ? ctx.actor.id : null;
        events.push({ type: 'case.acknowledged', data: { assignedWorker: file.assignedWorker } }, moveTo(file, 'assessment', ctx, 'first response made'));
      }
      const { danger, medicalEmergency, capacity, needs } = cmd;
      file.rapidAssessment = { at: iso(ctx.now), by: ctx.actor.id, danger, medicalEmergency, capacity, capacityReason: cmd.capacityReason ?? null, needs };
      events.push({ type: 'rapid_assessment.recorded', data: { danger, medicalEmergency, capacity, capacityReason: cmd.capacityReason ?? null, needs: needs.join(',') } });
      return events;
    },
  },

  decidePathway: {
    // The first decision after the rapid assessment; a later one only from the shelter, once assessed.
    roles: SUPERVISORS,
    check(file, cmd) {
      const firstDecision = !pathwayDecided(file);
      return first(
        olderRules(file),
        file.group ? 'GROUP_TRIP' : undefined,
        firstDecision ? stageIs(file, 'assessment') : file.pathway === 'shelter' ? stageIs(file, 'implementation') : 'WRONG_PATHWAY',
        firstDecision && !file.rapidAssessment ? 'STEP_NOT_READY' : undefined,
        !firstDecision && cmd.pathway === 'shelter' ? 'NO_CHANGE' : undefined,
        !firstDecision && cmd.pathway === 'repatriation' && !file.assessment?.originRegionCode ? 'ORIGIN_REGION_REQUIRED' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      const events: DomainEvent[] = [];
      const category = cmd.category ?? file.category;
      if (category !== file.category) {
        events.push({ type: 'category.changed', data: { from: file.category, to: category } });
        file.category = category;
      }
      events.push({ type: 'pathway.decided', data: { from: file.pathway, pathway: cmd.pathway } });
      const fromShelter = pathwayDecided(file);
      file.pathway = cmd.pathway;
      file.pathwayDecisions.push({ at: iso(ctx.now), by: ctx.actor.id, pathway: cmd.pathway, category });
      if (cmd.pathway === 'shelter' && (!file.shelter || file.shelter.leftAt)) {
        file.shelter = { admittedAt: iso(ctx.now), leftAt: null };
        events.push({ type: 'shelter.admitted', data: {} });
      }
      // Facility care starts with the referral; the others with (or, from the shelter, after) the assessment.
      if (cmd.pathway === 'odgj' || cmd.pathway === 'medical') events.push(moveTo(file, 'linking', ctx, 'pathway decided'));
      else if (fromShelter) events.push(...nextStageAfterAssessment(file, ctx));
      else file.stepStartedAt = iso(ctx.now);
      return events;
    },
  },

  decideBestInterest: {
    // The supervisor decides, on the capacity reason the workers found, before the comprehensive assessment.
    roles: SUPERVISORS,
    check: (file) => first(file.rules >= 5 ? undefined : 'NO_CHANGE', file.assessment ? 'ALREADY_RECORDED' : undefined, file.bestInterest ? 'NO_CHANGE' : undefined),
    apply(file, cmd, ctx) {
      file.bestInterest = { at: iso(ctx.now), by: ctx.actor.id, capacityReason: cmd.capacityReason };
      return [{ type: 'best_interest.decided', data: { capacityReason: cmd.capacityReason } }];
    },
  },

  recordAssessment: {
    roles: WORKERS,
    check(file, cmd, ctx) {
      return first(
        comprehensiveRefusal(file),
        consentRefusal(file, cmd.consent),
        // A child cannot consent alone: a guardian or the family must (rules v6: any child, whatever the cluster).
        (file.rules >= 6 ? isChild(file, ctx.now) : file.category === 'anak_terlantar') && !['guardian', 'family'].includes(cmd.consent) ? 'CONSENT_REQUIRED' : undefined,
        file.pathway === 'repatriation' && !cmd.originRegionCode ? 'ORIGIN_REGION_REQUIRED' : undefined,
        file.rules >= 3 && cmd.familyReady === false && !cmd.familyReason ? 'DETAIL_REQUIRED' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      const events: DomainEvent[] = [];
      const at = iso(ctx.now);
      file.assessment = { at, by: ctx.actor.id, consent: cmd.consent, familyInvolved: cmd.familyInvolved, originRegionCode: cmd.originRegionCode ?? null };
      if (file.rules >= 3) {
        Object.assign(file.assessment, {
          laporanSosial: `LS-${file.caseId.slice(0, 8)}-${at.slice(0, 10).replace(/-/g, '')}`,
          familyReady: cmd.familyReady ?? null,
          familyReason: cmd.familyReady === false ? cmd.familyReason! : null,
        });
      }
      events.push({
        type: 'assessment.recorded',
        data: { consent: cmd.consent, familyInvolved: cmd.familyInvolved, ...(file.assessment.laporanSosial ? { laporanSosial: file.assessment.laporanSosial } : {}) },
      });
      if (cmd.riskLevel && cmd.riskLevel !== file.riskLevel) {
        events.push({ type: 'risk.changed', data: { from: file.riskLevel, to: cmd.riskLevel } });
        file.riskLevel = cmd.riskLevel;
      }
      if (file.pathway === 'repatriation' && cmd.needsShelter && (!file.shelter || file.shelter.leftAt)) {
        // The rumah singgah stay has a legal maximum: see the shelter limit in going-home.ts.
        file.shelter = { admittedAt: at, leftAt: null };
        events.push({ type: 'shelter.admitted', data: {} });
      }
      events.push(...openFromAssessment(file, cmd.advocacy, ctx));
      events.push(...nextStageAfterAssessment(file, ctx));
      return events;
    },
  },

  appointGuardian: {
    // A child without family gets a wali sementara (the Dinsos, or the head of the LKSA caring for them)
    // until a court decides; anyone may have a court-appointed guardian (perwalian, pengampuan).
    roles: SUPERVISORS,
    check: (file, cmd, ctx) =>
      first(
        file.rules >= 6 ? undefined : 'OLDER_RULES',
        cmd.basis !== 'court_order' && !isChild(file, ctx.now) ? 'NOT_A_CHILD' : undefined,
        file.guardian?.basis === cmd.basis ? 'NO_CHANGE' : undefined,
      ),
    apply(file, cmd, ctx) {
      file.guardian = { basis: cmd.basis, at: iso(ctx.now), by: ctx.actor.id };
      return [{ type: 'guardian.appointed', data: { basis: cmd.basis } }];
    },
  },
};
