// The scorecard page: reads /api/scorecard and /api/scorecard/cases with the browser's login
// (HTTP Basic; the browser asked for it when the page was opened) and draws two charts with the
// vendored Chart.js. Nothing is loaded from outside the application.
'use strict';

const PAGE_SIZE = 20;
const BANDS = [
  { key: 'withinHalfTarget', label: '不超过时限一半', color: '#15803d' },
  { key: 'withinTarget', label: '不超过时限', color: '#86efac' },
  { key: 'upToTwiceTarget', label: '超期，不超过一倍', color: '#fbbf24' },
  { key: 'beyondTwiceTarget', label: '超期一倍以上', color: '#dc2626' }
];
const OUTCOMES = { REJECTED: '不予受理', NOT_FEASIBLE: '不具备接水条件', WITHDRAWN: '已撤回' };

const charts = {};
let page = 0;

const $ = (id) => document.getElementById(id);
const number = (value, digits = 1) => (value === null || value === undefined ? '–' : Number(value).toFixed(digits));
const percent = (share) => (share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)}%`);
const yuan = (value) => (value === null || value === undefined ? '–' : `¥${Number(value).toLocaleString('zh-CN')}`);

async function read(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || `${response.status} ${response.statusText}`);
  }
  return body;
}

function query() {
  const params = new URLSearchParams();
  if ($('from').value) params.set('from', $('from').value);
  if ($('to').value) params.set('to', $('to').value);
  return params;
}

async function load() {
  $('problem').hidden = true;
  $('status').textContent = '正在计算…';
  try {
    const card = await read(`/api/scorecard?${query()}`);
    $('from').value = card.period.from;
    $('to').value = card.period.to;
    history.replaceState(null, '', `?from=${card.period.from}&to=${card.period.to}`);
    show(card);
    page = 0;
    await loadCases();
    const provisional = card.provisionalCalendarYears.length === 0 ? ''
      : `；注意：${card.provisionalCalendarYears.join('、')} 年尚未导入国务院节假日安排，工作日暂按法定节假日（不含调休）计算`;
    $('status').textContent = `${card.period.from} 至 ${card.period.to}（通水时间在此期间的申请）${provisional}`;
  } catch (error) {
    $('status').textContent = '';
    $('problem').textContent = error.message;
    $('problem').hidden = false;
  }
}

function show(card) {
  $('connectedCases').textContent = card.connectedCases;
  const otherwise = Object.entries(card.closedWithoutConnection).map(([outcome, n]) => `${OUTCOMES[outcome] || outcome} ${n}`);
  $('closedOtherwise').textContent = otherwise.length ? `未通水办结：${otherwise.join('，')}` : '期间内无未通水办结的申请';
  $('procedures').textContent = number(card.customerProcedures.median, 0);
  $('workingDays').textContent = `${number(card.workingDays.median)} / ${number(card.workingDays.p90)}`;
  $('calendarDays').textContent = `工作日，中位数 / 90 分位；自然日 ${number(card.calendarDays.median)} / ${number(card.calendarDays.p90)}`;
  $('utilityDays').textContent = `${number(card.utilityWorkingDays.median)} / ${number(card.utilityWorkingDays.p90)}`;
  $('customerDays').textContent = `${number(card.customerWorkingDays.mean)} / ${number(card.customerWorkingDays.max)}`;
  const targets = card.withinCaseTarget;
  $('withinTarget').textContent = percent(targets.all.share);
  $('withinTargetNote').textContent = `无外线 ${targets.withoutExternalWorksTarget} 日内 ${percent(targets.withoutExternalWorks.share)}，`
    + `有外线 ${targets.withExternalWorksTarget} 日内 ${percent(targets.withExternalWorks.share)}`;
  $('fee').textContent = `${yuan(card.customerFee.fee.median)}`;
  $('feeNote').textContent = `中位数；90 分位 ${yuan(card.customerFee.fee.p90)}；零费用 ${percent(card.customerFee.waivedShare)}`;
  $('satisfaction').textContent = number(card.satisfaction.mean, 2);
  const scores = Object.entries(card.satisfaction.distribution).map(([score, n]) => `${score} 分 ${n}`).join('，');
  $('satisfactionNote').textContent = `首次回访 ${card.satisfaction.count} 件（${scores}）；整改后再访 ${card.satisfaction.rectified} 件`;
  // The customers' own word, given unasked on the customer page: apart from the callback's scores.
  $('onlineRating').textContent = number(card.onlineRating.mean, 2);
  $('onlineRatingNote').textContent = `${card.onlineRating.count} 件在网上评价，占通水件数 ${percent(card.onlineRating.share)}`;

  const body = $('stages').querySelector('tbody');
  body.replaceChildren(...card.stages.map((stage) => row([
    stage.label, stage.targetWorkingDays, stage.workingDays.count, number(stage.workingDays.median, 2),
    number(stage.workingDays.p90, 2), number(stage.workingDays.max, 2), percent(stage.withinTarget.share)
  ], (cell, i) => {
    if (i === 6 && stage.withinTarget.share !== null) cell.className = stage.withinTarget.share >= 0.9 ? 'met' : 'missed';
  })));
  drawStages(card.stages);
  drawSeries(card.series);
}

function row(values, decorate) {
  const tr = document.createElement('tr');
  values.forEach((value, i) => {
    const td = document.createElement('td');
    td.textContent = value;
    if (decorate) decorate(td, i);
    tr.appendChild(td);
  });
  return tr;
}

function drawStages(stages) {
  charts.stages?.destroy();
  charts.stages = new Chart($('stageChart'), {
    type: 'bar',
    data: {
      labels: stages.map((s) => `${s.label}（${s.targetWorkingDays} 日）`),
      datasets: BANDS.map((band) => ({ label: band.label, data: stages.map((s) => s.bands[band.key]), backgroundColor: band.color }))
    },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: '件数' } } },
      plugins: { legend: { position: 'bottom' } }
    }
  });
}

function drawSeries(series) {
  $('seriesCaption').textContent = `全流程时限达标率（${series.interval === 'week' ? '按周' : '按月'}）`;
  charts.series?.destroy();
  charts.series = new Chart($('seriesChart'), {
    data: {
      labels: series.points.map((p) => (series.interval === 'week' ? `${p.start} 当周` : p.start.slice(0, 7))),
      datasets: [
        { type: 'line', label: '达标率 %', yAxisID: 'share', borderColor: '#0b5394', backgroundColor: '#0b5394', spanGaps: true,
          data: series.points.map((p) => (p.share === null ? null : Math.round(p.share * 1000) / 10)) },
        { type: 'bar', label: '通水件数', yAxisID: 'cases', backgroundColor: '#cbd2d9', data: series.points.map((p) => p.cases) }
      ]
    },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: {
        share: { position: 'left', min: 0, max: 100, title: { display: true, text: '达标率 %' } },
        cases: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: '件数' } }
      },
      plugins: { legend: { position: 'bottom' } }
    }
  });
}

async function loadCases() {
  const params = query();
  params.set('page', page);
  params.set('size', PAGE_SIZE);
  const result = await read(`/api/scorecard/cases?${params}`);
  const body = $('cases').querySelector('tbody');
  body.replaceChildren(...result.cases.map((c) => row([
    c.applicationNumber, new Date(c.waterOnAt).toLocaleString('zh-CN', { timeZone: result.period.zone }),
    c.externalWorks ? '有' : '无', c.customerProcedures, number(c.calendarDays, 2), number(c.workingDays, 2),
    `${number(c.utilityWorkingDays, 2)} / ${c.caseTargetWorkingDays}`, number(c.customerWorkingDays, 2),
    c.withinCaseTarget ? '达标' : '超时',
    // what the customer paid (docs/adr/0043); a quote still unpaid (a credit connection within its term) says so
    c.customerFee == null && c.quotedFee != null ? `待付（报价 ${yuan(c.quotedFee)}）` : yuan(c.customerFee),
    c.satisfaction ?? '未回访', c.onlineRating ?? '未评价',
    c.stages.filter((s) => s.withinTarget === false).map((s) => s.label).join('、') || '—'
  ], (cell, i) => {
    if (i === 8) cell.className = c.withinCaseTarget ? 'met' : 'missed';
  })));
  const pages = Math.max(1, Math.ceil(result.totalCases / PAGE_SIZE));
  $('casesNote').textContent = `共 ${result.totalCases} 件，按通水时间排序`;
  $('pageNote').textContent = `第 ${page + 1} / ${pages} 页`;
  $('previous').disabled = page === 0;
  $('next').disabled = page + 1 >= pages;
}

document.addEventListener('DOMContentLoaded', () => {
  const params = new URLSearchParams(location.search);
  $('from').value = params.get('from') || '';
  $('to').value = params.get('to') || '';
  $('period').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  $('lastMonth').addEventListener('click', () => { $('from').value = ''; $('to').value = ''; load(); });
  $('previous').addEventListener('click', () => { page -= 1; loadCases(); });
  $('next').addEventListener('click', () => { page += 1; loadCases(); });
  load();
});
