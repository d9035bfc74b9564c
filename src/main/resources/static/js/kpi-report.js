// The KPI report's charts, drawn from the report's JSON on #kpi-data; the tables beside them have the same figures.
document.addEventListener('DOMContentLoaded', () => {
  const data = document.getElementById('kpi-data');
  if (!data || typeof Chart === 'undefined') {
    return;
  }
  const kpis = JSON.parse(data.dataset.kpis);
  const options = { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } };
  const bar = (id, labels, datasets) => new Chart(document.getElementById(id), { type: 'bar', data: { labels, datasets }, options });
  const colours = ['#c2410c', '#0b57d0', '#5a6172', '#15803d'];

  const bySeverity = kpis.durations.bySeverity;
  bar('kpi-durations-chart', bySeverity.map((row) => row.label),
    [['Triage', 'timeToTriage'], ['First response', 'timeToFirstResponse'], ['Resolve', 'timeToResolve'], ['Close', 'timeToClose']]
      .map(([label, figure], i) => ({ label: `${label} (median h)`, backgroundColor: colours[i],
        data: bySeverity.map((row) => row[figure].medianHours) })));

  const clocks = [...new Set(kpis.slaCompliance.map((row) => row.clock))];
  const severities = [...new Set(kpis.slaCompliance.map((row) => row.severity || 'Unrated'))];
  bar('kpi-sla-chart', clocks, severities.map((severity, i) => ({ label: `${severity} compliance %`, backgroundColor: colours[i % 4],
    data: clocks.map((clock) => {
      const row = kpis.slaCompliance.find((r) => r.clock === clock && (r.severity || 'Unrated') === severity);
      return row ? row.compliancePercent : null;
    }) })));

  bar('kpi-sources-chart', kpis.sources.map((row) => row.source),
    [{ label: 'Risks', backgroundColor: colours[1], data: kpis.sources.map((row) => row.risks) }]);
  bar('kpi-outcomes-chart', kpis.outcomes.map((row) => row.outcome),
    [{ label: `ARR (${kpis.reportingCurrency})`, backgroundColor: colours[3], data: kpis.outcomes.map((row) => row.arr) }]);
});
