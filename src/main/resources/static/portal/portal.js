// The customer page (issue 14): phone -> code -> my applications -> apply -> confirmation -> timeline -> withdraw;
// book the survey and meter visits; accept and pay a quoted connection fee; after water-on, read and sign the supply
// contract and rate the service; see why a case is paused for the customer and say "ready" (issue 16).
// Plain JavaScript, no build step, no outside host. Every rule and message comes from the API's answers
// (problem+json with errors per field), so the page and the API cannot disagree.
'use strict';

const API = '/api/v1';
const SECTIONS = ['login', 'mine', 'apply', 'confirmation', 'case', 'withdraw'];
const STATE_WORDS = { DONE: '已完成', CURRENT: '正在办理', UPCOMING: '尚未开始', SKIPPED: '无需办理' };
const STATE_MARKS = { DONE: '✓', CURRENT: '●', UPCOMING: '○', SKIPPED: '–' };
const WITHDRAWABLE = ['RECEIVED', 'INTAKE', 'SURVEY', 'DESIGN', 'PAYMENT', 'PERMITS', 'CONSTRUCTION', 'METERING'];

const $ = (id) => document.getElementById(id);
let phone = sessionStorage.getItem('ow-phone') || '';
let current = null;

function show(section) {
  for (const id of SECTIONS) $(id).hidden = id !== section;
  $('signOut').hidden = section === 'login';
  $('main').focus();
  window.scrollTo(0, 0);
}

function notice(text) {
  $('notice').textContent = text || '';
  $('notice').hidden = !text;
}

