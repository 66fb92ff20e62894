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
  NO_CHANGE: {
    id: 'Tidak ada perubahan yang diminta.',
    en: 'The request changes nothing.',
  },
} as const;

export type RuleCode = keyof typeof RULE_MESSAGES;

export function isRuleCode(code: unknown): code is RuleCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(RULE_MESSAGES, code);
}
