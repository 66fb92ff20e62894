// A 422's field messages in both languages: Sigap's own rules by their English text, and the schema
// library's checks by the kind of problem (a wrong type, too short, not one of the choices).
import type { z } from 'zod';

export interface Bilingual {
  id: string;
  en: string;
}

/** Sigap's own field rules, English → Bahasa Indonesia (one place: a new rule without words falls back below). */
const OWN: Record<string, string> = {
  'unknown field': 'kolom tidak dikenal',
  'must not be in the future': 'tidak boleh di masa depan',
  'must not be before 2000': 'tidak boleh sebelum tahun 2000',
  'must lie inside regionCode': 'harus berada di dalam wilayah (regionCode)',
  'expected 16 digits': 'harus 16 angka',
  'expected an opaque staff id': 'harus berupa id petugas (bukan nama)',
  'expected an opaque agency code': 'harus berupa kode lembaga',
  'expected a case or batch reference': 'harus berupa rujukan kasus atau rombongan',
  'expected 1-200 visible ASCII characters': 'harus 1–200 karakter ASCII yang terlihat',
  'expected an opaque reference to the document store': 'harus berupa rujukan ke penyimpanan dokumen',
  'expected a Kemendagri region code such as "64" or "64.72"': 'harus berupa kode wilayah Kemendagri, misalnya "64" atau "64.72"',
  'expected a Kemendagri region code': 'harus berupa kode wilayah Kemendagri',
  'expected a Kemendagri kecamatan code such as "64.72.03"': 'harus berupa kode kecamatan Kemendagri, misalnya "64.72.03"',
  'expected a Kemendagri kecamatan or kelurahan code such as "64.71.01" or "64.71.01.1001"': 'harus berupa kode kecamatan atau kelurahan Kemendagri, misalnya "64.71.01" atau "64.71.01.1001"',
  'a batch takes only recordReferralDecision': 'rombongan hanya menerima keputusan rujukan (recordReferralDecision)',
  'a TKSK or PSM works in one kecamatan': 'TKSK atau PSM bertugas di satu kecamatan: isi kecamatanCode',
  'must be a kecamatan inside the region': 'harus kecamatan di dalam wilayah petugas',
  'a kabupaten/kota Dinsos has a kabupaten/kota code': 'Dinsos kabupaten/kota memakai kode kabupaten/kota',
  'a provincial Dinsos has a province code': 'Dinsos provinsi memakai kode provinsi',
  'a pekerja sosial is registered with their certification and its expiry': 'pekerja sosial didaftarkan dengan nomor sertifikasi dan masa berlakunya',
  'expected the date the verification (verivali) holds until': 'isi tanggal berakhirnya verifikasi (verivali)',
  'a new registration cannot start with a lapsed certification': 'pendaftaran baru tidak boleh dengan sertifikasi yang sudah lewat',
  'a new registration cannot start with a lapsed verification': 'pendaftaran baru tidak boleh dengan verifikasi yang sudah lewat',
  'expected a scenario id': 'harus berupa id skenario latihan',
  'expected a group name of at most 40 letters, digits, spaces, dots or dashes': 'nama kelompok paling banyak 40 huruf, angka, spasi, titik atau tanda hubung',
  'a group name used twice': 'nama kelompok dipakai dua kali',
  'a staff member in two groups': 'seorang petugas ada di dua kelompok',
};

/** A rule given in English, with its Indonesian words where Sigap has them. */
export function ownMessage(en: string): Bilingual {
  return { en, id: OWN[en] ?? OWN[en.replace(/^expected [^:]+: one of .*$/, '')] ?? `tidak valid (${en})` };
}

/** The schema library's problem, in both languages: what kind of value the field needs. */
export function issueMessage(issue: z.core.$ZodIssue): Bilingual {
  if (OWN[issue.message]) return ownMessage(issue.message);
  // A field left out, whatever it should have held.
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) return { id: 'wajib diisi', en: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return { id: `harus berupa ${issue.expected}`, en: issue.message };
    case 'too_small':
      return { id: `terlalu ${issue.origin === 'string' || issue.origin === 'array' ? 'pendek' : 'kecil'} (minimal ${String(issue.minimum)})`, en: issue.message };
    case 'too_big':
      return { id: `terlalu ${issue.origin === 'string' || issue.origin === 'array' ? 'panjang' : 'besar'} (maksimal ${String(issue.maximum)})`, en: issue.message };
    case 'invalid_value':
      return { id: `pilih salah satu: ${issue.values.map(String).join(', ')}`, en: issue.message };
    case 'invalid_union':
      return { id: 'bukan salah satu pilihan yang berlaku', en: issue.message };
    case 'invalid_format':
      return { id: issue.format === 'date' ? 'harus tanggal YYYY-MM-DD' : issue.format === 'datetime' ? 'harus waktu ISO 8601' : 'formatnya tidak sesuai', en: issue.message };
    default:
      return ownMessage(issue.message);
  }
}
