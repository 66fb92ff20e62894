// Words for what a case records between agencies and in its social work: the rapid assessment, the stay
// at an RSJ, family tracing, transfers and hand-overs, the guardian, the plan and its conferences. Each is
// read after a field's name ("bahaya: bagi diri sendiri"), so the words do not repeat the name.
import type { CaseFile, Jurisdiction } from '../case/file';
import type { AdvocacyItem } from '../case/social-work';
import type {
  Capacity,
  CapacityReason,
  ConferenceDecision,
  ConferenceRole,
  Consent,
  Danger,
  DischargeKind,
  FamilyUnreadyReason,
  FundingScheme,
  GuardianBasis,
  HandoverTo,
  ImmediateNeed,
  ObservationResult,
  ReviewDecision,
  StayReviewDecision,
  TracingChannel,
  TracingDecision,
  TracingResult,
  TransferDeclineReason,
} from '../codes';
import type { Words } from './case';

export const DANGER: Record<Danger, Words> = {
  none: ['tidak ada', 'none'],
  self: ['bagi diri sendiri', 'to themselves'],
  others: ['bagi orang lain', 'to others'],
  both: ['bagi diri sendiri dan orang lain', 'to themselves and others'],
};

export const CAPACITY: Record<Capacity, Words> = {
  has_capacity: ['mampu memberi persetujuan', 'able to consent'],
  lacks_capacity: ['belum mampu memberi persetujuan', 'unable to consent'],
};

export const CAPACITY_REASON: Record<CapacityReason, Words> = {
  acute_psychosis: ['psikosis akut', 'acute psychosis'],
  dementia: ['demensia', 'dementia'],
  unconscious: ['tidak sadar', 'unconscious'],
  intellectual_disability: ['disabilitas intelektual', 'intellectual disability'],
  intoxicated: ['di bawah pengaruh zat', 'intoxicated'],
  child_alone: ['anak tanpa pendamping', 'unaccompanied child'],
  other: ['lainnya', 'other'],
};

export const NEED: Record<ImmediateNeed, Words> = {
  medical_care: ['perawatan medis', 'medical care'],
  psychiatric_care: ['perawatan kejiwaan', 'psychiatric care'],
  food: ['makanan', 'food'],
  shelter: ['tempat bernaung', 'shelter'],
  clothing: ['pakaian', 'clothing'],
  hygiene: ['kebersihan diri', 'hygiene'],
  protection: ['perlindungan', 'protection'],
};

export const FUNDING_SCHEME: Record<FundingScheme, Words> = {
  bpjs_pbi: ['BPJS PBI', 'BPJS PBI'],
  jkn_kis: ['JKN-KIS', 'JKN-KIS'],
  jamkesda: ['Jamkesda', 'regional health scheme (Jamkesda)'],
  surat_jaminan: ['surat jaminan Dinas Sosial', 'guarantee letter of the Dinsos'],
};

export const DISCHARGE_KIND: Record<DischargeKind, Words> = {
  stable: ['kondisi stabil', 'stable'],
  own_request: ['atas permintaan sendiri (APS)', 'at own request'],
  referred: ['dirujuk ke fasilitas lain', 'referred on'],
};

export const STAY_REVIEW_DECISION: Record<StayReviewDecision, Words> = {
  continue_funding: ['lanjutkan pembiayaan', 'continue funding'],
  seek_placement: ['carikan penempatan', 'seek a placement'],
};

export const OBSERVATION_RESULT: Record<ObservationResult, Words> = {
  stable: ['stabil', 'stable'],
  needs_further_care: ['perlu perawatan lanjutan', 'needs further care'],
};

export const TRACING_CHANNEL: Record<TracingChannel, Words> = {
  dukcapil_biometric: ['biometrik Dukcapil', 'civil registry biometrics'],
  police: ['kepolisian', 'the police'],
  kelurahan_rt: ['kelurahan/RT', 'kelurahan/RT'],
  social_media: ['media sosial', 'social media'],
  former_employer: ['bekas pemberi kerja', 'a former employer'],
  other: ['lainnya', 'other'],
};

export const TRACING_RESULT: Record<TracingResult, Words> = {
  found: ['keluarga ditemukan', 'family found'],
  lead: ['ada petunjuk', 'a lead'],
  not_found: ['tidak ditemukan', 'not found'],
};

