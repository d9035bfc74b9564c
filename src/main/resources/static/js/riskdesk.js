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
