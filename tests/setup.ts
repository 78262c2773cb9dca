import fc from 'fast-check';
import { Settings } from 'luxon';

// Every test runs in China's zone with a pinned clock: deadline code that
// read the machine's zone or the wall clock would show up as a failure.
process.env.TZ = 'Asia/Shanghai';
Settings.defaultZone = 'Asia/Shanghai';
Settings.now = () => Date.UTC(2025, 0, 15, 1, 0);
Settings.throwOnInvalid = false;

// Property tests are reproducible: a fixed seed, overridable to explore.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_251_001) });
