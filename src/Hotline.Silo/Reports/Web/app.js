'use strict';
// The reports page: one fetch of /api/reports; the tables and both charts are drawn from the same rows, so a
// chart's numbers are always its table's. Every user-written string goes in through textContent.
(function () {
  const form = document.getElementById('query');
  const status = document.getElementById('status');
  const charts = {};

  function params() {
    const data = new FormData(form);
    const query = new URLSearchParams();
    for (const [name, value] of data) {
      if (value) query.set(name, value);
    }
    return query;
  }

  function format(value, definition) {
    if (value === null || value === undefined) return '—';
    if (definition.percent) return (value * 100).toFixed(1) + '%';
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }

  function cell(row, text, tag) {
    const element = document.createElement(tag || 'td');
    element.textContent = text;
    row.appendChild(element);
  }

  function fillTable(table, keyTitle, rows, definitions, total) {
    const head = table.tHead;
    const body = table.tBodies[0];
    head.replaceChildren();
    body.replaceChildren();
    const header = head.insertRow();
    cell(header, keyTitle, 'th');
    definitions.forEach(d => cell(header, d.name, 'th'));
    const add = (label, row, css) => {
      const line = body.insertRow();
      if (css) line.className = css;
      line.dataset.key = row.key;
      cell(line, label);
      definitions.forEach(d => cell(line, format(row.figures[d.id], d)));
    };
    rows.forEach(row => add(row.key, row));
    if (total) add('合计', total, 'total');
  }

  function chartSeries(report) {
    const byId = Object.fromEntries(report.definitions.map(d => [d.id, d]));
    const barFigure = report.breakdown === 'department' ? 'three_rate_score'
      : (report.breakdown === 'queue' ? 'calls_offered' : 'tickets_created');
    return {
      trend: {
        days: report.trend.map(r => r.key),
        series: ['calls_offered', 'calls_answered', 'tickets_created', 'overdue_unreplied'].map(id => ({
          id, name: byId[id].name, data: report.trend.map(r => r.figures[id]),
        })),
      },
      bars: {
        figure: barFigure,
        name: byId[barFigure].name,
        keys: report.rows.map(r => r.key),
        data: report.rows.map(r => r.figures[barFigure]),
      },
    };
  }

  function drawCharts(data) {
    window.reportCharts = data;
    if (typeof echarts === 'undefined') {
      status.textContent = '图表库未加载（构建时由 npm 安装 echarts）。';
      return;
    }
    charts.trend = charts.trend || echarts.init(document.getElementById('trend-chart'), null, { renderer: 'svg' });
    charts.bars = charts.bars || echarts.init(document.getElementById('breakdown-chart'), null, { renderer: 'svg' });
    charts.trend.setOption({
      title: { text: '按日趋势', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: data.trend.days },
      yAxis: { type: 'value' },
      animation: false,
      series: data.trend.series.map(s => ({ type: 'line', name: s.name, data: s.data })),
    }, true);
    charts.bars.setOption({
      title: { text: data.bars.name, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.bars.keys, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value' },
      animation: false,
      series: [{ type: 'bar', name: data.bars.name, data: data.bars.data }],
    }, true);
  }

  function render(report) {
    document.getElementById('period').textContent = '统计周期：' + report.period.start + ' 至 ' + report.period.end
      + '（三率权重 响应 ' + report.weights.response + ' / 解决 ' + report.weights.resolution + ' / 满意 ' + report.weights.satisfaction + '）';
    fillTable(document.getElementById('report-table'), report.key_title, report.rows, report.definitions, report.total);
    fillTable(document.getElementById('trend-table'), '日期', report.trend, report.definitions, null);
    const list = document.getElementById('definitions');
    list.replaceChildren();
    report.definitions.forEach(d => {
      const term = document.createElement('dt');
      term.textContent = d.name;
      const text = document.createElement('dd');
      text.textContent = d.definition;
      list.append(term, text);
    });
    drawCharts(chartSeries(report));
  }

  async function load() {
    const query = params();
    document.getElementById('csv').href = '/api/reports/export.csv?' + query;
    document.getElementById('xlsx').href = '/api/reports/export.xlsx?' + query;
    status.className = '';
    status.textContent = '加载中…';
    const response = await fetch('/api/reports?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      status.className = 'error';
      status.textContent = '查询失败：' + (body.error || response.status);
      return;
    }
    render(body);
    status.textContent = '';
    document.body.dataset.loaded = 'true';
  }

  const initial = new URLSearchParams(location.search);
  for (const name of ['period', 'date', 'from', 'to', 'breakdown']) {
    if (initial.get(name) && form.elements[name]) form.elements[name].value = initial.get(name);
  }
  form.addEventListener('submit', event => { event.preventDefault(); load(); });
  document.getElementById('print').addEventListener('click', () => window.print());
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  load();
}());
