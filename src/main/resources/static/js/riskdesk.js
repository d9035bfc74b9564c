// Draws the dashboard's weekly chart from the data attributes of its canvas; the table beside it has the same figures.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('weekly-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  const numbers = (name) => canvas.dataset[name].split(',').map(Number);
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: canvas.dataset.labels.split(','),
      datasets: [
        { label: 'Opened', data: numbers('opened'), backgroundColor: '#c2410c' },
        { label: 'Closed', data: numbers('closed'), backgroundColor: '#0b57d0' }
      ]
    },
    options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
});

// The account's usage chart (the signal panel, loaded by htmx): WAU and MAU per day from the canvas's data
// attributes, a triangle on each day findings fired on; the table beside it has the same figures.
const drawUsage = (canvas) => {
  if (Chart.getChart(canvas)) {
    return;
  }
  const usage = JSON.parse(canvas.dataset.usage);
  const fired = new Map(JSON.parse(canvas.dataset.fired).map((f) => [f.day, f.text]));
  const byDay = new Map(usage.days.map((d) => [d.day, d]));
  // Every calendar day on the axis, so a gap in the reports shows as a gap in time.
  const labels = [];
  for (let day = new Date(`${usage.from}T00:00:00Z`); day <= new Date(`${usage.to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    labels.push(day.toISOString().slice(0, 10));
  }
  const series = (name) => labels.map((day) => (byDay.has(day) ? byDay.get(day)[name] : null));
  new Chart(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: 'WAU', data: series('wau'), borderColor: '#0b57d0', backgroundColor: '#0b57d0', pointRadius: 0, spanGaps: true },
        { label: 'MAU', data: series('mau'), borderColor: '#5a6172', backgroundColor: '#5a6172', pointRadius: 0, spanGaps: true },
        { label: 'Finding fired', showLine: false, pointStyle: 'triangle', pointRadius: 8, borderColor: '#a4161a', backgroundColor: '#a4161a',
          data: labels.map((day) => (fired.has(day) ? (byDay.has(day) ? byDay.get(day).wau : 0) : null)) }
      ]
    },
    options: {
      maintainAspectRatio: false, animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 12 } } },
      plugins: { tooltip: { callbacks: {
        label: (item) => (item.datasetIndex === 2 ? `Fired: ${fired.get(item.label)}` : `${item.dataset.label}: ${item.formattedValue}`)
      } } }
    }
  });
};
// Chart.js loads only on pages that draw such a chart, once.
const usageCharts = () => {
  const canvases = document.querySelectorAll('canvas[data-usage]');
  if (canvases.length === 0) {
    return;
  }
  if (typeof Chart !== 'undefined') {
    canvases.forEach(drawUsage);
  } else if (!document.querySelector('script[data-chart-loader]')) {
    const script = document.createElement('script');
    script.src = canvases[0].dataset.chartScript;
    script.dataset.chartLoader = '';
    script.addEventListener('load', usageCharts);
    document.head.append(script);
  }
};
document.addEventListener('DOMContentLoaded', usageCharts);
document.addEventListener('htmx:afterSettle', usageCharts);

// Live countdowns to SLA due instants; htmx brings new ones in with each panel it swaps.
const countdownText = (due) => {
  const minutes = Math.round((Date.parse(due) - Date.now()) / 60000);
  const abs = Math.abs(minutes);
  const text = abs >= 1440 ? `${Math.floor(abs / 1440)} d ${Math.floor((abs % 1440) / 60)} h`
    : `${Math.floor(abs / 60)} h ${String(abs % 60).padStart(2, '0')} min`;
  return minutes >= 0 ? `due in ${text}` : `overdue by ${text}`;
};
const tickCountdowns = () => document.querySelectorAll('[data-countdown]').forEach((el) => {
  el.textContent = countdownText(el.dataset.countdown);
});
document.addEventListener('DOMContentLoaded', tickCountdowns);
document.addEventListener('htmx:afterSettle', tickCountdowns);
setInterval(tickCountdowns, 30000);

// The import review: the words of the document behind the field in focus light up; a click on
// highlighted words goes to their field.
const lightUp = (ids) => {
  document.querySelectorAll('mark.active').forEach((m) => m.classList.remove('active'));
  let first = null;
  ids.forEach((id) => document.querySelectorAll(`mark[data-span~="${id}"]`).forEach((m) => {
    m.classList.add('active');
    first = first || m;
  }));
  if (first) {
    first.scrollIntoView({ block: 'nearest' });
  }
};
document.addEventListener('focusin', (event) => {
  const field = event.target.closest('[data-spans]');
  if (field && field.dataset.spans) {
    lightUp(field.dataset.spans.split(' '));
  }
});
document.addEventListener('click', (event) => {
  const mark = event.target.closest('mark[data-span]');
  const field = mark && document.querySelector(`[data-spans~="${mark.dataset.span.split(' ')[0]}"]`);
  const input = field && field.querySelector('input, select, textarea');
  if (input) {
    input.focus();
  }
});

// Rows of a form list (milestones, decisions, meetings, evidence): add from the <template>
// beside the list, remove, and keep the indexes in the names contiguous for the server.
const reindex = (list) => list.querySelectorAll(':scope > [data-row]').forEach((row, i) => {
  row.querySelectorAll('[name]').forEach((el) => { el.name = el.name.replace(/\[\d+\]/, `[${i}]`); });
});
document.addEventListener('click', (event) => {
  const remove = event.target.closest('[data-remove-row]');
  const add = event.target.closest('[data-add-row]');
  if (remove) {
    const list = remove.closest('[data-rows]');
    remove.closest('[data-row]').remove();
    reindex(list);
  } else if (add) {
    const group = add.closest('fieldset');
    const list = group.querySelector('[data-rows]');
    list.append(group.querySelector('template').content.cloneNode(true));
    reindex(list);
    list.querySelector(':scope > [data-row]:last-child input').focus();
  }
});

// The new-account fields matter only while no existing account is chosen.
document.addEventListener('change', (event) => {
  if (event.target.matches('[data-new-account-toggle]')) {
    document.querySelector('[data-new-account]').hidden = event.target.value !== '';
  }
});
