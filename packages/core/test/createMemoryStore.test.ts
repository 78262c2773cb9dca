import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/createMemoryStore.js';
import { storeContract } from '../src/storeContract.js';

storeContract('memory store', () => createMemoryStore(), {
  describe,
  it,
  expect,
});
