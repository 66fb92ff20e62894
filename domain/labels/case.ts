// Words for the codes a case carries, in Bahasa Indonesia and English: [id, en]. Typed by each list of
// codes, so a code added to a list without its words does not compile.
import type { AtensiComponent, CareSetting } from '../atensi';
import type { Category, Pathway, RiskLevel } from '../categories';
import type {
  AdvocacyKind,
  AdvocacyOutcome,
  AdvocacyStatus,
  ClosureOutcome,
  EvaluationOutcome,
  ExternalParty,
  PartnerCallKind,
  ReferralPartner,
  ReportChannel,
  TransferStatus,
  TransferTarget,
  TransportLeg,
  VisitKind,
} from '../codes';
import type { CaseStatus, Stage } from '../stages';

export type Words = readonly [id: string, en: string];

export const CATEGORY: Record<Category, Words> = {
  odgj_terlantar: ['ODGJ terlantar', 'abandoned person with a mental disorder'],
  orang_terlantar: ['orang terlantar', 'stranded person'],
  disabilitas_terlantar: ['penyandang disabilitas terlantar', 'abandoned person with a disability'],
  lansia_terlantar: ['lanjut usia terlantar', 'abandoned elderly person'],
  anak_terlantar: ['anak terlantar', 'abandoned child'],
  tuna_sosial: ['tuna sosial', 'homeless person'],
  korban_perdagangan_orang: ['korban perdagangan orang', 'victim of trafficking'],
  korban_napza: ['korban NAPZA', 'victim of drug abuse'],
  korban_bencana_dan_kedaruratan: ['korban bencana dan kedaruratan', 'victim of a disaster or emergency'],
  korban_bencana: ['korban bencana dan kedaruratan', 'victim of a disaster or emergency'],
};

export const STAGE: Record<Stage, Words> = {
  identification: ['identifikasi', 'identification'],
  assessment: ['asesmen', 'assessment'],
  planning: ['perencanaan', 'planning'],
  linking: ['rujukan dan penghubungan', 'referral and linking'],
  implementation: ['pelaksanaan', 'implementation'],
  monitoring: ['pemantauan', 'monitoring'],
  evaluation: ['evaluasi', 'evaluation'],
  closed: ['ditutup', 'closed'],
};

export const STATUS: Record<CaseStatus, Words> = {
  open: ['berjalan', 'open'],
  closed: ['ditutup', 'closed'],
  withdrawn: ['dibatalkan', 'withdrawn'],
};

export const PATHWAY: Record<Pathway, Words> = {
  odgj: ['perawatan di RSJ', 'care at a psychiatric hospital'],
  medical: ['perawatan di rumah sakit/puskesmas', 'care at a hospital or health centre'],
  shelter: ['rumah singgah', 'shelter'],
  repatriation: ['pemulangan ke daerah asal', 'return to the home region'],
  atensi: ['rehabilitasi ATENSI', 'ATENSI rehabilitation'],
};

export const RISK: Record<RiskLevel, Words> = {
  high: ['tinggi', 'high'],
  medium: ['sedang', 'medium'],
  low: ['rendah', 'low'],
};

export const CHANNEL: Record<ReportChannel, Words> = {
  public: ['masyarakat', 'the public'],
  family: ['keluarga', 'the family'],
  satpol_pp: ['Satpol PP', 'Satpol PP'],
  police: ['kepolisian', 'the police'],
  hospital: ['rumah sakit', 'a hospital'],
  puskesmas: ['puskesmas', 'a health centre'],
  tksk: ['TKSK', 'a TKSK'],
  psm: ['PSM', 'a PSM'],
  kelurahan: ['kelurahan', 'the kelurahan'],
  call_centre: ['call center', 'the call centre'],
  social_media: ['media sosial', 'social media'],
  outreach: ['penjangkauan Dinsos', 'Dinsos outreach'],
  other_agency: ['instansi lain', 'another agency'],
};

export const VISIT_KIND: Record<VisitKind, Words> = {
  follow_up: ['kunjungan tindak lanjut', 'follow-up visit'],
  monitoring: ['kunjungan pemantauan', 'monitoring visit'],
  facility: ['kunjungan pendamping ke RSJ', 'visit at the psychiatric hospital'],
};

export const CLOSURE_OUTCOME: Record<ClosureOutcome, Words> = {
  goals_reached: ['tujuan tercapai', 'goals reached'],
  returned_to_family: ['kembali ke keluarga', 'returned to the family'],
  repatriated: ['dipulangkan ke daerah asal', 'returned to the home region'],
  referred: ['dirujuk ke lembaga lain', 'referred on'],
  ran_away: ['melarikan diri', 'ran away'],
  refused_services: ['menolak layanan', 'refused services'],
  deceased: ['meninggal dunia', 'died'],
  not_found: ['tidak ditemukan', 'never found'],
  lost_contact: ['hilang kontak', 'contact lost'],
  other: ['lainnya', 'other'],
  reunified: ['kembali ke keluarga', 'returned to the family'],
  rehabilitated: ['tujuan tercapai', 'goals reached'],
  transferred: ['dirujuk ke lembaga lain', 'referred on'],
};

export const EVALUATION_OUTCOME: Record<EvaluationOutcome, Words> = {
  goals_met: ['tujuan tercapai', 'goals met'],
  partially_met: ['tercapai sebagian', 'partly met'],
  not_met: ['tidak tercapai', 'not met'],
};

