// Case categories (clusters of PPKS), risk levels and the pathway each category follows by default.
import { assertNever } from './exhaustive';
import { renamedCodes } from './renamed-codes';

export const CATEGORIES = [
  'odgj_terlantar',
  'orang_terlantar',
  'disabilitas_terlantar',
  'lansia_terlantar',
  'anak_terlantar',
  'tuna_sosial',
  'korban_perdagangan_orang',
  'korban_napza',
  // Victims of disasters and emergencies (korban bencana dan kedaruratan).
  'korban_bencana_dan_kedaruratan',
] as const;
/** A category as intake or a pathway decision gives it today. */
export type CurrentCategory = (typeof CATEGORIES)[number];

/**
 * Codes from before #13, and the category each one always meant. Cases opened earlier keep them in their
 * file, their history and their SigapCategory search attribute; what Sigap shows is the current code.
 */
export const LEGACY_CATEGORIES = {
  korban_bencana: 'korban_bencana_dan_kedaruratan',
} as const satisfies Record<string, CurrentCategory>;
export type LegacyCategory = keyof typeof LEGACY_CATEGORIES;

/** Every code a case file (or its history) may hold: current or legacy. */
export type Category = CurrentCategory | LegacyCategory;

const renamed = renamedCodes(LEGACY_CATEGORIES);
export const isLegacyCategory = renamed.isLegacy;
/** The current code for a category stored under any code (an unknown one stays as it is). */
export const shownCategory = renamed.shown;

/** The current code for a category, whichever code it was stored under. */
export function currentCategory(code: Category): CurrentCategory {
  return renamed.shown(code) as CurrentCategory;
}

/** Every code a case of this category may be stored under (the current one first): what a filter matches. */
export function storedCodesOf(code: Category): Category[] {
  const current = currentCategory(code);
  return [current, ...(Object.keys(LEGACY_CATEGORIES) as LegacyCategory[]).filter((legacy) => LEGACY_CATEGORIES[legacy] === current)];
}

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
    case 'korban_bencana_dan_kedaruratan':
    case 'korban_bencana':
      return 'atensi';
    default:
      return assertNever(category);
  }
}
