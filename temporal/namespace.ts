// Creates the namespace on a fresh cluster (the production compose stack); a no-op when it exists.
import type { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';

const GRPC_NOT_FOUND = 5;
const GRPC_ALREADY_EXISTS = 6;

export async function ensureNamespace(connection: Connection, namespace: string, retentionDays: number): Promise<boolean> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return false;
  } catch (err) {
    if ((err as { code?: number }).code !== GRPC_NOT_FOUND) throw err;
  }
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs(retentionDays * 24 * 3600 * 1000),
    });
  } catch (err) {
    if ((err as { code?: number }).code !== GRPC_ALREADY_EXISTS) throw err;
  }
  // A new namespace takes a moment to reach every frontend.
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      await connection.workflowService.describeNamespace({ namespace });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw new Error(`namespace ${namespace} did not become available`);
}
