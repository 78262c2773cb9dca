import { randomBytes, randomUUID } from 'node:crypto';
import { createChinaCalendar } from '@kuaiban/calendar';
import { createPgliteStore } from '@kuaiban/store';
import { createPortal } from './createPortal.js';
import { demoItems } from './items.js';

/** The wall clock, in China's offset: the only place the portal reads it. */
const clock = {
  now: () =>
    new Date(Date.now() + 8 * 60 * 60 * 1000)
      .toISOString()
      .replace('Z', '+08:00'),
};

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const secret = process.env.PORTAL_SECRET ?? randomBytes(32).toString('hex');
if (!process.env.PORTAL_SECRET) {
  console.warn(
    'PORTAL_SECRET is not set: using a random secret; tokens end with this process.',
  );
}

// The embedded store: in memory unless PORTAL_DATA_DIR names a directory.
const dataDir = process.env.PORTAL_DATA_DIR;
const store = await createPgliteStore(dataDir ? { dataDir } : {});

const app = createPortal({
  engine: {
    items: demoItems,
    // The live clock may pass the last year of published holidays.
    calendar: createChinaCalendar({ beyondData: 'weekdays' }),
    ids: () =>
      `KB${clock.now().slice(0, 10).replaceAll('-', '')}-${randomUUID().slice(0, 8)}`,
  },
  store,
  clock,
  secret,
  logger: process.env.PORTAL_LOG === '1',
});

// Deadlines move with the calendar: run due wake-ups now and every minute.
const tick = () =>
  app.kuaiban.engine.tick().catch((error: unknown) => {
    console.error('Deadline wake-ups failed:', error);
  });
await tick();
const timer = setInterval(() => void tick(), 60_000);

const address = await app.listen({ port, host });
console.log(`快办 portal: ${address}  (demo users, password "demo")`);
console.log(`Cases: ${dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory'}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(timer);
    void app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}
