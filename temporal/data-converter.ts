import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from './encryption-codec';
import type { KeyRing } from './keyring';

/** The same converter must be used by clients and workers, or neither can read the other's payloads. */
export function createDataConverter(ring: KeyRing): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(ring)] };
}
