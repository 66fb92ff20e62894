// How messages reach people: the text (notification-texts.ts), the channel per audience and the
// directory address. A message can sit on a shared phone, so it never carries a name, a diagnosis or an
// address: the case by a short reference and labels only.
import type { Language } from './labels';
import type { Fields, Office } from './notification-texts';
import { renderText } from './notification-texts';
import type { Audience, NotificationTemplate } from './notifications';

export type { Language };
export type Channel = 'sms' | 'whatsapp' | 'email';

/** A message's text: the template's words in the language, with the region's time zone and office. */
export function renderNotification(
  template: NotificationTemplate,
  language: Language,
  fields: Fields,
  where: { audience: Audience; regionCode: string; office?: Office } = { audience: 'case_manager', regionCode: '' },
): string {
  return renderText(template, fields, { audience: where.audience, regionCode: where.regionCode, lang: language, office: where.office });
}

/** How each audience is reached: families by SMS (any phone), field staff by WhatsApp, heads and agencies by email. */
export function channelFor(audience: Audience): Channel {
  switch (audience) {
    case 'family':
      return 'sms';
    case 'case_manager':
    case 'supervisor':
      return 'whatsapp';
    case 'kepala_bidang':
    case 'kepala_dinas':
    case 'receiving_agency':
      return 'email';
  }
}

/**
 * The gateway-side address: a directory entry, not a phone number or e-mail address, so Sigap's database
 * holds no contact data. The gateway's directory resolves it.
 */
export function recipientFor(n: { audience: Audience; caseId: string; staffId: string | null; regionCode: string }): string {
  switch (n.audience) {
    case 'case_manager':
      return n.staffId ? `staff:${n.staffId}` : `role:supervisor:${n.regionCode}`;
    case 'supervisor':
    case 'kepala_bidang':
    case 'kepala_dinas':
      // A registered role holder by name; otherwise whoever the gateway's directory lists for the role.
      return n.staffId ? `staff:${n.staffId}` : `role:${n.audience}:${n.regionCode}`;
    case 'family':
      return `family-of:${n.caseId}`;
    case 'receiving_agency':
      return `agency:${n.staffId ?? 'unknown'}`;
  }
}
