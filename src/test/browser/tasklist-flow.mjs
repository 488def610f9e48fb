// The Tasklist walk-through in a real browser (headless Debian Chromium), run by TasklistBrowserIT
// against the application it has just started:
//   node src/test/browser/tasklist-flow.mjs <baseUrl> <screenshotDir> <applicantName>
// lina (intake) starts a case from the start form and accepts it in 受理待办; wangqiang (survey)
// finds it in 查勘待办 with the survey visit booked through the staff door on its card and in the form, fills the
// survey form and completes it; wulei (supervisor) opens the case in
// Cockpit. Every form is checked against its deployed definition: each field must render, and a
// field this script has no value for fails it. Any error notice, form error or failed request fails it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from '../../../tools/chromium.mjs';

const [baseUrl, screenshots, applicant] = process.argv.slice(2);
if (!baseUrl || !screenshots || !applicant) {
  throw new Error('usage: tasklist-flow.mjs <baseUrl> <screenshotDir> <applicantName>');
}
mkdirSync(screenshots, { recursive: true });
const TIMEOUT = 20_000;

/** What staff enter, by form field key. A form field missing here fails the test. */
const ENTERED = {
  applicantName: applicant,
  contactPhone: '0731-22881234',
  siteAddress: '天元区新马工业园新丰路 9 号',
  useType: 'industrial',
  expectedPeakDemand: '120',
  channel: 'counter',
  projectReference: '',
  intakeDecision: 'accepted',
  awaitingCustomer: false, // the site is ready: the survey goes on (等待客户条件具备 unticked, docs/adr/0045)
  surveyConclusion: 'feasible',
  connectionPoint: '新丰路 DN400 市政管',
  externalPipeLength: '160',
  crossesRoad: true,
  crossesGreenBelt: false,
  peakFlow: '180.5',
  meterPosition: '厂区南门内侧'
};

/** Requests the webapps make and expect to fail; anything else at 400 or above fails the test. */
const EXPECTED_FAILURES = [
  /\/camunda\/api\/admin\/auth\/user\/default$/, // Tasklist asks whether Admin is set up; it is.
  /\/camunda-welcome$/ // the first-login hint probes the welcome page's old address
];

const problems = [];
const { context, close } = await openBrowser({ timezoneId: 'Asia/Shanghai' });
context.setDefaultTimeout(TIMEOUT);
context.on('response', (response) => {
  if (response.status() >= 400 && !EXPECTED_FAILURES.some((pattern) => pattern.test(response.url()))) {
    problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  }
});
const page = await context.newPage();
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

function step(text) {
  console.log(`[browser] ${text}`);
}

/** Fails on any visible error notice (Tasklist's notifications, a form error, a Cockpit alert) or failed request. */
async function expectNoErrors(where) {
  const notices = await page.locator('.alert-danger:visible, .alert-error:visible').allInnerTexts();
  if (notices.length || problems.length) {
    await page.screenshot({ path: join(screenshots, 'browser-test-failure.png') });
    throw new Error(`${where}: ${[...notices.map((text) => text.replace(/\s+/g, ' ').trim()), ...problems].join(' | ')}`);
  }
}

