import { createChinaCalendar } from '@kuaiban/calendar';
import { ENTERPRISE_CHAIN } from './enterpriseChain.js';
import {
  DEMO_ENTERPRISE,
  DEMO_START_DATE,
  ENTERPRISE_PLAN,
} from './enterprisePlan.js';
import { formatTimeline } from './formatTimeline.js';
import { LINKS } from './links.js';
import { runTimeline } from './timeline.js';

// 八事快办 end to end: one enterprise through the whole chain on the engine.

const print = (line = '') => console.log(line);

print('Kuaiban 快办 · 八事快办: the enterprise lifecycle chain (seeds/002 item 50)');
print(
  `${DEMO_ENTERPRISE.nameZh}, from ${DEMO_START_DATE} (a fixed demo date), on the national working-day calendar`,
);
print();
const timeline = await runTimeline({
  chain: ENTERPRISE_CHAIN,
  links: LINKS,
  plan: ENTERPRISE_PLAN,
  calendar: createChinaCalendar(),
  startOn: DEMO_START_DATE,
  applicantId: DEMO_ENTERPRISE.id,
  onProgress: ({ done, total, record }) =>
    process.stderr.write(
      `\r[${String(done).padStart(2)}/${total}] ${record.item.nameZh}`.padEnd(60),
    ),
});
process.stderr.write('\n');
for (const line of formatTimeline(timeline)) print(line);
