// Offerlab master web UI: reads /master/state and /metrics/history and draws tables and SVG charts.
// Plain JavaScript with no libraries and nothing fetched from other hosts, so it works without a network.
'use strict';

(function () {
  const REFRESH_MS = 2000;
  const WINDOW_S = 3600;
  const COLORS = ['#2f6fde', '#e0703a', '#1f9d55', '#9b51e0', '#d13b3b', '#0e9aa7', '#c98a06', '#5b6b82'];
  const SVG_NS = 'http://www.w3.org/2000/svg';

  let state = null;
  let history = null;

  // ---- small helpers ---------------------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') {
        node.textContent = value;
      } else {
        node.setAttribute(key, value);
      }
    }
    for (const child of children || []) {
      node.append(child);
    }
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') {
        node.textContent = value;
      } else {
        node.setAttribute(key, value);
      }
    }
    return node;
  }

  function num(value, digits) {
    const x = Number(value || 0);
    if (Number.isInteger(x)) {
      return x.toLocaleString('en-US');
    }
    return x.toLocaleString('en-US', {maximumFractionDigits: digits === undefined ? 2 : digits});
  }

  function percent(fraction) {
    const p = 100 * (fraction || 0);
    return (p > 0 && p < 1 ? p.toFixed(2) : p.toFixed(1)) + '%';
  }

  function ago(seconds) {
    const s = Math.max(0, Date.now() / 1000 - seconds);
    if (s < 60) {
      return Math.round(s) + ' s ago';
    }
    if (s < 3600) {
      return Math.round(s / 60) + ' min ago';
    }
    return (s / 3600).toFixed(1) + ' h ago';
  }

  function clock(seconds) {
    const d = new Date(seconds * 1000);
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map(v => String(v).padStart(2, '0')).join(':');
  }

  function bar(used, offered, total) {
    const b = el('span', {class: 'bar'});
    if (total > 0) {
      const u = Math.min(100, 100 * used / total);
      const o = Math.min(100 - u, 100 * offered / total);
      b.append(el('i', {class: 'offered', style: `left:${u}%;width:${o}%`}));
      b.append(el('i', {style: `width:${u}%`}));
    }
    return b;
  }

  function row(cells) {
    return el('tr', {}, cells.map(c => c instanceof Node ? c : el('td', {text: String(c)})));
  }

  function td(cls, children) {
    return el('td', {class: cls}, children);
  }

  function fill(bodyId, rows, columns, emptyText) {
    const body = document.getElementById(bodyId);
    body.replaceChildren(...(rows.length ? rows
      : [el('tr', {}, [el('td', {class: 'empty', colspan: String(columns), text: emptyText})])]));
  }

  // ---- pages -----------------------------------------------------------------------------------------------------

  function showPage() {
    const page = (location.hash.replace(/^#\/?/, '') || 'overview');
    const known = ['overview', 'agents', 'frameworks', 'tasks'].includes(page) ? page : 'overview';
    document.body.dataset.page = known;
    for (const section of document.querySelectorAll('section[data-pages]')) {
      section.classList.toggle('hidden', !section.dataset.pages.split(' ').includes(known));
    }
    for (const link of document.querySelectorAll('nav a')) {
      link.classList.toggle('current', link.dataset.nav === known);
    }
  }

  // ---- tables ----------------------------------------------------------------------------------------------------

  function allTasks(s) {
    const out = [];
    for (const f of s.frameworks.concat(s.completed_frameworks || [])) {
      for (const t of (f.tasks || []).concat(f.completed_tasks || [])) {
        out.push({task: t, framework: f});
      }
    }
    return out;
  }

  function sandboxUrl(agent, frameworkId, taskId) {
    // a command task's executor has the task's id, as in Mesos; the agent serves its sandbox at this virtual path
    const path = `/frameworks/${frameworkId}/executors/${taskId}/runs/latest`;
    return `http://${agent.hostname}:${agent.port}/files/browse?path=${encodeURIComponent(path)}`;
  }

  function renderSummary(s) {
    let total = {cpus: 0, mem: 0};
    let used = {cpus: 0, mem: 0};
    for (const a of s.slaves) {
      total.cpus += a.resources.cpus;
      total.mem += a.resources.mem;
      used.cpus += a.used_resources.cpus;
      used.mem += a.used_resources.mem;
    }
    const running = allTasks(s).filter(x => x.task.state === 'TASK_RUNNING').length;
    const cards = [
      ['Agents', num(s.activated_slaves), s.unreachable_slaves ? `${s.unreachable_slaves} unreachable` : 'active'],
      ['Frameworks', num(s.frameworks.length), `${(s.completed_frameworks || []).length} completed`],
      ['Tasks running', num(running), `${allTasks(s).length} in all`],
      ['CPUs used', `${num(used.cpus)} / ${num(total.cpus)}`, percent(total.cpus ? used.cpus / total.cpus : 0)],
      ['Memory used', `${num(used.mem / 1024, 1)} / ${num(total.mem / 1024, 1)} GB`,
        percent(total.mem ? used.mem / total.mem : 0)],
      ['Allocator', (s.flags && s.flags.allocator) || '?', `up since ${clock(s.start_time)}`],
    ];
    document.getElementById('summary').replaceChildren(...cards.map(([label, value, sub]) =>
      el('div', {class: 'card'}, [el('div', {class: 'label', text: label}), el('div', {class: 'value', text: value}),
        el('div', {class: 'sub', text: sub})])));
  }

  function renderAgents(s) {
    const tasksOn = {};
    for (const {task} of allTasks(s)) {
      if (task.state === 'TASK_RUNNING' || task.state === 'TASK_STAGING' || task.state === 'TASK_STARTING') {
        tasksOn[task.slave_id] = (tasksOn[task.slave_id] || 0) + 1;
      }
    }
    const rows = s.slaves.map(a => row([
      td('id', [a.id]),
      td('', [`${a.hostname}:${a.port}`]),
      td('num', [bar(a.used_resources.cpus, a.offered_resources.cpus, a.resources.cpus),
        `${num(a.used_resources.cpus)} / ${num(a.offered_resources.cpus)} / ${num(a.resources.cpus)}`]),
      td('num', [`${num(a.used_resources.mem)} / ${num(a.offered_resources.mem)} / ${num(a.resources.mem)}`]),
      td('num', [`${num(a.used_resources.disk)} / ${num(a.resources.disk)}`]),
      td('num', [num(tasksOn[a.id] || 0)]),
      td('', [ago(a.registered_time)]),
    ]));
    document.getElementById('agents-count').textContent = `(${s.slaves.length})`;
    fill('agents-body', rows, 7, 'No agent has registered.');
  }

  function renderFrameworks(s) {
    const rows = s.frameworks.concat(s.completed_frameworks || []).map(f => {
      const live = s.frameworks.includes(f);
      const status = !live ? 'removed' : f.connected ? 'connected' : 'disconnected';
      const share = f.dominant_share || 0;
      return row([
        td('id', [f.id]),
        td('', [f.name]),
        td('', [f.role]),
        td('num', [bar(share, 0, 1), percent(share)]),
        td('num', [num((f.tasks || []).length)]),
        td('num', [num((f.offers || []).length)]),
        td('num', [num(f.used_resources.cpus)]),
        td('num', [num(f.used_resources.mem)]),
        td('', [el('span', {class: `badge ${status}`, text: status})]),
      ]);
    });
    document.getElementById('frameworks-count').textContent = `(${s.frameworks.length})`;
    fill('frameworks-body', rows, 9, 'No framework has subscribed.');
  }

  function renderTasks(s) {
    const agents = Object.fromEntries(s.slaves.map(a => [a.id, a]));
    const order = t => (t.state === 'TASK_RUNNING' || t.state === 'TASK_STAGING' || t.state === 'TASK_STARTING') ? 0 : 1;
    const tasks = allTasks(s).sort((x, y) => order(x.task) - order(y.task));
    const rows = tasks.map(({task, framework}) => {
      const agent = agents[task.slave_id];
      const sandbox = agent
        ? el('a', {href: sandboxUrl(agent, framework.id, task.id), class: 'sandbox', text: 'files'})
        : el('span', {class: 'muted', text: 'agent gone'});
      return row([
        td('id', [task.id]),
        td('', [task.name]),
        td('', [el('span', {class: `badge ${task.state}`, text: task.state})]),
        td('', [framework.name]),
        td('id', [task.slave_id]),
        td('num', [num(task.resources.cpus)]),
        td('num', [num(task.resources.mem)]),
        td('', [sandbox]),
      ]);
    });
    const live = tasks.filter(x => order(x.task) === 0).length;
    document.getElementById('tasks-count').textContent = `(${live} active, ${tasks.length} in all)`;
    fill('tasks-body', rows, 8, 'No task has been launched.');
  }

  // ---- charts ----------------------------------------------------------------------------------------------------

  /** Draw series of [time, fraction] points into a figure's SVG; times span up to the last hour. */
  function lineChart(figure, series, samples) {
    const area = figure.querySelector('svg');
    const width = Math.max(200, Math.round(area.getBoundingClientRect().width || 600));
    const height = 200;
    const pad = {left: 44, right: 12, top: 10, bottom: 24};
    area.setAttribute('viewBox', `0 0 ${width} ${height}`);
    area.replaceChildren();
    const plotW = width - pad.left - pad.right;
    const plotH = height - pad.top - pad.bottom;
    const times = samples.map(s => s.time);
    const last = times.length ? times[times.length - 1] : Date.now() / 1000;
    const first = Math.max(last - WINDOW_S, times.length ? times[0] : last - 60);
    const span = Math.max(last - first, 1);
    let top = 0;
    for (const s of series) {
      for (const [, v] of s.points) {
        top = Math.max(top, v);
      }
    }
    const yMax = top <= 0.25 ? 0.25 : top <= 0.5 ? 0.5 : Math.max(1, Math.ceil(top * 4) / 4);
    const x = t => pad.left + plotW * (t - first) / span;
    const y = v => pad.top + plotH * (1 - v / yMax);
    for (let i = 0; i <= 4; i++) {
      const v = yMax * i / 4;
      area.append(svg('line', {class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v)}));
      area.append(svg('text', {x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end', text: `${Math.round(v * 100)}%`}));
    }
    area.append(svg('line', {class: 'axis', x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0)}));
    for (let i = 0; i <= 4; i++) {
      const t = first + span * i / 4;
      const anchor = i === 0 ? 'start' : i === 4 ? 'end' : 'middle';
      area.append(svg('text', {x: x(t), y: height - 6, 'text-anchor': anchor, text: clock(t)}));
    }
    let drawn = 0;
    for (const s of series) {
      const points = s.points.filter(([t]) => t >= first);
      if (!points.length) {
        continue;
      }
      drawn += points.length;
      const line = points.map(([t, v], i) => `${i ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      if (s.fill) {
        const base = `L${x(points[points.length - 1][0]).toFixed(1)},${y(0)} L${x(points[0][0]).toFixed(1)},${y(0)} Z`;
        area.append(svg('path', {class: 'area', d: `${line} ${base}`, fill: s.color}));
      }
      const path = svg('path', {class: 'series', d: line, stroke: s.color});
      if (s.dashed) {
        path.setAttribute('stroke-dasharray', '5 4');
      }
      path.append(svg('title', {text: s.name}));
      area.append(path);
      if (points.length === 1) {
        area.append(svg('circle', {cx: x(points[0][0]), cy: y(points[0][1]), r: 3, fill: s.color}));
      }
    }
    if (!drawn) {
      area.append(svg('text', {class: 'empty', x: pad.left + plotW / 2, y: pad.top + plotH / 2,
        'text-anchor': 'middle', text: 'No samples yet'}));
    }
    figure.dataset.points = String(drawn);
    area.dataset.points = String(drawn);
    figure.querySelector('.legend').replaceChildren(...series.map(s =>
      el('span', {style: `--swatch:${s.color}`, text: s.name})));
  }

  function ratio(part, whole) {
    return whole > 0 ? part / whole : 0;
  }

  function renderCharts(h) {
    const samples = h.samples || [];
    lineChart(document.getElementById('chart-utilisation'), [
      {name: 'CPUs used', color: COLORS[0], fill: true,
        points: samples.map(s => [s.time, ratio(s.used.cpus, s.total.cpus)])},
      {name: 'Memory used', color: COLORS[1],
        points: samples.map(s => [s.time, ratio(s.used.mem, s.total.mem)])},
      {name: 'CPUs used + offered', color: '#7ea6ea', dashed: true,
        points: samples.map(s => [s.time, ratio(s.used.cpus + s.offered.cpus, s.total.cpus)])},
    ], samples);
    const ids = Object.keys(h.frameworks || {});
    lineChart(document.getElementById('chart-shares'), ids.map((id, i) => ({
      name: (h.frameworks[id].name || id) + (h.frameworks[id].role ? ` (${h.frameworks[id].role})` : ''),
      color: COLORS[i % COLORS.length],
      points: samples.filter(s => id in s.dominant_shares).map(s => [s.time, s.dominant_shares[id]]),
    })), samples);
  }

  // ---- refresh ---------------------------------------------------------------------------------------------------

  async function getJson(path) {
    const reply = await fetch(path, {cache: 'no-store'});
    if (!reply.ok) {
      throw new Error(`${path}: HTTP ${reply.status}`);
    }
    return reply.json();
  }

  async function refresh() {
    const status = document.getElementById('status');
    try {
      [state, history] = await Promise.all([getJson('/master/state'), getJson('/metrics/history')]);
      renderSummary(state);
      renderAgents(state);
      renderFrameworks(state);
      renderTasks(state);
      renderCharts(history);
      status.textContent = `master ${state.hostname}:${(state.pid || '').split(':').pop()} \u00b7 updated ${clock(Date.now() / 1000)}`;
      status.classList.remove('error');
      document.body.dataset.loaded = 'true';
    } catch (e) {
      status.textContent = `cannot reach the master (${e.message})`;
      status.classList.add('error');
    }
  }

  window.addEventListener('hashchange', () => {
    showPage();
    if (history) {
      renderCharts(history);
    }
  });
  window.addEventListener('resize', () => history && renderCharts(history));
  showPage();
  refresh();
  setInterval(refresh, REFRESH_MS);
})();
