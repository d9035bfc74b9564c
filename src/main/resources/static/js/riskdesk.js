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