/** Sends JSON; answers {status, body}. A 401 anywhere but the login sends the customer back to it. */
async function call(method, path, body, headers = {}) {
  const response = await fetch(API + path, {
    method,
    credentials: 'same-origin',
    // Object.assign, not object spread: WeChat's older X5 kernels (Chromium 57) cannot parse spread at all.
    headers: Object.assign(body ? { 'Content-Type': 'application/json' } : {}, { Accept: 'application/json' }, headers),
    body: body ? JSON.stringify(body) : undefined
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (response.status === 401 && !path.startsWith('/sessions') && !path.startsWith('/verification-codes')) {
    signedOut('登录已过期，请重新获取验证码登录。');
    throw new Error('signed out');
  }
  return { status: response.status, body: json, retryAfter: response.headers.get('Retry-After') };
}

/** Shows the API's problem next to each field it names, or in the form's own message. */
function showProblem(problem, fields, fallbackId) {
  let placed = false;
  for (const error of (problem && problem.errors) || []) {
    const name = error.field === 'X-Contact-Phone' ? 'contactPhone' : error.field;
    if (fields.includes(name) && $(name + '-error')) {
      $(name + '-error').textContent = error.message;
      $(name).setAttribute('aria-invalid', 'true');
      if (!placed) $(name).focus();
      placed = true;
    }
  }
  if (!placed) $(fallbackId).textContent = (problem && problem.detail) || '暂时无法办理，请稍后再试。';
}

function clearErrors(form) {
  for (const el of form.querySelectorAll('.error')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

function busy(button, on) {
  button.disabled = on;
}

function signedOut(message) {
  phone = '';
  sessionStorage.removeItem('ow-phone');
  $('sessionForm').hidden = true;
  $('code').value = '';
  show('login');
  notice(message);
}

// --- 1. Phone and code --------------------------------------------------------------------------

$('codeForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors($('codeForm'));
  notice('');
  busy($('sendCode'), true);
  try {
    const answer = await call('POST', '/verification-codes', { phone: $('phone').value.trim() });
    if (answer.status === 202) {
      $('sessionForm').hidden = false;
      $('code').focus();
      notice('验证码已发送到 ' + $('phone').value.trim() + '，5 分钟内有效。');
    } else {
      showProblem(answer.body, ['phone'], 'phone-error');
    }
  } finally {
    busy($('sendCode'), false);
  }
});

$('sessionForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors($('sessionForm'));
  busy($('signIn'), true);
  try {
    const answer = await call('POST', '/sessions', { phone: $('phone').value.trim(), code: $('code').value.trim() });
    if (answer.status === 201) {
      phone = answer.body.phone;
      sessionStorage.setItem('ow-phone', phone);
      notice('');
      await showMine();
    } else {
      showProblem(answer.body, ['code', 'phone'], 'code-error');
    }
  } finally {
    busy($('signIn'), false);
  }
});

$('signOut').addEventListener('click', () => signedOut('您已退出。'));

// --- 2. My applications ------------------------------------------------------------------------

async function showMine() {
  const answer = await call('GET', '/applications');
  if (answer.status !== 200) {
    notice((answer.body && answer.body.detail) || '暂时无法查询，请稍后再试。');
    return;
  }
  $('minePhone').textContent = '手机号 ' + phone + ' 名下的申请';
  const list = $('mineList');
  list.textContent = '';
  for (const item of answer.body) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.number = item.applicationNumber;
    const num = document.createElement('span');
    num.className = 'num';
    num.textContent = item.applicationNumber + ' · ' + (item.outcomeLabel || item.stageLabel);
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = item.siteAddress + ' · ' + new Date(item.receivedAt).toLocaleDateString('zh-CN') + ' 提交';
    const next = document.createElement('span');
    next.className = 'meta';
    next.textContent = '下一步：' + item.nextStep;
    button.append(num, meta, next);
    button.addEventListener('click', () => showCase(item.applicationNumber));
    li.append(button);
    list.append(li);
  }
  $('mineEmpty').hidden = answer.body.length > 0;
  show('mine');
}

for (const back of document.querySelectorAll('[data-back]')) {
  back.addEventListener('click', () => { notice(''); showMine(); });
}

// --- 3. Apply, 4. confirmation -----------------------------------------------------------------

const APPLY_FIELDS = ['applicantName', 'contactPhone', 'siteAddress', 'useType', 'expectedPeakDemand', 'projectReference'];

$('newApplication').addEventListener('click', () => {
  $('applyForm').reset();
  clearErrors($('applyForm'));
  $('contactPhone').value = phone;
  $('applyForm').dataset.key = 'web-' + Date.now() + '-' + Math.random().toString(36).slice(2, 10);
  show('apply');
});

$('applyForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors($('applyForm'));
  const demand = $('expectedPeakDemand').value.trim();
  const body = {
    applicantName: $('applicantName').value,
    contactPhone: $('contactPhone').value,
    siteAddress: $('siteAddress').value,
    useType: $('useType').value || null,
    expectedPeakDemand: demand === '' || isNaN(Number(demand)) ? null : Number(demand),
    channel: 'web'
  };
  if ($('projectReference').value.trim()) body.projectReference = $('projectReference').value.trim();
  busy($('submitApplication'), true);
  try {
    // One key per filled form: a retry after a lost answer files nothing twice.
    const answer = await call('POST', '/applications', body, { 'Idempotency-Key': $('applyForm').dataset.key });
    if (answer.status === 201 || answer.status === 200) {
      $('confirmedNumber').textContent = answer.body.applicationNumber;
      show('confirmation');
    } else {
      if (demand !== '' && isNaN(Number(demand))) {
        $('expectedPeakDemand-error').textContent = '预计最大用水量应为数字，例如 12.5';
      }
      showProblem(answer.body, APPLY_FIELDS, 'apply-error');
    }
  } finally {
    busy($('submitApplication'), false);
  }
});

$('viewConfirmed').addEventListener('click', () => showCase($('confirmedNumber').textContent));

// --- 5. Timeline --------------------------------------------------------------------------------

async function showCase(number) {
  const answer = await call('GET', '/applications/' + encodeURIComponent(number));
  if (answer.status !== 200) {
    notice((answer.body && answer.body.detail) || '暂时无法查询，请稍后再试。');
    return;
  }
  current = answer.body;
  $('caseNumber').textContent = current.applicationNumber;
  $('caseSite').textContent = (current.outcomeLabel ? '已办结：' + current.outcomeLabel : '当前：' + current.stageLabel);
  $('caseNext').textContent = '下一步：' + current.nextStep;
  const timeline = $('timeline');
  timeline.textContent = '';
  for (const step of current.timeline) {
    const li = document.createElement('li');
    li.className = step.state.toLowerCase();
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = STATE_MARKS[step.state];
    const text = document.createElement('div');
    const title = document.createElement('span');
    title.textContent = step.label + ' · ';
    const state = document.createElement('span');
    state.className = 'state';
    state.textContent = STATE_WORDS[step.state];
    const days = document.createElement('span');
    days.className = 'days';
    const parts = [];
    if (step.targetWorkingDays != null) parts.push('时限 ' + step.targetWorkingDays + ' 个工作日');
    if (step.workingDaysUsed != null) parts.push('已用 ' + step.workingDaysUsed + ' 个工作日');
    days.textContent = parts.join('，');
    text.append(title, state, days);
    if (step.visit) {
      const visitLine = document.createElement('span');
      visitLine.className = 'booked-visit';
      visitLine.textContent = step.visit;
      text.append(visitLine);
    }
    li.append(mark, text);
    timeline.append(li);
  }
  $('withdrawStart').hidden = current.outcome != null || !WITHDRAWABLE.includes(current.stage);
  showPause();
  showRating();
  await showVisit();
  await showQuote();
  await showContract();
  show('case');
}

