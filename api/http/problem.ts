// RFC 9457 problem details with a stable code and the message in Bahasa Indonesia and English.
import type { NextFunction, Request, Response } from 'express';
import { isRuleCode, RULE_MESSAGES } from '../../domain/rule-codes';
import { ownMessage } from './field-messages';

type Bilingual = { id: string; en: string };

export const API_MESSAGES = {
  VALIDATION_FAILED: { status: 422, id: 'Data yang dikirim tidak valid.', en: 'The request data is invalid.' },
  MALFORMED_JSON: { status: 400, id: 'Isi permintaan bukan JSON yang valid.', en: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    id: 'Isi permintaan harus berupa application/json.',
    en: 'The request body must be application/json.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, id: 'Isi permintaan terlalu besar.', en: 'The request body is too large.' },
  CASE_NOT_FOUND: { status: 404, id: 'Kasus tidak ditemukan.', en: 'Case not found.' },
  NOT_FOUND: { status: 404, id: 'Alamat tidak ditemukan.', en: 'No such resource.' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    id: 'Idempotency-Key ini sudah dipakai untuk permintaan lain.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  INVALID_IDEMPOTENCY_KEY: {
    status: 400,
    id: 'Idempotency-Key harus 1–200 karakter ASCII yang terlihat.',
    en: 'Idempotency-Key must be 1–200 visible ASCII characters.',
  },
  TEMPORAL_UNAVAILABLE: {
    status: 503,
    id: 'Layanan alur kerja sedang tidak tersedia. Coba lagi.',
    en: 'The workflow service is unavailable. Try again.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    id: 'Basis data sedang tidak tersedia. Coba lagi sebentar lagi.',
    en: 'The database is unavailable. Try again shortly.',
  },
  COMMAND_NOT_CONFIRMED: {
    status: 503,
    id: 'Kasus belum menjawab perintah ini tepat waktu. Ulangi dengan Idempotency-Key yang sama; perintah tidak akan dijalankan dua kali.',
    en: 'The case did not confirm this command in time. Repeat it with the same Idempotency-Key; it will not be applied twice.',
  },
  CASE_ARCHIVED: {
    status: 409,
    id: 'Kasus sudah diarsipkan dan tidak dapat diubah lagi.',
    en: 'The case has been archived and can no longer be changed.',
  },
  UNAUTHENTICATED: {
    status: 401,
    id: 'Diperlukan token akses yang sah (Authorization: Bearer).',
    en: 'A valid access token is required (Authorization: Bearer).',
  },
  FORBIDDEN: { status: 403, id: 'Peran Anda tidak boleh melakukan ini.', en: 'Your role may not do this.' },
  REGION_NOT_ALLOWED: {
    status: 403,
    id: 'Wilayah ini di luar cakupan akses Anda.',
    en: 'This region is outside your access scope.',
  },
  RATE_LIMITED: {
    status: 429,
    id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
    en: 'Too many requests. Try again shortly.',
  },
  BATCH_NOT_FOUND: { status: 404, id: 'Rombongan pemulangan tidak ditemukan.', en: 'Repatriation batch not found.' },
  BATCH_NOT_REPLANNING: {
    status: 409,
    id: 'Perjalanan rombongan ini tidak sedang menunggu perencanaan ulang.',
    en: 'This group\'s trip is not waiting to be re-planned.',
  },
  STAFF_NOT_FOUND: { status: 404, id: 'Data petugas tidak ditemukan.', en: 'Staff record not found.' },
  STAFF_EXISTS: {
    status: 409,
    id: 'Petugas dengan id ini sudah terdaftar dengan data lain.',
    en: 'A staff member with this id is already registered with other details.',
  },
  STAFF_CHANGED: {
    status: 409,
    id: 'Data petugas baru saja diubah orang lain; baca ulang lalu coba lagi.',
    en: 'The staff record was just changed by someone else; read it again and retry.',
  },
  STAFF_NOT_REGISTERED: {
    status: 403,
    id: 'Akun Anda belum terdaftar di registri petugas Dinas Sosial.',
    en: 'Your account is not in the Dinas Sosial staff registry.',
  },
  STAFF_INACTIVE: { status: 403, id: 'Akun petugas Anda dinonaktifkan.', en: 'Your staff record is deactivated.' },
  STAFF_UNVERIFIED: {
    status: 403,
    id: 'Verifikasi dan validasi (verivali) Anda sudah lewat masa berlakunya.',
    en: 'Your verification (verivali) has lapsed.',
  },
  CERTIFICATION_LAPSED: {
    status: 403,
    id: 'Sertifikasi pekerja sosial Anda sudah lewat masa berlakunya.',
    en: 'Your social worker certification has lapsed.',
  },
  PRACTICE_ROLE_NOT_ALLOWED: {
    status: 403,
    id: 'Peran praktik Anda (mis. TKSK, relawan, Kabid) tidak mencakup tindakan ini.',
    en: 'Your practice role (e.g. TKSK, volunteer, Kabid) does not cover this action.',
  },
  OUTSIDE_KECAMATAN: {
    status: 403,
    id: 'Kasus ini dilaporkan di luar kecamatan tugas Anda.',
    en: 'This case was reported outside your kecamatan.',
  },
  CERTIFIED_WORKER_REQUIRED: {
    status: 403,
    id: 'Asesmen anak hanya dilakukan pekerja sosial bersertifikat.',
    en: 'Only a certified social worker assesses a child.',
  },
  ESCALATION_LEVEL_TOO_LOW: {
    status: 403,
    id: 'Eskalasi kasus ini belum sampai ke tingkat jabatan Anda.',
    en: 'This case\'s escalation has not reached your level.',
  },
  ASSIGNEE_REQUIRED: {
    status: 409,
    id: 'Sebutkan petugas yang akan memegang kasus ini (assignedWorker); peran Anda tidak memegang kasus.',
    en: 'Name the worker who will carry this case (assignedWorker); your role does not carry cases.',
  },
  ASSIGNEE_NOT_REGISTERED: {
    status: 409,
    id: 'Petugas yang ditunjuk tidak ada di registri petugas.',
    en: 'The named worker is not in the staff registry.',
  },
  ASSIGNEE_INACTIVE: { status: 409, id: 'Petugas yang ditunjuk sudah dinonaktifkan.', en: 'The named worker is deactivated.' },
  ASSIGNEE_UNVERIFIED: {
    status: 409,
    id: 'Verifikasi (verivali) petugas yang ditunjuk sudah lewat; ia tidak dapat menerima kasus baru.',
    en: 'The named worker\'s verification has lapsed; they cannot take new cases.',
  },
  ASSIGNEE_CERTIFICATION_LAPSED: {
    status: 409,
    id: 'Sertifikasi petugas yang ditunjuk sudah lewat; ia tidak dapat menerima kasus baru.',
    en: 'The named worker\'s certification has lapsed; they cannot take new cases.',
  },
  ASSIGNEE_CANNOT_CARRY: {
    status: 409,
    id: 'Peran petugas yang ditunjuk tidak memegang kasus (mis. relawan, PSM, Kasi).',
    en: 'The named worker\'s role does not carry cases (e.g. a volunteer, a PSM, a Kasi).',
  },
  ASSIGNEE_OUTSIDE_REGION: {
    status: 409,
    id: 'Petugas yang ditunjuk bekerja di luar wilayah kasus.',
    en: 'The named worker works outside the case\'s region.',
  },
  SCENARIO_NOT_FOUND: {
    status: 422,
    id: 'Skenario latihan ini tidak dikenal (lihat GET /v1/training/scenarios).',
    en: 'No such training scenario (see GET /v1/training/scenarios).',
  },
  TRAINING_SESSION_NOT_FOUND: { status: 404, id: 'Sesi latihan tidak ditemukan.', en: 'Training session not found.' },
  TRAINING_GROUP_NOT_FOUND: { status: 404, id: 'Kelompok ini tidak ada di sesi latihan atau Anda bukan anggotanya.', en: 'No such group in the training session, or you are not one of it.' },
  TRAINING_SESSION_ENDED: { status: 409, id: 'Sesi latihan sudah diakhiri.', en: 'The training session has ended.' },
  INTERNAL_ERROR: { status: 500, id: 'Terjadi kesalahan pada server.', en: 'Something went wrong on the server.' },
} as const satisfies Record<string, Bilingual & { status: number }>;

export type ApiCode = keyof typeof API_MESSAGES;

export interface FieldError {
  field: string;
  /** English as given; the response carries the request's language here and both in `messages`. */
  message: string;
  messages?: { id: string; en: string };
}

export class ProblemError extends Error {
  constructor(
    readonly code: ApiCode | keyof typeof RULE_MESSAGES,
    readonly status: number,
    readonly errors?: FieldError[],
  ) {
    super(code);
  }

  static of(code: ApiCode, errors?: FieldError[]): ProblemError {
    return new ProblemError(code, API_MESSAGES[code].status, errors);
  }
}

/** Only the two languages: the table's entries also carry their HTTP status, which is not a message. */
function messagesFor(code: string): Bilingual {
  const { id, en } = isRuleCode(code) ? RULE_MESSAGES[code] : ((API_MESSAGES as Record<string, Bilingual>)[code] ?? API_MESSAGES.INTERNAL_ERROR);
  return { id, en };
}

/** Refusals about who is asking rather than the case's state. */
const FORBIDDEN_RULES: readonly string[] = ['ROLE_NOT_ALLOWED', 'READ_ONLY_ACCESS', 'NOT_RECEIVING_UNIT'];

/** A refused command: 403 for a caller who may not do it, 409 for what the case's state forbids now. */
export function refusalProblem(code: keyof typeof RULE_MESSAGES): ProblemError {
  return new ProblemError(code, FORBIDDEN_RULES.includes(code) ? 403 : 409);
}

/** Picks Bahasa Indonesia unless the client prefers English. */
export function language(req: Request): 'id' | 'en' {
  return req.acceptsLanguages('id', 'en') === 'en' ? 'en' : 'id';
}

/** A field's problem in the request's language, with both beside it. */
function fieldError(e: FieldError, lang: 'id' | 'en') {
  const messages = e.messages ?? ownMessage(e.message);
  return { field: e.field, message: messages[lang], messages };
}

/** Seconds a client should wait before repeating a request that failed because a part was down. */
export const RETRY_AFTER_SECONDS = 5;

export function sendProblem(req: Request, res: Response, problem: ProblemError): void {
  const messages = messagesFor(problem.code);
  if (problem.status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `urn:sigap:problem:${problem.code.toLowerCase().replace(/_/g, '-')}`,
      title: messages[language(req)],
      status: problem.status,
      code: problem.code,
      detail: messages[language(req)],
      messages,
      ...(problem.errors ? { errors: problem.errors.map((e) => fieldError(e, language(req))) } : {}),
      instance: req.originalUrl.split('?')[0],
      requestId: res.getHeader('x-request-id'),
    });
}

/**
 * Express error handler: known problems as they are, failures of a dependency (classify) as 503,
 * body-parser failures mapped, everything else 500.
 */
export function problemHandler(
  log: (err: unknown, req: Request) => void,
  classify: (err: unknown) => ProblemError | undefined = () => undefined,
) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (err instanceof ProblemError) return sendProblem(req, res, err);
    const known = classify(err);
    if (known) {
      log(err, req);
      return sendProblem(req, res, known);
    }
    const type = (err as { type?: string }).type;
    if (type === 'entity.parse.failed') return sendProblem(req, res, ProblemError.of('MALFORMED_JSON'));
    if (type === 'entity.too.large') return sendProblem(req, res, ProblemError.of('PAYLOAD_TOO_LARGE'));
    log(err, req);
    sendProblem(req, res, ProblemError.of('INTERNAL_ERROR'));
  };
}
