// Registers Sigap's custom search attributes on a namespace through the operator service, idempotently:
// the same call works on the embedded dev server and on an existing cluster.
import type { Connection } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_KEYS } from '../workflows/search-attributes';

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

/** Each SDK search-attribute type as the operator service names it. */
const INDEXED_TYPE: Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.INT]: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  [SearchAttributeType.DATETIME]: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  [SearchAttributeType.TEXT]: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  [SearchAttributeType.BOOL]: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  [SearchAttributeType.DOUBLE]: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  [SearchAttributeType.KEYWORD_LIST]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

const GRPC_UNIMPLEMENTED = 12;

async function add(connection: Connection, namespace: string, keys: typeof SEARCH_ATTRIBUTE_KEYS): Promise<void> {
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(keys.map((k) => [k.name, INDEXED_TYPE[k.type]])),
    });
  } catch (err) {
    // Another process registering at the same moment is fine; anything else is not.
    if (!/already (exists|registered)/i.test(String((err as Error).message))) throw err;
  }
}

async function registered(connection: Connection, namespace: string): Promise<Record<string, unknown>> {
  const res = await connection.operatorService.listSearchAttributes({ namespace });
  return res.customAttributes ?? {};
}

/** Adds whichever of Sigap's search attributes the namespace lacks; returns the names it added. */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  let existing: Record<string, unknown>;
  try {
    existing = await registered(connection, namespace);
  } catch (err) {
    // The time-skipping test server can add search attributes but not list them.
    if ((err as { code?: number }).code !== GRPC_UNIMPLEMENTED) throw err;
    await add(connection, namespace, SEARCH_ATTRIBUTE_KEYS);
    return SEARCH_ATTRIBUTE_KEYS.map((k) => k.name);
  }
  const missing = SEARCH_ATTRIBUTE_KEYS.filter((k) => !(k.name in existing));
  if (missing.length === 0) return [];
  await add(connection, namespace, missing);
  // Registration is asynchronous on some backends: wait until every attribute is visible.
  for (let attempt = 0; attempt < 50; attempt++) {
    const now = await registered(connection, namespace);
    if (missing.every((k) => k.name in now)) return missing.map((k) => k.name);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Search attributes not visible after registration: ${missing.map((k) => k.name).join(', ')}`);
}