// --- 6b. The clock stopped for the customer (docs/adr/0045): why, and the customer's "ready" ----------------------

function showPause() {
  const pause = current.pause;
  $('pauseBox').hidden = !pause;
  $('ready-error').textContent = '';
  if (!pause) return;
  $('pauseWhy').textContent = pause.stageLabel + '暂停，原因：' + pause.reasonLabel + '。';
}

$('readySubmit').addEventListener('click', async () => {
  $('ready-error').textContent = '';
  busy($('readySubmit'), true);
  try {
    const answer = await call('POST', '/applications/' + encodeURIComponent(current.applicationNumber) + '/readiness', {});
    if (answer.status === 200) {
      notice('已通知工作人员继续办理，我们会尽快与您联系安排上门。');
      await showCase(current.applicationNumber);
    } else {
      $('ready-error').textContent = (answer.body && answer.body.detail) || '暂时无法办理，请稍后再试。';
    }
  } finally {
    busy($('readySubmit'), false);
  }
});

// --- 7. Visits booked by the customer (docs/adr/0042): a half-day for the survey, later for the meter -------

let visit = null;

async function showVisit() {
  visit = null;
  $('visitBox').hidden = true;
  if (!current.bookableVisit) return;
  const answer = await call('GET', '/applications/' + encodeURIComponent(current.applicationNumber) + '/visits/'
    + current.bookableVisit);
  if (answer.status !== 200 || !answer.body.bookable) return;
  visit = answer.body;
  const booked = visit.booking;
  const earliest = visit.earliest ? visit.earliest.label : null;
  $('visitTitle').textContent = '预约' + visit.label;
  $('visitCurrent').hidden = !booked;
  $('visitCurrent').textContent = booked
    ? '已预约' + visit.label + '：' + booked.label + (booked.customerWorkingDays > 0
      ? '。您选择的时段晚于最早可约时段，其中 ' + booked.customerWorkingDays + ' 个工作日算作您自己的时间。' : '。')
    : '';
  const select = $('slot');
  select.textContent = '';
  for (const slot of visit.slots) {
    const option = document.createElement('option');
    option.value = slot.date + ' ' + slot.halfDay;
    // short enough for a 360 px select: 12月8日（周二）上午（余 3）最早
    option.textContent = slot.label + (slot.free > 0 ? '（余 ' + slot.free + '）' : '（已约满）')
      + (slot.label === earliest ? '最早' : '');
    option.disabled = slot.free < 1;
    option.selected = booked ? slot.label === booked.label : slot.label === earliest;
    select.append(option);
  }
  clearErrors($('visitForm'));
  $('visitSubmit').textContent = booked ? '确认改约' : '确认预约';
  $('visitBox').hidden = false;
}

$('visitForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors($('visitForm'));
  const chosen = $('slot').value.split(' ');
  busy($('visitSubmit'), true);
  try {
    const answer = await call('POST', '/applications/' + encodeURIComponent(current.applicationNumber) + '/visits/'
      + visit.kind, { date: chosen[0], halfDay: chosen[1] });
    if (answer.status === 200) {
      notice('已预约' + answer.body.label + '：' + answer.body.booking.label + '，请保持电话畅通。');
      await showCase(current.applicationNumber);
      $('visitCurrent').focus();
    } else {
      const first = answer.body && answer.body.errors && answer.body.errors[0];
      $('slot-error').textContent = first ? first.message : (answer.body && answer.body.detail) || '暂时无法预约，请稍后再试。';
      $('slot').setAttribute('aria-invalid', 'true');
      $('slot').focus();
    }
  } finally {
    busy($('visitSubmit'), false);
  }
});

// --- 7b. The quote (docs/adr/0043): only a case whose connection fee is charged has one; accept it, pay it ------

const QUOTE_STATES = { AWAITING_ACCEPTANCE: '待确认', AWAITING_PAYMENT: '待付款', PAYMENT_AFTER_WATER_ON: '通水后付款',
  PAID: '已付清', CLOSED: '不再办理' };
