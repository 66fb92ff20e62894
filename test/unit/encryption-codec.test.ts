import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec, ENCRYPTED_ENCODING } from '../../temporal/encryption-codec';
import { parseKeyRing } from '../../temporal/keyring';

const key = () => randomBytes(32).toString('base64');

describe('EncryptionCodec', () => {
  const old = key();
  const current = key();
  const ring = parseKeyRing(`k2026:${current},k2025:${old}`);
  const codec = new EncryptionCodec(ring);
  const payload = defaultPayloadConverter.toPayload({ name: 'Siti Aminah', nik: '6472012345678901' });

  test('round-trips a payload and leaves no plaintext behind', async () => {
    const [sealed] = await codec.encode([payload]);
    expect(new TextDecoder().decode(sealed!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(new TextDecoder().decode(sealed!.metadata!['encryption-key-id'])).toBe('k2026');
    expect(Buffer.from(sealed!.data!).toString('latin1')).not.toContain('Siti');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual({ name: 'Siti Aminah', nik: '6472012345678901' });
  });

  test('after a rotation, payloads sealed with the old key still open', async () => {
    const before = new EncryptionCodec(parseKeyRing(`k2025:${old}`));
    const [sealed] = await before.encode([payload]);
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toMatchObject({ name: 'Siti Aminah' });
  });

  test('a tampered or unknown-key payload is refused', async () => {
    const [sealed] = await codec.encode([payload]);
    const tampered = { ...sealed!, data: Buffer.from(sealed!.data!).fill(0, 20, 21) };
    await expect(codec.decode([tampered])).rejects.toThrow();
    const stranger = new EncryptionCodec(parseKeyRing(`other:${key()}`));
    await expect(stranger.decode([sealed!])).rejects.toThrow('unknown key id "k2026"');
  });

  test('unencrypted payloads pass through decode unchanged', async () => {
    const [same] = await codec.decode([payload]);
    expect(same).toBe(payload);
  });

  test('bad key rings are rejected with a clear message', () => {
    expect(() => parseKeyRing('')).toThrow('has no key');
    expect(() => parseKeyRing('k1:c2hvcnQ=')).toThrow('must be 32 bytes');
    expect(() => parseKeyRing(`k1:${key()}`, 'k9')).toThrow('"k9" is not among');
    expect(() => parseKeyRing(`bad id:${key()}`)).toThrow('"<key id>:<base64 key>"');
  });
});