export const UNREADY_REASON: Record<FamilyUnreadyReason, Words> = {
  economy: ['kendala ekonomi', 'economic hardship'],
  refuses: ['keluarga menolak', 'the family refuses'],
  unsafe: ['tidak aman', 'unsafe'],
  unknown: ['belum diketahui', 'not known'],
};

export const TRACING_DECISION: Record<TracingDecision, Words> = {
  continue: ['lanjutkan penelusuran', 'keep tracing'],
  refer_onwards: ['rujuk sambil tetap menelusuri', 'refer on while tracing'],
};

export const DECLINE_REASON: Record<TransferDeclineReason, Words> = {
  no_capacity: ['kapasitas penuh', 'no capacity'],
  outside_mandate: ['di luar kewenangan', 'outside the mandate'],
  report_incomplete: ['laporan sosial belum lengkap', 'social report incomplete'],
  other: ['alasan lain', 'another reason'],
};

export const HANDOVER_TARGET: Record<HandoverTo, Words> = {
  family: ['keluarga', 'the family'],
  origin_dinsos: ['Dinas Sosial daerah asal', 'the home region\'s social affairs office'],
  province: ['Dinas Sosial Provinsi', 'the provincial social affairs office'],
};

export const GUARDIAN_BASIS: Record<GuardianBasis, Words> = {
  temporary_dinsos: ['wali sementara: Dinas Sosial', 'temporary guardian: the Dinsos'],
  temporary_lksa: ['wali sementara: kepala LKSA', 'temporary guardian: the head of the LKSA'],
  court_order: ['penetapan pengadilan', 'court order'],
};

export const JURISDICTION: Record<Jurisdiction, Words> = {
  kabkota: ['kabupaten/kota', 'district or city'],
  province: ['provinsi', 'province'],
  national: ['nasional (Kemensos)', 'national (ministry)'],
};

export const CONSENT: Record<Consent, Words> = {
  client: ['klien', 'the client'],
  family: ['keluarga', 'the family'],
  guardian: ['wali', 'the guardian'],
  not_possible: ['tidak dimungkinkan', 'not possible'],
};

export const REVIEW_DECISION: Record<ReviewDecision, Words> = {
  continue: ['lanjutkan rencana', 'continue the plan'],
  terminate: ['terminasi', 'terminate'],
  revise: ['revisi rencana', 'revise the plan'],
};

export const PLAN_STATUS: Record<NonNullable<CaseFile['plan']>['status'], Words> = {
  submitted: ['menunggu persetujuan', 'awaiting approval'],
  approved: ['disetujui', 'approved'],
  rejected: ['ditolak', 'rejected'],
};

export const ADVOCACY_SOURCE: Record<AdvocacyItem['source'], Words> = {
  staff: ['dibuka petugas', 'opened by staff'],
  assessment: ['dari asesmen', 'from the assessment'],
};

export const CONFERENCE_ROLE: Record<ConferenceRole, Words> = {
  case_manager: ['manajer kasus', 'case manager'],
  supervisor: ['Kepala Seksi', 'supervisor'],
  social_worker: ['pekerja sosial', 'social worker'],
  psychologist: ['psikolog', 'psychologist'],
  doctor: ['dokter', 'doctor'],
  nurse: ['perawat', 'nurse'],
  client: ['klien', 'client'],
  family: ['keluarga', 'family'],
  guardian: ['wali', 'guardian'],
  tksk: ['TKSK', 'TKSK'],
  psm: ['PSM', 'PSM'],
  rt_rw: ['RT/RW', 'RT/RW'],
  police: ['kepolisian', 'police'],
  facility: ['RSJ/fasilitas', 'facility'],
  origin_dinsos: ['Dinas Sosial daerah asal', 'the home region\'s social affairs office'],
  other: ['lainnya', 'other'],
};

export const CONFERENCE_DECISION: Record<ConferenceDecision, Words> = {
  continue_plan: ['lanjutkan rencana', 'continue the plan'],
  revise_plan: ['revisi rencana', 'revise the plan'],
  refer: ['rujuk', 'refer'],
  seek_family: ['cari keluarga', 'seek the family'],
  open_advocacy: ['buka advokasi', 'open advocacy'],
  end_services: ['akhiri layanan', 'end services'],
  other: ['lainnya', 'other'],
};