let quote = null;

async function showQuote() {
  quote = null;
  $('quoteBox').hidden = true;
  // the timeline shows 报价与付款 only for a quoted case: no request for the others (a free case has no quote)
  if (!current.timeline.some((step) => step.stage === 'PAYMENT')) return;
  const answer = await call('GET', '/applications/' + encodeURIComponent(current.applicationNumber) + '/quote');
  if (answer.status !== 200) return;
  quote = answer.body;
  $('quoteAmount').textContent = Number(quote.amount).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
  $('quoteState').textContent = QUOTE_STATES[quote.state] || quote.state;
  $('quoteState').className = 'state ' + (quote.state === 'PAID' ? 'signed' : 'unsigned');
  $('quoteBasis').textContent = quote.basis;
  $('quoteCovers').textContent = quote.covers;
  $('quoteTiming').textContent = quote.timingBasis;
  $('quoteAccept').hidden = quote.state !== 'AWAITING_ACCEPTANCE';
  $('quotePay').hidden = quote.state !== 'AWAITING_PAYMENT';
  $('quote-error').textContent = '';
  $('quoteBox').hidden = false;
}

$('quoteAccept').addEventListener('click', async () => {
  $('quote-error').textContent = '';
  busy($('quoteAccept'), true);
  try {
    const answer = await call('POST', '/applications/' + encodeURIComponent(current.applicationNumber) + '/quote/acceptance');
    if (answer.status === 200) {
      notice(answer.body.state === 'AWAITING_PAYMENT' ? '已确认报价，请付款；到账后我们安排施工和装表。'
        : '已确认报价：先施工装表通水，通水后再付款。');
      await showCase(current.applicationNumber);
      $('quoteState').focus();
    } else {
      $('quote-error').textContent = (answer.body && answer.body.detail) || '暂时无法确认，请稍后再试。';
    }
  } finally {
    busy($('quoteAccept'), false);
  }
});

$('quotePay').addEventListener('click', async () => {
  $('quote-error').textContent = '';
  busy($('quotePay'), true);
  try {
    const answer = await call('POST', '/applications/' + encodeURIComponent(current.applicationNumber) + '/quote/payments');
    if (answer.status === 200) {
      window.location.assign(answer.body.payUrl); // the gateway's cashier; it tells us when the money arrived
    } else {
      $('quote-error').textContent = (answer.body && answer.body.detail) || '暂时无法付款，请稍后再试。';
      busy($('quotePay'), false);
    }
  } catch (error) {
    busy($('quotePay'), false);
    throw error;
  }
});

// --- 8. The supply contract, issued at water-on: read it, sign it with a code sent for it -----------------

const AFTER_WATER_ON = ['WATER_ON', 'CALLBACK', 'CLOSED'];
let contract = null;

async function showContract() {
  contract = null;
  $('contractBox').hidden = true;
  if (!AFTER_WATER_ON.includes(current.stage) || current.outcome === 'WITHDRAWN') return;
  const answer = await call('GET', '/applications/' + encodeURIComponent(current.applicationNumber) + '/contract');
  if (answer.status !== 200) return;
  contract = answer.body;
  $('contractNumber').textContent = contract.contractNumber;
  $('contractDocument').href = contract.documentUrl;
  const signature = contract.signature;
  $('contractState').textContent = signature
    ? '已签署（' + signature.methodLabel + '，' + new Date(signature.signedAt).toLocaleString('zh-CN') + '）'
    : '待签署';
  $('contractState').className = 'state ' + (signature ? 'signed' : 'unsigned');
  $('signForm').hidden = !!signature;
  $('signCodeField').hidden = true;
  clearErrors($('signForm'));
  $('contractBox').hidden = false;
}

$('signingCode').addEventListener('click', async () => {
  clearErrors($('signForm'));
  busy($('signingCode'), true);
  try {
    const answer = await call('POST', '/applications/' + encodeURIComponent(current.applicationNumber) + '/contract/signing-codes');
    if (answer.status === 202) {
      $('signCodeField').hidden = false;
      $('signCode').value = '';
      $('signCode').focus();
      notice('签署验证码已发送到申请登记的手机，5 分钟内有效。');
    } else {
      $('sign-error').textContent = (answer.body && answer.body.detail) || '暂时无法发送验证码，请稍后再试。';
    }
  } finally {
    busy($('signingCode'), false);
  }
});

$('signCode').addEventListener('input', () => {
  $('signCode-error').textContent = '';
  $('signCode').removeAttribute('aria-invalid');
});

