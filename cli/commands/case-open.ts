// `case open`: a case at intake; prints its id.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { Option } from 'commander';
import { PATHWAYS, RISK_LEVELS } from '../../domain/categories';
import { REPORT_CHANNELS, SEXES } from '../../domain/codes';
import type { ContextOf } from '../context';
import { categoryOption, wholeNumber } from '../context';
import { say } from '../messages';
import { openedCase } from '../responses';

interface OpenOptions {
  category: string;
  risk: string;
  region: string;
  channel: string;
  pathway?: string;
  assign?: string;
  summary?: string;
  name?: string;
  nik?: string;
  sex?: string;
  age?: number;
  description?: string;
  foundLocation?: string;
  reportedAt?: string;
  area?: string;
  landmark?: string;
  photoRef?: string;
  idempotencyKey?: string;
}

/** The report as the API takes it; what was not given is left out (the API checks the rest). */
function reportOf(o: OpenOptions) {
  const place = { ...(o.area ? { areaCode: o.area } : {}), ...(o.landmark ? { landmark: o.landmark } : {}) };
  return {
    channel: o.channel,
    ...(o.summary ? { summary: o.summary } : {}),
    ...(o.reportedAt ? { reportedAt: o.reportedAt } : {}),
    ...(Object.keys(place).length ? { place } : {}),
    ...(o.photoRef ? { photoRef: o.photoRef } : {}),
  };
}

export function caseOpen(kase: Command, context: ContextOf): void {
  kase
    .command('open')
    .description('open a case at intake and print its id (buka kasus)')
    .addOption(categoryOption('the PPKS category (kategori)').makeOptionMandatory())
    .addOption(new Option('--risk <level>', 'risk level (tingkat risiko)').choices(RISK_LEVELS).makeOptionMandatory())
    .requiredOption('--region <code>', 'Kemendagri code of the kabupaten/kota, e.g. 64.72 (kode wilayah)')
    .addOption(new Option('--channel <channel>', 'how the report came in (saluran laporan)').choices(REPORT_CHANNELS).makeOptionMandatory())
    .addOption(new Option('--pathway <pathway>', 'default: the category\'s own (jalur)').choices(PATHWAYS))
    .option('--assign <staffId>', 'case manager to assign (opaque staff id)')
    .option('--summary <text>', 'what was reported (ringkasan laporan)')
    .option('--reported-at <time>', 'when the report was made, ISO 8601 with offset, e.g. 2026-11-30T07:15:00+08:00 (waktu laporan)')
    .option('--area <code>', 'Kemendagri kecamatan or kelurahan code where the person was reported, e.g. 64.72.03.1005')
    .option('--landmark <text>', 'where exactly, in words (patokan lokasi)')
    .option('--photo-ref <ref>', 'reference of a photo in the Dinas document store')
    .option('--name <name>', 'the person\'s name, if known (nama)')
    .option('--nik <nik>', '16-digit NIK, if known')
    .addOption(new Option('--sex <sex>', 'jenis kelamin').choices(SEXES))
    .option('--age <years>', 'estimated age (perkiraan umur)', wholeNumber(0))
    .option('--description <text>', 'how the person looks, for finding family (ciri-ciri)')
    .option('--found-location <place>', 'where the person was found (lokasi ditemukan)')
    .option('--idempotency-key <key>', 'repeat a request safely; default: a new key, printed if the request fails')
    .action(async (o: OpenOptions) => {
      const { api, print, note } = context();
      const subject = Object.fromEntries(
        Object.entries({ name: o.name, nik: o.nik, sex: o.sex, estimatedAge: o.age, description: o.description, foundLocation: o.foundLocation }).filter(
          ([, v]) => v !== undefined,
        ),
      );
      const body = {
        category: o.category,
        riskLevel: o.risk,
        regionCode: o.region,
        report: reportOf(o),
        subject,
        ...(o.pathway ? { pathway: o.pathway } : {}),
        ...(o.assign ? { assignedWorker: o.assign } : {}),
      };
      const opened = await api.post('/v1/cases', body, openedCase, o.idempotencyKey ?? randomUUID());
      if (opened.replayed) note(say.replayed());
      print(opened.raw, () => [opened.body.caseId]);
    });
}
