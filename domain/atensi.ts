// ATENSI (Asistensi Rehabilitasi Sosial, Permensos 7/2021): the components a plan chooses from, and settings.

export const ATENSI_COMPONENTS = [
  'dukungan_pemenuhan_hidup_layak', // support for decent living
  'perawatan_sosial_pengasuhan', // social care / parenting
  'dukungan_keluarga', // family support
  'terapi_fisik',
  'terapi_psikososial',
  'terapi_mental_spiritual',
  'pelatihan_vokasional', // vocational training
  'kewirausahaan', // entrepreneurship
  'bantuan_sosial', // social assistance
  'dukungan_aksesibilitas', // accessibility support
] as const;
export type AtensiComponent = (typeof ATENSI_COMPONENTS)[number];

export const CARE_SETTINGS = ['family', 'community', 'residential'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];
