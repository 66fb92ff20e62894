// Words for who is who: the case rules' roles, practice roles, units and notification audiences.
import type { Audience } from '../notifications';
import type { Role } from '../roles';
import type { PracticeRole, StaffRefusal, UnitKind } from '../workforce';
import type { Words } from './case';

export const ROLE: Record<Role, Words> = {
  operator: ['petugas intake', 'intake officer'],
  case_manager: ['manajer kasus', 'case manager'],
  supervisor: ['Kepala Seksi', 'supervisor'],
  admin: ['administrator', 'administrator'],
  partner: ['mitra', 'partner'],
  system: ['sistem Sigap', 'Sigap'],
};

export const PRACTICE_ROLE: Record<PracticeRole, Words> = {
  pekerja_sosial: ['pekerja sosial', 'social worker'],
  pendamping_sosial: ['pendamping sosial', 'social companion'],
  penyuluh_sosial: ['penyuluh sosial', 'social educator'],
  tksk: ['TKSK', 'sub-district social welfare worker'],
  psm: ['PSM', 'community social worker'],
  relawan: ['relawan', 'volunteer'],
  petugas_intake: ['petugas intake', 'intake officer'],
  kasi: ['Kepala Seksi', 'head of section'],
  kabid: ['Kepala Bidang', 'head of division'],
  kadis: ['Kepala Dinas', 'head of agency'],
  admin: ['administrator', 'administrator'],
};

export const UNIT_KIND: Record<UnitKind, Words> = {
  dinsos_kabkota: ['Dinas Sosial kabupaten/kota', 'district social affairs office'],
  dinsos_provinsi: ['Dinas Sosial provinsi', 'provincial social affairs office'],
  uptd_panti: ['UPTD/panti', 'provincial residential home'],
  sentra_kemensos: ['Sentra Kemensos', 'Ministry of Social Affairs centre'],
};

/** Whether a staff record may act today; `ok` where nothing stands in the way (the API gives no code then). */
export const STANDING: Record<StaffRefusal | 'ok', Words> = {
  ok: ['dapat bertugas', 'may act'],
  STAFF_INACTIVE: ['dinonaktifkan', 'deactivated'],
  STAFF_UNVERIFIED: ['verifikasi (verivali) kedaluwarsa', 'verification lapsed'],
  CERTIFICATION_LAPSED: ['sertifikasi kedaluwarsa', 'certification lapsed'],
  STAFF_CANNOT_CARRY: ['tidak dapat memegang kasus', 'cannot carry cases'],
  STAFF_OUTSIDE_REGION: ['di luar wilayah kasus', 'outside the case\'s region'],
};

export const AUDIENCE: Record<Audience, Words> = {
  case_manager: ['manajer kasus', 'case manager'],
  supervisor: ['Kepala Seksi', 'head of section'],
  kepala_bidang: ['Kepala Bidang', 'head of division'],
  kepala_dinas: ['Kepala Dinas', 'head of agency'],
  family: ['keluarga', 'family'],
  receiving_agency: ['lembaga penerima', 'receiving agency'],
};
