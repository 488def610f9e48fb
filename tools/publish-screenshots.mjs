// Copies the screenshots the browser test took in its last run (target/screenshots/) to docs/images/,
// where the README shows them. A plain `mvn -B verify` leaves tracked files alone; `npm run check`
// (verify, render, publish) refreshes every picture on purpose.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const from = 'target/screenshots';
const pictures = ['tasklist-intake-task.png', 'tasklist-survey-form.png', 'tasklist-survey-visit.png', 'cockpit-case.png', 'scorecard.png',
  'portal-login.png', 'portal-apply-errors.png', 'portal-confirmation.png', 'portal-timeline.png', 'portal-mine.png',
  'portal-withdraw.png', 'portal-timeline-done.png', 'portal-rating.png', 'portal-contract.png', 'supply-contract.png',
  'portal-booking.png', 'portal-quote.png', 'portal-paused.png'];
for (const picture of pictures) {
  const source = join(from, picture);
  if (!existsSync(source)) {
    console.error(`${source} is missing: run mvn -B verify first (the browser test takes the screenshots)`);
    process.exit(1);
  }
  copyFileSync(source, join('docs/images', picture));
  console.log(`docs/images/${picture}`);
}