export const ATENSI_COMPONENT: Record<AtensiComponent, Words> = {
  dukungan_pemenuhan_kebutuhan_hidup_layak: ['dukungan pemenuhan kebutuhan hidup layak', 'support for a decent living'],
  perawatan_sosial_dan_pengasuhan_anak: ['perawatan sosial dan/atau pengasuhan anak', 'social care and child care'],
  dukungan_keluarga: ['dukungan keluarga', 'family support'],
  terapi_fisik: ['terapi fisik', 'physical therapy'],
  terapi_psikososial: ['terapi psikososial', 'psychosocial therapy'],
  terapi_mental_spiritual: ['terapi mental spiritual', 'mental and spiritual therapy'],
  pelatihan_vokasional: ['pelatihan vokasional', 'vocational training'],
  pembinaan_kewirausahaan: ['pembinaan kewirausahaan', 'entrepreneurship coaching'],
  bantuan_sosial_dan_asistensi_sosial: ['bantuan sosial dan asistensi sosial', 'social assistance'],
  dukungan_aksesibilitas: ['dukungan aksesibilitas', 'accessibility support'],
  dukungan_pemenuhan_hidup_layak: ['dukungan pemenuhan kebutuhan hidup layak', 'support for a decent living'],
  perawatan_sosial_pengasuhan: ['perawatan sosial dan/atau pengasuhan anak', 'social care and child care'],
  kewirausahaan: ['pembinaan kewirausahaan', 'entrepreneurship coaching'],
  bantuan_sosial: ['bantuan sosial dan asistensi sosial', 'social assistance'],
};

export const CARE_SETTING: Record<CareSetting, Words> = {
  family: ['dalam keluarga', 'in the family'],
  community: ['berbasis masyarakat', 'in the community'],
  residential: ['dalam lembaga (panti)', 'residential'],
};

export const ADVOCACY_KIND: Record<AdvocacyKind, Words> = {
  civil_documents: ['dokumen kependudukan (NIK, KK, akta)', 'civil documents (NIK, KK, certificates)'],
  health_insurance: ['jaminan kesehatan (BPJS PBI/KIS)', 'health insurance (BPJS PBI/KIS)'],
  dtsen_registration: ['pendaftaran DTSEN', 'DTSEN registration'],
  legal_aid: ['bantuan hukum', 'legal aid'],
  guardianship: ['perwalian', 'guardianship'],
  other: ['advokasi lain', 'other advocacy'],
};

export const ADVOCACY_STATUS: Record<AdvocacyStatus, Words> = {
  open: ['terbuka', 'open'],
  in_progress: ['sedang diupayakan', 'in progress'],
  closed: ['selesai', 'closed'],
  waived: ['dikesampingkan', 'waived'],
};

export const ADVOCACY_OUTCOME: Record<AdvocacyOutcome, Words> = {
  achieved: ['berhasil', 'achieved'],
  partly_achieved: ['berhasil sebagian', 'partly achieved'],
  not_achieved: ['tidak berhasil', 'not achieved'],
};

export const REFERRAL_PARTNER: Record<ReferralPartner, Words> = {
  rsj: ['rumah sakit jiwa', 'psychiatric hospital'],
  hospital: ['rumah sakit/puskesmas', 'hospital or health centre'],
  panti: ['panti', 'residential home'],
  origin_dinsos: ['Dinas Sosial daerah asal', 'the home region\'s social affairs office'],
};

export const TRANSFER_TARGET: Record<TransferTarget, Words> = {
  dinsos_provinsi: ['Dinas Sosial Provinsi', 'provincial social affairs office'],
  uptd_panti: ['UPTD panti', 'provincial residential home'],
  sentra_kemensos: ['Sentra Kemensos', 'Ministry of Social Affairs centre'],
  origin_dinsos: ['Dinas Sosial daerah asal', 'the home region\'s social affairs office'],
};

export const TRANSFER_STATUS: Record<TransferStatus, Words> = {
  requested: ['menunggu keputusan penerima', 'awaiting the receiver\'s decision'],
  accepted: ['diterima', 'accepted'],
  declined: ['ditolak', 'declined'],
  completed: ['sudah diserahterimakan', 'handed over'],
  withdrawn: ['dibatalkan', 'withdrawn'],
};

export const TRANSPORT_LEG: Record<TransportLeg, Words> = {
  to_facility: ['perjalanan ke RSJ/rumah sakit', 'trip to the hospital'],
  from_facility: ['penjemputan dari RSJ/rumah sakit', 'pick-up from the hospital'],
  home: ['perjalanan pulang', 'trip home'],
};

export const EXTERNAL_PARTY: Record<ExternalParty, Words> = {
  rsj: ['rumah sakit jiwa', 'psychiatric hospital'],
  hospital: ['rumah sakit', 'hospital'],
  police: ['kepolisian', 'police'],
  civil_registry: ['Dukcapil', 'civil registry'],
  court: ['pengadilan', 'court'],
  other_agency: ['instansi lain', 'another agency'],
};

export const PARTNER_CALL: Record<PartnerCallKind, Words> = {
  'referral.admit': ['permohonan rujukan ke fasilitas', 'referral request to the facility'],
  'transport.book': ['pemesanan transportasi', 'transport booking'],
  'transport.cancel': ['pembatalan transportasi', 'transport cancellation'],
  'tracing.lookup': ['penelusuran identitas di Dukcapil', 'identity lookup at the civil registry'],
};
