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
  CASE_NOT_OPEN: {
    id: 'Kasus sudah ditutup atau dibatalkan.',
    en: 'The case is closed or withdrawn.',
  },
  ALREADY_ACKNOWLEDGED: {
    id: 'Kasus sudah ditanggapi.',
    en: 'The case has already been acknowledged.',
  },
} as const;

export type RuleCode = keyof typeof RULE_MESSAGES;

export function isRuleCode(code: unknown): code is RuleCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(RULE_MESSAGES, code);
}
