// The CLI's own words, in Bahasa Indonesia and English. The API localises its own problems; these are the
// ones the CLI says itself (unreachable API, a bad --set, a retry hint), so --lang applies to them too.
export type Lang = 'id' | 'en';
export type Msg = Readonly<Record<Lang, string>>;

/** Something the CLI itself has to refuse, with the exit code to end on. */
export class CliFailure extends Error {
  constructor(
    readonly msg: Msg,
    readonly exitCode = 1,
  ) {
    super(msg.en);
  }
}

/** A mistake in how the CLI was called, found after commander's own checks: exit code 2. */
export class UsageError extends CliFailure {
  constructor(msg: Msg) {
    super(msg, 2);
  }
}

export const say = {
  unreachable: (url: string, why: string): Msg => ({
    id: `API Sigap tidak dapat dihubungi di ${url} (${why}).`,
    en: `Cannot reach the Sigap API at ${url} (${why}).`,
  }),
  timeout: (url: string, seconds: number): Msg => ({
    id: `API Sigap di ${url} tidak menjawab dalam ${seconds} detik.`,
    en: `The Sigap API at ${url} did not answer within ${seconds} s.`,
  }),
  badResponse: (url: string, status: number): Msg => ({
    id: `Jawaban tak terduga dari ${url} (HTTP ${status}). Apakah --api-url sudah benar?`,
    en: `Unexpected response from ${url} (HTTP ${status}). Is --api-url right?`,
  }),
  interrupted: (): Msg => ({ id: 'Dihentikan.', en: 'Interrupted.' }),
  retryWithKey: (key: string): Msg => ({
    id: `Idempotency-Key: ${key} — untuk mengulang tanpa risiko tercatat dua kali: --idempotency-key ${key}`,
    en: `Idempotency-Key: ${key} — to retry without doing it twice: --idempotency-key ${key}`,
  }),
  replayed: (): Msg => ({
    id: '(permintaan ini sudah pernah diterima dengan Idempotency-Key yang sama; ini hasil yang sama)',
    en: '(this request was already accepted with the same Idempotency-Key; this is its result)',
  }),
  noToken: (file: string): Msg => ({
    id: `Tidak ada token: gunakan --token atau SIGAP_TOKEN, atau jalankan npm start (menulis ${file}).`,
    en: `No token: pass --token or set SIGAP_TOKEN, or run npm start (it writes ${file}).`,
  }),
  tokenRejected: (source: string): Msg => ({
    id: `Token dari ${source} ditolak (kedaluwarsa?). npm start menulis token baru; token lain: npm run token -- --help`,
    en: `The token from ${source} was rejected (expired?). npm start writes a fresh one; others: npm run token -- --help`,
  }),
  badApiUrl: (url: string): Msg => ({
    id: `--api-url harus berupa alamat http(s) tanpa nama pengguna/sandi, bukan "${url}".`,
    en: `--api-url must be an http(s) address without a user or password, not "${url}".`,
  }),
  badCaseId: (text: string): Msg => ({
    id: `"${text}" bukan id kasus (UUID).`,
    en: `"${text}" is not a case id (a UUID).`,
  }),
  badStaffId: (text: string): Msg => ({
    id: `"${text}" bukan id petugas (huruf, angka, . _ -; 2–64 karakter).`,
    en: `"${text}" is not a staff id (letters, digits, . _ -; 2–64 characters).`,
  }),
  nothingToChange: (): Msg => ({
    id: 'Tidak ada yang diubah: beri setidaknya satu opsi, mis. --verified-until 2027-12-31 (lihat --help).',
    en: 'Nothing to change: give at least one option, e.g. --verified-until 2027-12-31 (see --help).',
  }),
  badData: (): Msg => ({ id: '--data harus berupa objek JSON, mis. \'{"days":7}\'.', en: '--data must be a JSON object, e.g. \'{"days":7}\'.' }),
  badAssignment: (text: string): Msg => ({
    id: `--set perlu kunci=nilai atau kunci:=json, bukan "${text}".`,
    en: `--set needs key=value or key:=json, not "${text}".`,
  }),
  badJson: (key: string): Msg => ({
    id: `"${key}:=" perlu nilai JSON (7, true, null, ["a"]).`,
    en: `"${key}:=" needs a JSON value (7, true, null, ["a"]).`,
  }),
  badValue: (key: string, expected: string): Msg => ({
    id: `Nilai ${key} harus ${expected}.`,
    en: `${key} must be ${expected}.`,
  }),
  unknownCommand: (type: string, known: string[]): Msg => ({
    id: `Perintah "${type}" tidak dikenal API. Yang ada: ${known.join(', ')}.`,
    en: `The API has no command "${type}". It has: ${known.join(', ')}.`,
  }),
  unknownField: (type: string, field: string, known: string[]): Msg => ({
    id: `${type} tidak punya field "${field}". Field-nya: ${known.join(', ') || '(tidak ada)'}.`,
    en: `${type} has no field "${field}". Its fields: ${known.join(', ') || '(none)'}.`,
  }),
  noCommandDoc: (): Msg => ({
    id: 'API tidak menyediakan /openapi.json, jadi daftar perintah tidak tersedia.',
    en: 'The API serves no /openapi.json, so the list of commands is not available.',
  }),
  watchTrouble: (why: string): Msg => ({ id: `(terputus: ${why}; mencoba lagi…)`, en: `(lost contact: ${why}; retrying…)` }),
  watchBack: (): Msg => ({ id: '(tersambung lagi)', en: '(back in contact)' }),
  noCases: (): Msg => ({ id: '(tidak ada kasus)', en: '(no cases)' }),
  pending: (): Msg => ({
    id: '(read model belum mengejar alur kerja; data di atas dari alur kerja langsung)',
    en: '(the read model has not caught up with the workflow yet; the above is from the live workflow)',
  }),
  noStaff: (): Msg => ({ id: '(tidak ada petugas)', en: '(no staff)' }),
  morePages: (cursor: string): Msg => ({ id: `(masih ada: --cursor ${cursor} atau --all)`, en: `(more: --cursor ${cursor} or --all)` }),
  moreEvents: (after: number): Msg => ({ id: `(masih ada: --after ${after})`, en: `(more: --after ${after})` }),
} as const;
