// Case categories (clusters of PPKS), risk levels and the pathway each category follows by default.
import { assertNever } from './exhaustive';

export const CATEGORIES = [
  'odgj_terlantar',
  'orang_terlantar',
  'disabilitas_terlantar',
  'lansia_terlantar',
  'anak_terlantar',
  'tuna_sosial',
  'korban_perdagangan_orang',
  'korban_napza',
  'korban_bencana',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * How a case is handled: RSJ care (`odgj`), care at a general hospital or puskesmas and then home
 * (`medical`), a stay at the rumah singgah while the next step is found (`shelter`), repatriation, or
 * rehabilitation under ATENSI. Intake proposes one; the supervisor decides after the rapid assessment.
 */
export const PATHWAYS = ['odgj', 'medical', 'shelter', 'repatriation', 'atensi'] as const;
export type Pathway = (typeof PATHWAYS)[number];

/** The pathway a category follows unless intake chooses another one. */
export function defaultPathway(category: Category): Pathway {
  switch (category) {
    case 'odgj_terlantar':
      return 'odgj';
    case 'orang_terlantar':
      return 'repatriation';
    case 'disabilitas_terlantar':
    case 'lansia_terlantar':
    case 'anak_terlantar':
    case 'tuna_sosial':
    case 'korban_perdagangan_orang':
    case 'korban_napza':
    case 'korban_bencana':
      return 'atensi';
    default:
      return assertNever(category);
  }
}
