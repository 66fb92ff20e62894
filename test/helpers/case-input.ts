import { randomUUID } from 'node:crypto';
import type { OpenCaseInput } from '../../workflows/case/contract';

export function caseInput(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return {
    caseId: randomUUID(),
    category: 'odgj_terlantar',
    pathway: 'odgj',
    riskLevel: 'high',
    regionCode: '64.72',
    openedBy: { id: 'op-1', role: 'operator' },
    report: { channel: 'satpol_pp', summary: 'Ditemukan di depan pasar' },
    subject: { name: 'Budi Contoh', sex: 'male', estimatedAge: 40 },
    ...overrides,
  };
}
