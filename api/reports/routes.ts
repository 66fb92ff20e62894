// GET /v1/reports/monthly: a region's month as a CSV or a printable page, for a Kabid to send upwards.
import { Router } from 'express';
import { z } from 'zod';
import { REGION_CODE } from '../../domain/ids';
import type { Db } from '../../db/client';
import { allow } from '../auth/authenticate';
import type { RegisterRoute } from '../http/openapi';
import { common, headers, problem } from '../http/openapi';
import { parseBody, regionCode } from '../http/parse';
import { canSeeRegion, principalOf } from '../http/principal';
import { ProblemError } from '../http/problem';
import { currentMonth, monthlyReport } from './monthly';
import { csvFileName, monthlyReportCsv } from './render-csv';
import { monthlyReportHtml } from './render-html';

const REPORTERS = ['supervisor', 'admin'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const monthlyReportQuery = z
  .object({
    region: regionCode,
    month: z
      .string()
      .regex(MONTH, 'expected a month as YYYY-MM')
      .meta({ description: 'A calendar month in the region\'s own zone (WIB, WITA or WIT)', example: '2026-03' }),
    format: z.enum(['csv', 'html']).default('html'),
  })
  .strict()
  .superRefine((q, ctx) => {
    // Zod runs this over a query whose fields failed too: only a well-formed month in a known zone is judged.
    if (typeof q.month !== 'string' || !MONTH.test(q.month) || typeof q.region !== 'string' || !REGION_CODE.test(q.region)) return;
    // The region's clock decides which month is the current one (WIT reaches the 1st two hours before WIB).
    if (q.month > currentMonth(new Date(), q.region)) ctx.addIssue({ code: 'custom', path: ['month'], message: 'must not be in the future' });
    else if (q.month < '2000-01') ctx.addIssue({ code: 'custom', path: ['month'], message: 'must not be before 2000' });
  });

export function reportsRouter(db: Db): Router {
  const router = Router();
  router.get('/v1/reports/monthly', allow(...REPORTERS), async (req, res) => {
    const q = parseBody(monthlyReportQuery, { ...req.query });
    if (!canSeeRegion(principalOf(req), q.region)) throw ProblemError.of('REGION_NOT_ALLOWED');
    const report = await monthlyReport(db, q, new Date());
    res.setHeader('Cache-Control', 'no-store');
    if (q.format === 'csv') {
      // Region and month are checked codes, so the quoted name needs no encoding.
      res.setHeader('Content-Disposition', `attachment; filename="${csvFileName(report)}"`);
      res.type('text/csv; charset=utf-8').send(monthlyReportCsv(report));
      return;
    }
    // The page carries its own styles and charts and runs nothing: a policy that allows no more.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    res.type('text/html; charset=utf-8').send(monthlyReportHtml(report));
  });
  return router;
}

export function reportPaths(route: RegisterRoute): void {
  route({
    method: 'get',
    path: '/v1/reports/monthly',
    operationId: 'monthlyReport',
    summary: 'A region\'s monthly report (supervisors, admins): opened, closed, overdue, escalations, median days per step',
    description:
      'From the read model only (no personal data). `format=csv` is a download (UTF-8 with BOM, one block per table, codes beside labels); `format=html` a self-contained printable page in Indonesian.',
    request: { headers: headers(false), query: monthlyReportQuery },
    responses: common({
      200: {
        description: 'The report',
        content: { 'text/csv': { schema: z.string() }, 'text/html': { schema: z.string() } },
      },
      403: problem('The role may not read reports (FORBIDDEN) or the region is outside the caller\'s scope (REGION_NOT_ALLOWED)'),
      422: problem('Invalid query, or a month in the future (VALIDATION_FAILED)'),
    }),
  });
}
