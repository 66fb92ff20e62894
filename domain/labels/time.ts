// Words for what a case waits for: step deadlines, the moments timers stand for, and why a case
// escalated, with what to do next — what a reminder or an escalation notice tells the person who acts.
import type { EscalationReason } from '../codes';
import type { DeadlineKind } from '../policy';
import type { Trigger } from '../timing';
import type { Words } from './case';

export const DEADLINE: Record<DeadlineKind, Words> = {
  first_response: ['tanggapan pertama', 'first response'],
  rapid_assessment: ['asesmen cepat', 'rapid assessment'],
  pathway_decision: ['keputusan alur penanganan oleh Kasi', 'the supervisor\'s pathway decision'],
  assessment: ['asesmen komprehensif', 'comprehensive assessment'],
  plan_approval: ['persetujuan rencana intervensi', 'plan approval'],
  referral_acceptance: ['penerimaan rujukan', 'referral acceptance'],
  observation: ['masa observasi', 'observation period'],
  observation_extension_cap: ['batas perpanjangan observasi', 'observation extension limit'],
  shelter_stay: ['batas tinggal di rumah singgah', 'shelter stay limit'],
  family_tracing: ['penelusuran keluarga', 'family tracing'],
  origin_acceptance: ['penerimaan oleh daerah asal', 'acceptance by the home region'],
  plan_review: ['telaah rencana 90 hari', '90-day plan review'],
  monitoring_interval: ['pemantauan bulanan', 'monthly monitoring'],
  stalled_after: ['kasus tanpa kegiatan', 'case without activity'],
  visit_grace: ['tenggang kunjungan', 'visit grace period'],
  visit_early: ['kunjungan lebih awal', 'early visit'],
  reopen_window: ['masa pembukaan kembali', 'reopening window'],
  integration_budget: ['batas waktu layanan mitra', 'partner service time limit'],
  group_departure: ['keberangkatan rombongan', 'group departure'],
  pickup: ['penjemputan dari RSJ', 'pick-up from the hospital'],
  funding_guarantee: ['jaminan pembiayaan', 'funding guarantee'],
  facility_visit_interval: ['kunjungan ke RSJ', 'visit at the hospital'],
  long_stay_review: ['telaah rawat inap panjang', 'long stay review'],
  transfer_acceptance: ['keputusan penerima alih kelola', 'the receiver\'s transfer decision'],
  transfer_read_only: ['masa baca setelah alih kelola', 'read-only period after a transfer'],
  absence_search: ['masa pencarian', 'search period'],
};

/** What each moment is, as a timer's summary in the Temporal UI says it. */
export const MOMENT: Record<Trigger, Words> = {
  reminder: ['pengingat separuh waktu', 'half-time reminder'],
  deadline: ['batas waktu', 'deadline'],
  ladder: ['naik tingkat eskalasi', 'next escalation level'],
  stalled: ['pemeriksaan kasus tanpa kegiatan', 'check for a case without activity'],
  external_overdue: ['tanggal janji pihak luar', 'outside party\'s date'],
  observation_end: ['akhir masa observasi', 'end of observation'],
  tracing_due: ['keputusan penelusuran keluarga', 'family tracing decision'],
  shelter_limit: ['batas 14 hari rumah singgah', '14-day shelter limit'],
  visit_due: ['jadwal kunjungan', 'visit due'],
  visit_missed: ['kunjungan terlewat', 'visit missed'],
  review_due: ['jadwal telaah 90 hari', '90-day review due'],
  review_missed: ['telaah terlewat', 'review missed'],
  service_overdue: ['batas layanan selesai', 'service due'],
  service_link_overdue: ['batas layanan dihubungkan', 'service to be linked'],
  advocacy_overdue: ['target advokasi', 'advocacy target'],
  search_ended: ['akhir masa pencarian', 'end of the search period'],
  archive: ['pengarsipan kasus', 'archiving'],
  facility_silent: ['kabar dari RSJ', 'word from the hospital'],
  funding_due: ['batas jaminan pembiayaan', 'funding guarantee due'],
  long_stay: ['telaah rawat inap panjang', 'long stay review'],
  pickup_due: ['batas penjemputan', 'pick-up due'],
  transfer_due: ['batas keputusan alih kelola', 'transfer decision due'],
};

/** Why a case escalated, and what the person told should do about it. */
export const ESCALATION: Record<EscalationReason, { what: Words; todo: Words }> = {
  deadline: { what: ['batas waktu langkah terlewat', 'a step\'s deadline passed'], todo: ['selesaikan langkah ini atau minta perpanjangan', 'complete the step or ask for an extension'] },
  stalled: { what: ['tidak ada kegiatan selama 7 hari', 'no activity for 7 days'], todo: ['catat tindakan berikutnya pada kasus', 'record the next action on the case'] },
  visit_missed: { what: ['kunjungan terlewat', 'a visit was missed'], todo: ['lakukan dan catat kunjungan', 'make and record the visit'] },
  review_missed: { what: ['telaah 90 hari terlewat', 'the 90-day review was missed'], todo: ['lakukan telaah rencana', 'review the plan'] },
  service_overdue: { what: ['layanan belum selesai/terhubung', 'a service is late'], todo: ['hubungkan atau selesaikan layanan, atau revisi rencana', 'link or deliver the service, or revise the plan'] },
  shelter_limit: { what: ['batas 14 hari rumah singgah', 'the 14-day shelter limit'], todo: ['putuskan langkah berikutnya', 'decide the next step'] },
  external_overdue: { what: ['pihak luar melewati janjinya', 'an outside party is late'], todo: ['hubungi pihak tersebut', 'contact that party'] },
  integration_stalled: { what: ['layanan mitra tidak menjawab', 'a partner service does not answer'], todo: ['hubungi mitra secara langsung', 'contact the partner directly'] },
  facility_silent: { what: ['RSJ belum memberi kabar', 'no word from the hospital'], todo: ['tanyakan status pasien ke RSJ', 'ask the hospital about the patient'] },
  pickup_overdue: { what: ['pasien belum dijemput', 'the patient has not been picked up'], todo: ['jemput pasien dari RSJ', 'pick the patient up'] },
  long_stay: { what: ['rawat inap panjang', 'a long stay'], todo: ['telaah pembiayaan dan penempatan', 'review funding and placement'] },
  funding_missing: { what: ['jaminan pembiayaan belum ada', 'no funding guarantee'], todo: ['urus BPJS PBI atau surat jaminan', 'arrange BPJS PBI or a guarantee letter'] },
  tracing_overdue: { what: ['keputusan penelusuran keluarga tertunda', 'the tracing decision is late'], todo: ['putuskan: lanjut menelusuri atau rujuk', 'decide: keep tracing or refer on'] },
  transfer_overdue: { what: ['penerima belum memutuskan alih kelola', 'the receiver has not decided the transfer'], todo: ['putuskan permohonan alih kelola', 'decide the transfer request'] },
  partner_report: { what: ['laporan mitra bertentangan dengan kasus', 'a partner report contradicts the case'], todo: ['periksa laporan mitra', 'check the partner\'s report'] },
  advocacy_overdue: { what: ['target advokasi terlewat', 'an advocacy target passed'], todo: ['lanjutkan advokasi atau minta Kasi mengesampingkannya', 'pursue it or ask the Kasi to waive it'] },
};
