// Step 2, assessment of the client and family, within its deadline (2 / 5 / 10 days by risk). Consent
// comes first; a repatriation needs the region of origin and may take the person into the shelter.
import { moveTo } from '../case/changes';
import type { DomainEvent } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { Rules } from '../commands';
import { WORKERS } from '../roles';
import { iso } from '../time';
import type { StepDeadline } from './guards';
import { first, stageIs } from './guards';

export function deadline(file: CaseFile): StepDeadline {
  return { kind: 'assessment', since: file.stepStartedAt };
}

export const commands: Rules<'recordAssessment'> = {
  recordAssessment: {
    roles: WORKERS,
    check(file, cmd) {
      return first(
        stageIs(file, 'assessment'),
        // People in an acute crisis (ODGJ on the street) may be unable to consent; everyone else must.
        cmd.consent === 'not_possible' && file.pathway !== 'odgj' ? 'CONSENT_REQUIRED' : undefined,
        // A child cannot consent alone: a guardian or the family must.
        file.category === 'anak_terlantar' && !['guardian', 'family'].includes(cmd.consent) ? 'CONSENT_REQUIRED' : undefined,
        file.pathway === 'repatriation' && !cmd.originRegionCode ? 'ORIGIN_REGION_REQUIRED' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      const events: DomainEvent[] = [];
      file.assessment = {
        at: iso(ctx.now),
        by: ctx.actor.id,
        consent: cmd.consent,
        familyInvolved: cmd.familyInvolved,
        originRegionCode: cmd.originRegionCode ?? null,
      };
      events.push({ type: 'assessment.recorded', data: { consent: cmd.consent, familyInvolved: cmd.familyInvolved } });
      if (cmd.riskLevel && cmd.riskLevel !== file.riskLevel) {
        events.push({ type: 'risk.changed', data: { from: file.riskLevel, to: cmd.riskLevel } });
        file.riskLevel = cmd.riskLevel;
      }
      if (file.pathway === 'repatriation' && cmd.needsShelter) {
        // The rumah singgah stay has a legal maximum: see the shelter limit in going-home.ts.
        file.shelter = { admittedAt: iso(ctx.now), leftAt: null };
        events.push({ type: 'shelter.admitted', data: {} });
      }
      // ODGJ and repatriation act at once on the assessment; ATENSI plans first, with approval.
      events.push(moveTo(file, file.pathway === 'atensi' ? 'planning' : 'linking', ctx, 'assessment complete'));
      return events;
    },
  },
};
