export default async function globalTeardown(): Promise<void> {
  await globalThis.__SIGAP_DEV_SERVER__?.stop();
}