$('signForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors($('signForm'));
  busy($('signSubmit'), true);
  try {
    const answer = await call('POST', '/applications/' + encodeURIComponent(current.applicationNumber) + '/contract/signature',
      { code: $('signCode').value.trim(), documentSha256: contract.documentSha256 });
    if (answer.status === 201) {
      notice('供水合同 ' + answer.body.contractNumber + ' 已签署。');
      await showContract();
      $('contractState').focus();
    } else {
      const errors = (answer.body && answer.body.errors) || [];
      const about = errors.filter((e) => e.field === 'code').map((e) => e.message).join('；');
      if (about) {
        $('signCode-error').textContent = about;
        $('signCode').setAttribute('aria-invalid', 'true');
        $('signCode').focus();
      } else {
        $('sign-error').textContent = (answer.body && answer.body.detail) || '暂时无法签署，请稍后再试。';
      }
    }
  } finally {
    busy($('signSubmit'), false);
  }
});

// --- 7. Rate the service, once the water is on (the API says when: canRate) ----------------------------

const SCORE_WORDS = { 1: '非常不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '非常满意' };

function showRating() {
  $('ratingBox').hidden = !current.canRate;
  if (current.canRate) {
    $('ratingForm').reset();
    clearErrors($('ratingForm'));
  }
  const rating = current.rating;
  $('ratingDone').hidden = !rating;
  $('ratingDone').textContent = rating
    ? '您的评价：' + rating.score + ' 分（' + SCORE_WORDS[rating.score] + '）' + (rating.comment ? '，' + rating.comment : '') + '。感谢您的评价！'
    : '';
}

$('ratingForm').addEventListener('change', (event) => {
  if (event.target.name === 'score') $('score-error').textContent = '';
});

$('ratingForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors($('ratingForm'));
  const chosen = $('ratingForm').querySelector('input[name=score]:checked');
  const body = { score: chosen ? Number(chosen.value) : null, comment: $('comment').value };
  busy($('ratingSubmit'), true);
  try {
    const answer = await call('POST', '/applications/' + encodeURIComponent(current.applicationNumber) + '/rating', body);
    if (answer.status === 201) {
      current = answer.body;
      showRating();
      $('ratingDone').focus();
    } else {
      const errors = (answer.body && answer.body.errors) || [];
      const about = (field) => errors.filter((e) => e.field === field).map((e) => e.message).join('；');
      $('score-error').textContent = about('score');
      $('comment-error').textContent = about('comment');
      if (about('comment')) $('comment').setAttribute('aria-invalid', 'true');
      if (!errors.length) $('score-error').textContent = (answer.body && answer.body.detail) || '暂时无法评价，请稍后再试。';
    }
  } finally {
    busy($('ratingSubmit'), false);
  }
});

// --- 6. Withdraw --------------------------------------------------------------------------------

$('withdrawStart').addEventListener('click', () => {
  $('withdrawForm').reset();
  clearErrors($('withdrawForm'));
  $('otherReasonField').hidden = true;
  show('withdraw');
});

$('withdrawForm').addEventListener('change', () => {
  const chosen = $('withdrawForm').querySelector('input[name=reason]:checked');
  $('otherReasonField').hidden = !chosen || chosen.value !== 'other';
});

$('withdrawCancel').addEventListener('click', () => showCase(current.applicationNumber));

$('withdrawForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors($('withdrawForm'));
  const chosen = $('withdrawForm').querySelector('input[name=reason]:checked');
  const reason = !chosen ? '' : chosen.value === 'other' ? $('otherReason').value.trim() : chosen.value;
  if (!reason) {
    $('reason-error').textContent = '请选择或填写撤回原因';
    return;
  }
  busy($('withdrawConfirm'), true);
  try {
    const answer = await call('POST', '/applications/' + encodeURIComponent(current.applicationNumber) + '/withdrawal', { reason });
    if (answer.status === 200) {
      await showCase(current.applicationNumber);
      notice('申请 ' + current.applicationNumber + ' 已撤回，相关工作已停止。');
    } else {
      showProblem(answer.body, ['reason'], 'reason-error');
    }
  } finally {
    busy($('withdrawConfirm'), false);
  }
});

// --- Start: an open session goes straight to my applications -------------------------------------

(async () => {
  if (!phone) {
    show('login');
    return;
  }
  try {
    await showMine();
  } catch (e) {
    // signed out: the login is shown
  }
})();
