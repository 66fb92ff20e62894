// Request fields several partners share, checked the way a real partner's gateway would check them.
import { z } from 'zod';

/** Sigap sends opaque references (a case id, or batch-<id> for a group), never names or NIKs. */
export const caseRef = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'expected an opaque case reference');

/** Where the partner reports back: Sigap's /v1/partner-callbacks. */
export const callbackUrl = z.url({ protocol: /^https?$/ });

/** Kemendagri region code (kode wilayah, Permendagri) of a province or kabupaten/kota, e.g. "32" or "32.04". */
export const regionCode = z.string().regex(/^\d{2}(\.\d{2})?$/, 'expected a Kemendagri region code such as "32" or "32.04"');
