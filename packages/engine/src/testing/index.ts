// Fixtures for tests of the engine and of the packages built on it (`@sandcloud/engine/testing`).
export { TEST_CERTIFICATE_KEY_PEM, TEST_CERTIFICATE_PEM } from './test-certificate.ts';
export { addNetwork, removePort, type NetworkFixture } from './store-fixtures.ts';
export { simulateFullDisk } from './full-disk.ts';
export {
  createTestWorld,
  instanceInput,
  launchInstance,
  launchInstances,
  TEST_IMAGES,
  TEST_PUBLIC_KEY,
  type TestWorld,
  type TestWorldOptions,
} from './test-world.ts';
