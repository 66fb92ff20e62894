// ATENSI (Asistensi Rehabilitasi Sosial, Permensos 7/2021): the components a plan chooses from, and settings.
import { renamedCodes } from './renamed-codes';

/**
 * The regulation's seven components in its own words. Two are split so that a plan says which part it
 * gives: terapi (fisik, psikososial, mental spiritual), and pelatihan vokasional / pembinaan kewirausahaan.
 */
export const ATENSI_COMPONENTS = [
  'dukungan_pemenuhan_kebutuhan_hidup_layak',
  'perawatan_sosial_dan_pengasuhan_anak',
  'dukungan_keluarga',
  'terapi_fisik',
  'terapi_psikososial',
  'terapi_mental_spiritual',
  'pelatihan_vokasional',
  'pembinaan_kewirausahaan',
  'bantuan_sosial_dan_asistensi_sosial',
  'dukungan_aksesibilitas',
] as const;
/** A component as a plan is given it today. */
export type CurrentAtensiComponent = (typeof ATENSI_COMPONENTS)[number];

/**
 * Codes from before the regulation's wording was followed (#13), and the component each one always meant.
 * Plans submitted earlier keep them in their workflow state and recorded history, so they stay readable;
 * what Sigap shows or sends on is the current code.
 */
export const LEGACY_ATENSI_COMPONENTS = {
  dukungan_pemenuhan_hidup_layak: 'dukungan_pemenuhan_kebutuhan_hidup_layak',
  perawatan_sosial_pengasuhan: 'perawatan_sosial_dan_pengasuhan_anak',
  kewirausahaan: 'pembinaan_kewirausahaan',
  bantuan_sosial: 'bantuan_sosial_dan_asistensi_sosial',
} as const satisfies Record<string, CurrentAtensiComponent>;
export type LegacyAtensiComponent = keyof typeof LEGACY_ATENSI_COMPONENTS;

/** Every code a case file (or a command replayed from its history) may hold: current or legacy. */
export type AtensiComponent = CurrentAtensiComponent | LegacyAtensiComponent;

const renamed = renamedCodes(LEGACY_ATENSI_COMPONENTS);
export const isLegacyComponent = renamed.isLegacy;
/** The current code for a component stored under any code (an unknown one stays as it is). */
export const shownComponent = renamed.shown;

/** The current code for a component, whichever code it was stored under. */
export function currentComponent(code: AtensiComponent): CurrentAtensiComponent {
  return renamed.shown(code) as CurrentAtensiComponent;
}

export const CARE_SETTINGS = ['family', 'community', 'residential'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];
