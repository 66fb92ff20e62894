// The shapes of identifiers and codes Sigap accepts. One place: the API's schemas, the CLI's argument
// checks, the token claims and the workflows' own validators all use these.

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A case or batch id: a lowercase UUID, opaque (never derived from a name or NIK). */
export const CASE_ID = new RegExp(`^${UUID}$`);
/** The case reference partners see for a group's batch: "batch-<id>"; the id is the first group. */
export const BATCH_REF = new RegExp(`^batch-(${UUID})$`);
/** What a partner's callback refers to: a case id, or a batch reference. */
export const CASE_REF = new RegExp(`^(batch-)?${UUID}$`);

/** Opaque staff or partner ids (NIP-based codes, facility codes), never names. */
export const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
/** Opaque codes of facilities, agencies and providers (an RSJ's registry code, DINSOS-32). */
export const AGENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Kemendagri region codes: a province ("64") or a kabupaten/kota ("64.72"). */
export const REGION_CODE = /^\d{2}(\.\d{2})?$/;
/** Kemendagri code of a kecamatan ("64.71.01") or a kelurahan/desa ("64.71.01.1001"). */
/** A Kemendagri kecamatan code: province, kabupaten/kota, kecamatan ("64.72.03"). */
export const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;
export const AREA_CODE = /^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/;
/** An opaque reference to a photo kept in the Dinas's document store (never the image itself). */
export const PHOTO_REF = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/;
/** A planned ATENSI service within its case ("svc-1"). */
export const SERVICE_ID = /^svc-\d{1,3}$/;
/** An advocacy item of a case, numbered in the order opened. */
export const ADVOCACY_ITEM_ID = /^adv-\d{1,3}$/;
/** Keys clients choose (Idempotency-Key, a partner's report id): 1-200 visible ASCII characters. */
export const CLIENT_KEY = /^[\x21-\x7e]{1,200}$/;
