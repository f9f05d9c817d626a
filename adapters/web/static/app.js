// The playground's browser side: shows the server's (already escaped) views and sends what the member does.
const $ = (sel) => document.querySelector(sel);
const state = {
  member: localStorage.getItem('sojusz.member') || 'magda',
  channel: localStorage.getItem('sojusz.channel') || 'reflection',
  thread: null,
  formVersion: null,
  lastSeen: 0,
  lang: null,
  chrome: {},
  commandsFor: null,
};

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

let refreshing = null;
let again = false;
/** Refetch the current view; calls during a refetch collapse into one more. */
async function refresh() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      const q = new URLSearchParams({ member: state.member, channel: state.channel });
      if (state.thread) q.set('thread', state.thread);
      try {
        render(await api(`/api/view?${q}`));
      } catch (e) {
        if (state.channel !== 'reflection') {
          state.channel = 'reflection';
          again = true;
        } else console.error(e);
      }
    } while (again);
  })();
  try {
    await refreshing;
  } finally {
    refreshing = null;
  }
}

function text(el, value) {
  el.textContent = value ?? '';
}

function focusKey(el) {
  if (!el || !el.closest) return null;
  const article = el.closest('article[data-id]');
  if (!article) return null;
  return { id: article.dataset.id, cls: el.className, action: el.dataset.action || '', value: el.dataset.value || '', panel: el.closest('#thread') ? 'thread' : 'main' };
}
function restoreFocus(key) {
  if (!key) return;
  const root = key.panel === 'thread' ? $('#thread-messages') : $('#messages');
  const article = root.querySelector(`article[data-id="${CSS.escape(key.id)}"]`);
  const target = article && [...article.querySelectorAll('button')].find((b) => b.className === key.cls && (b.dataset.action || '') === key.action && (b.dataset.value || '') === key.value);
  if (target) target.focus();
}

function render(v) {
  state.chrome = v.chrome;
  if (state.lang !== v.lang) {
    state.lang = v.lang;
    document.documentElement.lang = v.lang;
  }
  document.title = `${v.channelLabel} — ${v.chrome['web.title']}`;
  for (const el of document.querySelectorAll('[data-t]')) text(el, v.chrome[el.dataset.t]);

  const select = $('#member');
  select.replaceChildren(
    ...v.members.map((m) => {
      const o = document.createElement('option');
      o.value = m.id;
      o.textContent = `${m.name} — ${m.role}`;
      o.selected = m.id === v.member;
      return o;
    }),
  );

  const channelButton = (c) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'channel-link';
    b.dataset.channel = c.id;
    b.textContent = c.label;
    if (c.id === v.channel) b.setAttribute('aria-current', 'page');
    li.append(b);
    return li;
  };
  $('#channels').replaceChildren(...v.channels.filter((c) => !c.dm).map(channelButton));
  $('#dms').replaceChildren(...v.channels.filter((c) => c.dm).map(channelButton));
  text($('#channel-title'), v.channelLabel);
  text($('#now'), v.nowLabel);

  const focused = focusKey(document.activeElement);
  const list = $('#messages');
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  if (v.empty) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = v.chrome['web.empty'];
    list.replaceChildren(p);
  } else {
    // Server-rendered: every text in it was HTML-escaped on the server (adapters/web/render.ts).
    list.innerHTML = v.messagesHtml;
  }
  if (nearBottom || state.justSwitched) list.scrollTop = list.scrollHeight;
  announce(list, state.justSwitched);
  state.justSwitched = false;

  const panel = $('#thread');
  if (v.thread) {
    panel.hidden = false;
    $('#thread-messages').innerHTML = v.thread.html;
    $('#thread-messages').scrollTop = $('#thread-messages').scrollHeight;
  } else {
    panel.hidden = true;
    if (state.thread && !v.thread) state.thread = null;
  }
  restoreFocus(focused);
  renderForm(v.form);
  loadCommands(v.lang);
}

