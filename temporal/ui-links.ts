// Ready-made list views of the Temporal Web UI for a Kasi: links with Sigap's search attributes in the
// query, printed by `npm start` and listed in the README. The UI keeps a list's query in its URL.
import { SA } from '../workflows/search-attributes';

export interface UiLink {
  title: string;
  query: string;
  url: string;
}

/** The list views for one region (a kabupaten/kota or a province), as of `now` for the overdue one. */
export function uiLinks(uiBase: string, namespace: string, regionCode: string, now: Date): UiLink[] {
  const region = regionCode.length === 2 ? `${SA.province.name} = '${regionCode}'` : `${SA.region.name} = '${regionCode}'`;
  // Training cases (simulasi kasus) carry SigapTraining; real work has none (the dev server's and a
  // cluster's visibility both answer IS NULL on a keyword attribute).
  const real = `${SA.training.name} IS NULL`;
  const open = `${SA.status.name} = 'open'`;
  const views: [string, string][] = [
    ['Semua kasus terbuka di wilayah ini', `${open} AND ${region}`],
    ['Eskalasi tingkat 2 ke atas di wilayah ini', `${open} AND ${SA.escalationLevel.name} >= 2 AND ${region}`],
    ['Lewat batas waktu', `${open} AND ${SA.nextDeadline.name} < '${now.toISOString().slice(0, 19)}Z' AND ${region}`],
    ['Menunggu RSJ (rujukan dan penghubungan)', `${open} AND ${SA.pathway.name} = 'odgj' AND ${SA.stage.name} = 'linking' AND ${region}`],
    ['Tahap asesmen, risiko tinggi', `${open} AND ${SA.stage.name} = 'assessment' AND ${SA.risk.name} = 'high' AND ${region}`],
    ['Alih kelola menunggu keputusan unit ini', `${open} AND ${SA.transferTo.name} = '${regionCode}'`],
    ['Dibatalkan (bukan ditutup)', `${SA.status.name} = 'withdrawn' AND ${region}`],
  ];
  return views.map(([title, view]) => {
    const query = `${view} AND ${real}`;
    return { title, query, url: `${uiBase}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(query)}` };
  });
}