async function engineRest(user, path) {
  const response = await fetch(`${baseUrl}/engine-rest${path}`, {
    headers: { Authorization: 'Basic ' + Buffer.from(`${user}:demo`).toString('base64') }
  });
  if (!response.ok) {
    throw new Error(`engine-rest ${path}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** The application's own staff doors (HTTP Basic), as a staff tool would call them; fails on anything but 2xx. */
async function staffApi(user, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: Object.assign({ Authorization: 'Basic ' + Buffer.from(`${user}:demo`).toString('base64') },
      body ? { 'Content-Type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined
  });
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

async function logIn(user, app = 'tasklist') {
  step(`${user} logs into ${app}`);
  await context.clearCookies();
  await page.goto(`${baseUrl}/camunda/app/${app}/default/`);
  await page.locator('input[ng-model="username"]').fill(user);
  await page.locator('input[ng-model="password"]').fill('demo');
  // The login button in Chinese proves the zh locale is served.
  await page.locator('button[type="submit"]', { hasText: '登录' }).click();
  await page.locator('input[ng-model="username"]').waitFor({ state: 'detached' });
}

/** The form-js field of a component, found by the component id form-js puts into its element ids. */
function field(component) {
  return page.locator('.fjs-form-field', {
    has: page.locator(`[id$="-${component.id}"], [id*="-${component.id}-"]`)
  });
}

/**
 * Fills a rendered Camunda Form as a person would, field by field in form order, from its deployed
 * definition: every field must be on screen (conditional ones once their condition holds), display
 * fields must show a value, and every editable field must get one.
 */
async function fillForm(name, form) {
  await page.locator('.fjs-form').waitFor();
  for (const component of form.components) {
    if (!component.key) {
      continue;
    }
    const where = `${name}: field ${component.key} (${component.label})`;
    const element = field(component);
    if (component.conditional) {
      await page.waitForTimeout(150); // form-js re-evaluates conditions after the previous input
      if (!(await element.isVisible())) {
        continue;
      }
    }
    try {
      await element.waitFor({ state: 'visible', timeout: 5_000 });
    } catch (error) {
      throw new Error(`${where} did not render`);
    }
    const label = (await element.locator('.fjs-form-field-label').first().innerText()).replace('*', '').trim();
    if (label !== component.label) {
      throw new Error(`${where} shows the label "${label}"`);
    }
    if (component.disabled) {
      const shown = component.type === 'select'
        ? await element.locator('.fjs-select-display').innerText()
        : await element.locator('input, textarea').first().inputValue();
      if (!shown.trim()) {
        throw new Error(`${where} shows no value`);
      }
      continue;
    }
    if (!(component.key in ENTERED)) {
      throw new Error(`${where} is new: the browser test has no value for it`);
    }
    const value = ENTERED[component.key];
    const option = (component.values || []).find((candidate) => candidate.value === value);
    switch (component.type) {
      case 'textfield':
      case 'textarea':
      case 'number':
        await element.locator('input, textarea').first().fill(String(value));
        break;
      case 'select':
        await element.locator('.fjs-input-group').click();
        await element.locator('.fjs-dropdownlist-item', { hasText: option.label }).click();
        break;
      case 'radio':
        await element.getByText(option.label, { exact: true }).click();
        break;
      case 'checkbox':
        await element.locator('input[type="checkbox"]').setChecked(value === true);
        break;
      default:
        throw new Error(`${where} has type ${component.type}, which the browser test does not fill`);
    }
    await untilTheFormHas(where, component.key, value);
  }
  await expectNoErrors(`${name} filled`);
}

/**
 * Waits until form-js has taken a field's value into the data 完成 submits. form-js applies typed text 300 ms after
 * the last keystroke (a number field after its own re-render, then 300 ms), and any re-render of the form before then
 * puts the form's old value back into a text field: moving on to the next field as soon as Playwright has typed let an
 * earlier field's late change wipe the next field's text under load, whose own late change then sent it empty
 * ("Field is required", 完成 disabled), or 完成 was clicked first and the submit failed on it. A person is slower than
 * the debounce; the script waits for the form itself.
 */
async function untilTheFormHas(where, key, value) {
  try {
    await page.waitForFunction(({ key, value }) => {
      // The data of the form on screen, from the form-js service its Preact tree provides (Tasklist keeps no handle).
      const stack = [document.querySelector('.fjs-container').__k];
      while (stack.length) {
        const node = stack.pop();
        if (Array.isArray(node)) {
          stack.push(...node);
        } else if (node) {
          const provided = node.props && node.props.value;
          if (provided && typeof provided.getService === 'function') {
            const data = provided.getService('form')._getState().data;
            return typeof value === 'boolean' ? data[key] === value : String(data[key] ?? '') === String(value);
          }
          stack.push(node.__k);
        }
      }
      throw new Error('no form-js form on the page');
    }, { key, value }, { polling: 50, timeout: 5_000 });
  } catch (error) {
    throw new Error(`${where}: the form did not take the value ${value}: ${error.message}`);
  }
}

async function openFilter(name) {
  await page.locator('.task-filter', { hasText: name }).first().click();
}

/** Opens the case's task from the filter's list (task card shows the applicant) and claims it. */
async function openTaskFromFilter(user, filterName, taskName, alsoShown = []) {
  await openFilter(filterName);
  const card = page.locator('.tasks-list .task', { hasText: applicant }).filter({ hasText: taskName });
  await card.first().waitFor();
  // The card's columns: number and applicant in view, the site one click further (Tasklist folds the third).
  const text = await card.first().textContent();
  for (const shown of ['申请编号', 'GW-', '申请人', applicant, '用水地址', ENTERED.siteAddress].concat(alsoShown)) {
    if (!text.includes(shown)) {
      throw new Error(`${filterName}: the task card lacks ${shown}: ${text.replace(/\s+/g, ' ')}`);
    }
  }
  await card.first().click();
  await page.locator('button', { hasText: '认领' }).first().click();
  // Tasklist enables 完成 only for the assignee: the claim is done when the button has given way to the name.
  await page.locator('button', { hasText: '认领' }).waitFor({ state: 'detached' });
  await page.locator('.fjs-form').waitFor();
  await expectNoErrors(`${user} opened ${taskName}`);
}

/** Clicks 完成 and waits until the engine no longer has the task. */
async function completeTask(user, task) {
  // Tasklist may still read the task it has just completed (a list refresh under load): 404/403 for that task only.
  EXPECTED_FAILURES.push(new RegExp(`/task/${task.id}$`));
  // At the end of a long form the button's lower half sits under Tasklist's fixed footer; a person clicks the part
  // they see, so does the test (the middle of the button is the footer's).
  await page.locator('button', { hasText: /^\s*完成\s*$/ }).click({ position: { x: 12, y: 6 } });
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await engineRest('admin', `/task?taskId=${task.id}`);
    if (open.length === 0) {
      await expectNoErrors(`${user} completed ${task.name}`);
      return;
    }
    await expectNoErrors(`${user} completing ${task.name}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${user}: ${task.name} was not completed`);
}

async function taskOfCase(user, taskKey) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const tasks = await engineRest(user, `/task?taskDefinitionKey=${taskKey}&processVariables=applicantName_eq_${encodeURIComponent(applicant)}`);
    if (tasks.length === 1) {
      return tasks[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${user} never got ${taskKey} for ${applicant}`);
}

try {
  // 1. lina starts a case from Tasklist's start form.
  await logIn('lina');
  await expectNoErrors('Tasklist after login');
  await page.locator('a', { hasText: '启动流程' }).click();
  await page.locator('.modal a', { hasText: '获得用水' }).click();
  await fillForm('start form', await engineRest('lina', '/process-definition/key/obtainingWater/deployed-start-form'));
  await page.locator('.modal button', { hasText: '启动' }).click();
  await page.locator('.notifications', { hasText: '流程已启动' }).waitFor();
  await expectNoErrors('case started');

  // 2. lina accepts it from her queue.
  const intake = await taskOfCase('lina', 'userTask_reviewApplication');
  step(`case ${intake.processInstanceId} is waiting at intake`);
  await page.reload();
  await openTaskFromFilter('lina', '受理待办', '受理审核');
  await fillForm('intake form', await engineRest('lina', `/task/${intake.id}/deployed-form`));
  await page.locator('.fjs-form').evaluate((form) => form.scrollIntoView());
  await page.screenshot({ path: join(screenshots, 'tasklist-intake-task.png') });
  step('screenshot tasklist-intake-task.png');
  await completeTask('lina', intake);

  // 3. The customer books the survey visit by phone, and lina enters it through the staff door (docs/adr/0042);
  // wangqiang finds the case in the survey queue with the visit on its card and in the form, fills the survey and
  // completes it.
  const survey = await taskOfCase('wangqiang', 'userTask_surveySite');
  const number = (await engineRest('admin', `/process-instance/${intake.processInstanceId}/variables/applicationNumber`)).value;
  const offered = await staffApi('lina', 'GET', `/api/v1/staff/visits/${number}/survey`);
  const booked = await staffApi('lina', 'POST', `/api/v1/staff/visits/${number}/survey`,
    { date: offered.earliest.date, halfDay: offered.earliest.halfDay, reason: '客户来电预约' });
  step(`survey visit booked for ${number}: ${booked.booking.label}`);
  await logIn('wangqiang');
  await openTaskFromFilter('wangqiang', '查勘待办', '现场查勘', ['预约上门', booked.booking.label]);
  await page.locator('.fjs-form-field', { hasText: '客户预约的查勘时间' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, 'tasklist-survey-visit.png') });
  step('screenshot tasklist-survey-visit.png');
  await fillForm('survey form', await engineRest('wangqiang', `/task/${survey.id}/deployed-form`));
  await page.screenshot({ path: join(screenshots, 'tasklist-survey-form.png') });
  step('screenshot tasklist-survey-form.png');
  await completeTask('wangqiang', survey);
  await taskOfCase('zhaomin', 'userTask_designSupplyScheme');

  // 4. wulei, the supervisor, looks at the case in Cockpit: waiting at design now.
  await logIn('wulei', 'cockpit');
  await page.goto(`${baseUrl}/camunda/app/cockpit/default/#/process-instance/${intake.processInstanceId}/runtime`);
  await page.locator('.djs-element[data-element-id="userTask_designSupplyScheme"]').waitFor();
  await page.locator('text=供水方案设计').first().waitFor();
  await page.waitForTimeout(1000); // let the diagram settle on its badges
  await expectNoErrors('Cockpit case view');
  await page.screenshot({ path: join(screenshots, 'cockpit-case.png') });
  step('screenshot cockpit-case.png');
  console.log(`[browser] passed: case ${intake.processInstanceId}`);
} catch (error) {
  await page.screenshot({ path: join(screenshots, 'browser-test-failure.png') }).catch(() => {});
  throw error;
} finally {
  await close();
}