/** Tell screen readers about messages that arrived since the last view (not the whole history). */
function announce(list, reset) {
  const articles = [...list.querySelectorAll('article[data-id]')];
  const newest = articles.reduce((n, a) => Math.max(n, Number(a.dataset.id)), 0);
  if (!reset && state.lastSeen) {
    const fresh = articles.filter((a) => Number(a.dataset.id) > state.lastSeen);
    if (fresh.length) text($('#live'), fresh.map((a) => a.textContent.replace(/\s+/g, ' ').trim().slice(0, 300)).join(' · '));
  }
  state.lastSeen = Math.max(newest, reset ? newest : state.lastSeen);
}

function renderForm(form) {
  const dialog = $('#form-dialog');
  if (!form) {
    state.formVersion = null;
    if (dialog.open) dialog.close();
    return;
  }
  if (state.formVersion === form.version) return;
  state.formVersion = form.version;
  // Server-rendered from the form model; labels and values escaped there.
  dialog.innerHTML = form.html;
  if (!dialog.open) dialog.showModal();
  const invalid = dialog.querySelector('.invalid input, .invalid textarea');
  (invalid || dialog.querySelector('input, textarea, select'))?.focus();
}

async function loadCommands(lang) {
  const key = `${state.member}:${lang}`;
  if (state.commandsFor === key) return;
  state.commandsFor = key;
  const { commands } = await api(`/api/commands?member=${encodeURIComponent(state.member)}`);
  $('#command-list').replaceChildren(
    ...commands.map((c) => {
      const o = document.createElement('option');
      o.value = c.usage;
      o.label = c.description;
      return o;
    }),
  );
}

async function send(input, thread) {
  const value = input.value.trim();
  if (!value) return;
  input.value = '';
  await api('/api/send', { member: state.member, channel: state.channel, thread, text: value });
  await refresh();
}

function wire() {
  $('#member').addEventListener('change', (e) => {
    state.member = e.target.value;
    localStorage.setItem('sojusz.member', state.member);
    if (state.channel.startsWith('dm-')) state.channel = `dm-${state.member}`;
    state.thread = null;
    state.formVersion = null;
    state.justSwitched = true;
    refresh();
  });
  document.addEventListener('click', async (e) => {
    const t = e.target.closest('button');
    if (!t) return;
    if (t.classList.contains('channel-link')) {
      state.channel = t.dataset.channel;
      localStorage.setItem('sojusz.channel', state.channel);
      state.thread = null;
      state.justSwitched = true;
      await refresh();
      $('#composer-text').focus();
    } else if (t.classList.contains('thread-link')) {
      state.thread = t.dataset.thread;
      await refresh();
      $('#thread-text').focus();
    } else if (t.id === 'thread-close') {
      const from = state.thread;
      state.thread = null;
      await refresh();
      $(`#messages article[data-id="${CSS.escape(from || '')}"] .thread-link`)?.focus();
    } else if (t.classList.contains('action')) {
      t.disabled = true;
      try {
        await api('/api/button', { member: state.member, channel: state.channel, thread: state.thread, action: t.dataset.action, value: t.dataset.value, source: t.dataset.source });
      } finally {
        t.disabled = false;
      }
      await refresh();
    } else if (t.dataset.step) {
      const r = await api('/api/time', { step: t.dataset.step });
      text($('#time-note'), r.moved ? '' : state.chrome['web.nothingScheduled']);
      await refresh();
    } else if (t.classList.contains('form-cancel')) {
      await api('/api/form/cancel', { member: state.member });
      $('#form-dialog').close();
      await refresh();
    }
  });
  $('#composer').addEventListener('submit', (e) => {
    e.preventDefault();
    send($('#composer-text'), null);
  });
  $('#thread-composer').addEventListener('submit', (e) => {
    e.preventDefault();
    send($('#thread-text'), state.thread);
  });
  const dialog = $('#form-dialog');
  dialog.addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.target;
    const values = {};
    for (const [k, v] of new FormData(form)) (values[k] ||= []).push(String(v));
    const r = await api('/api/form', { member: state.member, values });
    if (r.outcome !== 'errors') {
      state.formVersion = null;
      dialog.close();
      $('#composer-text').focus();
    }
    await refresh();
  });
  dialog.addEventListener('cancel', () => {
    api('/api/form/cancel', { member: state.member }).then(refresh);
  });
  const events = new EventSource('/api/events');
  let timer;
  events.onmessage = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 60);
  };
}

wire();
state.justSwitched = true;
refresh();
