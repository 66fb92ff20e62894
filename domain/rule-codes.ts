// Stable codes for refused commands, with messages in Bahasa Indonesia and English. Shared by the workflow
// validators (which refuse) and the API (which explains), so both sides say the same thing.

export const RULE_MESSAGES = {
  ROLE_NOT_ALLOWED: {
    id: 'Peran Anda tidak berwenang melakukan tindakan ini pada kasus.',
    en: 'Your role may not perform this action on the case.',
  },
  WRONG_STAGE: {
    id: 'Tindakan ini tidak berlaku pada tahap kasus saat ini.',
    en: 'This action does not apply at the case’s current stage.',
  },
  WRONG_PATHWAY: {
    id: 'Tindakan ini tidak berlaku untuk alur penanganan kasus ini.',
    en: 'This action does not apply to this case’s pathway.',
  },
  STEP_NOT_READY: {
    id: 'Langkah sebelumnya belum selesai.',
    en: 'An earlier step has not been completed yet.',
  },
  CASE_NOT_OPEN: {
    id: 'Kasus sudah ditutup atau dibatalkan.',
    en: 'The case is closed or withdrawn.',
  },
  ALREADY_ACKNOWLEDGED: {
    id: 'Kasus sudah ditanggapi.',
    en: 'The case has already been acknowledged.',
  },
  ALREADY_RECORDED: {
    id: 'Hal ini sudah dicatat sebelumnya.',
    en: 'This has already been recorded.',
  },
  CONSENT_REQUIRED: {
    id: 'Persetujuan klien, keluarga atau wali diperlukan untuk langkah ini.',
    en: 'Consent from the client, family or guardian is required for this step.',
  },
  ORIGIN_REGION_REQUIRED: {
    id: 'Daerah asal wajib diisi untuk pemulangan.',
    en: 'The region of origin is required for a repatriation.',
  },
  INVALID_PLAN: {
    id: 'Rencana intervensi tidak lengkap atau tidak konsisten.',
    en: 'The intervention plan is incomplete or inconsistent.',
  },
  NOTHING_TO_DECIDE: {
    id: 'Tidak ada permohonan yang menunggu keputusan.',
    en: 'There is no pending request to decide on.',
  },
  REQUEST_PENDING: {
    id: 'Masih ada permohonan yang menunggu keputusan.',
    en: 'A request is still awaiting a decision.',
  },
  EXTENSION_BEYOND_CAP: {
    id: 'Perpanjangan melebihi batas maksimal masa observasi.',
    en: 'The extension exceeds the maximum observation period.',
  },
  UNKNOWN_SERVICE: {
    id: 'Layanan tidak ada dalam rencana kasus.',
    en: 'The service is not part of the case plan.',
  },
  NOTHING_DUE: {
    id: 'Belum ada kunjungan atau telaah yang jatuh tempo.',
    en: 'No visit or review is due yet.',
  },
  FOLLOW_UP_PENDING: {
    id: 'Kunjungan tindak lanjut belum selesai.',
    en: 'Follow-up visits are still pending.',
  },
  BEST_INTEREST_REQUIRED: {
    id: 'Orang yang tidak mampu memberi persetujuan hanya diasesmen atas keputusan kepentingan terbaik dari supervisor.',
    en: 'A person who cannot consent is assessed only on a supervisor\'s best-interest decision.',
  },
  EVALUATION_REQUIRED: {
    id: 'Evaluasi (terminasi) harus dicatat sebelum penutupan kasus diajukan.',
    en: 'An evaluation must be recorded before closure is requested.',
  },
  CLOSURE_NOT_REQUESTED: {
    id: 'Penutupan kasus belum diajukan dan disetujui.',
    en: 'Closure has not been requested and approved.',
  },
  SELF_APPROVAL: {
    id: 'Permohonan tidak dapat disetujui oleh pengajunya sendiri.',
    en: 'A request cannot be approved by the person who made it.',
  },
  NOT_REOPENABLE: {
    id: 'Kasus yang dibatalkan tidak dapat dibuka kembali.',
    en: 'A withdrawn case cannot be reopened.',
  },
  OLDER_RULES: {
    id: 'Kasus ini berjalan dengan aturan lama; langkah ini tidak berlaku untuknya.',
    en: 'This case runs under earlier rules; this step does not apply to it.',
  },
  PATHWAY_NOT_DECIDED: {
    id: 'Alur penanganan belum diputuskan oleh Kepala Seksi setelah asesmen cepat.',
    en: 'The pathway has not yet been decided by the supervisor after the rapid assessment.',
  },
  ASSESSMENT_REQUIRED: {
    id: 'Asesmen komprehensif (laporan sosial) belum dicatat.',
    en: 'The comprehensive assessment (laporan sosial) has not been recorded yet.',
  },
  DETAIL_REQUIRED: {
    id: 'Pilihan ini memerlukan keterangannya (alasan berkode, fasilitas tujuan, atau petugas penerima).',
    en: 'This choice needs its detail (a coded reason, the receiving facility, or the receiving worker).',
  },
  USE_TRANSFER: {
    id: 'Penyerahan ke provinsi atau panti dilakukan melalui permohonan alih kelola yang diterima penerima.',
    en: 'A hand-over to the province or a panti is a transfer request the receiving unit accepts.',
  },
  GROUP_TRIP: {
    id: 'Kasus ini bagian dari rombongan: penerimaan dan perjalanan diatur oleh rombongan.',
    en: 'This case travels with a group: reception and the trip are arranged by the group.',
  },
  READ_ONLY_ACCESS: {
    id: 'Anda hanya dapat membaca kasus ini (kasus telah dialihkan, atau menunggu keputusan unit penerima).',
    en: 'You may only read this case (it was handed over, or awaits the receiving unit\'s decision).',
  },
  NOT_RECEIVING_UNIT: {
    id: 'Hanya unit penerima yang dapat memutuskan permohonan alih kelola ini.',
    en: 'Only the receiving unit may decide on this transfer.',
  },
  ADVOCACY_OPEN: {
    id: 'Masih ada advokasi yang terbuka: selesaikan, atau minta supervisor mengesampingkannya dengan alasan.',
    en: 'An advocacy item is still open: close it, or have a supervisor waive it with a reason.',
  },
  UNKNOWN_ITEM: {
    id: 'Butir advokasi tidak ada pada kasus ini.',
    en: 'The advocacy item is not part of this case.',
  },
  GOAL_REQUIRED: {
    id: 'Setiap komponen rencana ATENSI memerlukan tujuan dan indikatornya.',
    en: 'Every component of an ATENSI plan needs its goal and indicator.',
  },
  FAMILY_NOT_READY: {
    id: 'Perawatan dalam keluarga memerlukan keluarga yang siap menerima; asesmen mencatat keluarga belum siap.',
    en: 'Care in the family needs a family ready to receive the person; the assessment found it is not.',
  },
  REVIEW_REQUIRED: {
    id: 'Rencana direvisi setelah telaah (review) yang memutuskan revisi.',
    en: 'A plan is revised after a review that decided to revise it.',
  },
  GUARDIAN_REQUIRED: {
    id: 'Persetujuan wali memerlukan wali yang sudah ditetapkan pada kasus.',
    en: 'Consent by a guardian needs a guardian appointed on the case.',
  },
  NOT_A_CHILD: {
    id: 'Wali sementara hanya ditetapkan untuk anak; orang dewasa memerlukan penetapan pengadilan.',
    en: 'A temporary guardian is appointed only for a child; an adult needs a court order.',
  },
  ABSENCE_NOT_RECORDED: {
    id: 'Kepergian (melarikan diri) belum dicatat pada kasus ini.',
    en: 'No absence (running away) has been recorded on this case.',
  },
  SEARCH_PERIOD_RUNNING: {
    id: 'Masa pencarian orang yang melarikan diri belum berakhir.',
    en: 'The search period for the person who ran away has not ended yet.',
  },
  CONTACT_NOT_LOST: {
    id: 'Hilang kontak dicatat setelah kunjungan pemantauan terlewat.',
    en: 'Contact is recorded as lost only after monitoring visits were missed.',
  },
  LACKS_CAPACITY: {
    id: 'Orang yang tidak mampu memberi persetujuan (atau anak) tidak dapat menolak layanan sendiri.',
    en: 'A person who cannot consent (or a child) cannot refuse services on their own.',
  },
  ALREADY_MET: {
    id: 'Orang ini sudah ditemui dan diasesmen; kasus tidak dapat diakhiri sebagai tidak ditemukan.',
    en: 'The person has been met and assessed; the case cannot end as not found.',
  },
  OUTCOME_MISMATCH: {
    id: 'Hasil penutupan tidak sesuai dengan yang tercatat pada kasus (misalnya meninggal dunia tanpa catatan).',
    en: 'The closure outcome does not match what the case recorded (e.g. died, with no record of it).',
  },
  NO_CHANGE: {
    id: 'Tidak ada perubahan yang diminta.',
    en: 'The request changes nothing.',
  },
} as const;

export type RuleCode = keyof typeof RULE_MESSAGES;

export function isRuleCode(code: unknown): code is RuleCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(RULE_MESSAGES, code);
}
