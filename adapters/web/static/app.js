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
  /** A form is being sent: a view without it is the server closing it, not the form expiring. */
  submitting: false,
};

/** A failed request: `status` 0 when the server did not answer; `say` names the page's own words for it. */
class ApiError extends Error {
  constructor(status, data) {
    super(data.error || `HTTP ${status}`);
    this.status = status;
    this.say = data.say;
    this.params = data.params || {};
  }
}

async function api(path, body) {
  let res;
  try {
    res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { error: 'no answer', say: 'web.offline' });
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** One of the page's words, its `{placeholders}` filled from `params`. */
function words(key, params = {}) {
  return (state.chrome[key] || '').replace(/\{(\w+)\}/g, (_, k) => (params[k] === undefined ? '' : String(params[k])));
}

/** Say what went wrong where everyone can see and hear it (an alert region), optionally with text to copy. */
function showStatus(message, kept = '') {
  text($('#status-text'), message);
  $('#status-kept').hidden = !kept;
  $('#status-kept-text').value = kept;
  $('#status-close').hidden = false;
}
function clearStatus() {
  text($('#status-text'), '');
  $('#status-kept').hidden = true;
  $('#status-kept-text').value = '';
  $('#status-close').hidden = true;
}
function problem(e) {
  if (!(e instanceof ApiError)) console.error(e);
  showStatus(words(e.say && state.chrome[e.say] ? e.say : 'web.failed', e.params));
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
        if (e.status !== 0 && state.channel !== 'reflection') {
          state.channel = 'reflection';
          again = true;
        } else problem(e);
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
    if (state.submitting) return;
    // The server no longer has the form the member is filling in (it restarted): say so, keep their text.
    if (dialog.open && state.formVersion !== null) return formExpired(dialog.querySelector('form'));
    state.formVersion = null;
    if (dialog.open) dialog.close();
    return;
  }
  if (state.formVersion === form.version) return;
  state.formVersion = form.version;
  // Server-rendered from the form model; labels and values escaped there.
  dialog.innerHTML = form.html;
  if (!dialog.open) dialog.showModal();
  const invalid = dialog.querySelector('.invalid input, .invalid textarea, .invalid select');
  (invalid || dialog.querySelector('input, textarea, select'))?.focus();
}

/** Every text the member typed into a form, each under its field's label, to copy into the next one. */
function typedText(form) {
  if (!form) return '';
  return [...form.querySelectorAll('textarea, input[type="text"]')]
    .filter((el) => el.value.trim())
    .map((el) => {
      const label = form.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      return `${label?.firstChild?.textContent?.trim() || el.name}:\n${el.value}`;
    })
    .join('\n\n');
}

/** The form is gone on the server: close it, say so, and keep what was typed on the page. */
function formExpired(form) {
  const kept = typedText(form);
  state.formVersion = null;
  const dialog = $('#form-dialog');
  if (dialog.open) dialog.close();
  showStatus(words('web.formExpired'), kept);
  (kept ? $('#status-kept-text') : $('#composer-text')).focus();
}

/** "12 of 500 characters", or how many too many, as the member types. */
function updateCounter(field) {
  const counter = field.id && document.getElementById(`${field.id}-max`);
  if (!counter || !field.dataset.max) return;
  const length = field.value.length;
  const over = length - Number(field.dataset.max);
  const template = over > 0 ? counter.dataset.templateOver : counter.dataset.template;
  counter.textContent = template.replaceAll('{count}', String(length)).replaceAll('{over}', String(over));
  counter.classList.toggle('over', over > 0);
  // A one-line field's counter shows only near its limit.
  counter.classList.toggle('quiet', length < Number(counter.dataset.quietBelow ?? 0));
}

async function loadCommands(lang) {
  const key = `${state.member}:${lang}`;
  if (state.commandsFor === key) return;
  state.commandsFor = key;
  let commands;
  try {
    ({ commands } = await api(`/api/commands?member=${encodeURIComponent(state.member)}`));
  } catch {
    state.commandsFor = null; // suggestions are a help, not a must: try again with the next view
    return;
  }
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
  if (!value || input.dataset.sending) return;
  input.dataset.sending = '1';
  try {
    await api('/api/send', { member: state.member, channel: state.channel, thread, text: value });
  } catch (e) {
    problem(e); // the text stays in the box, to send again
    return;
  } finally {
    delete input.dataset.sending;
  }
  if (input.value.trim() === value) input.value = '';
  clearStatus();
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
        clearStatus();
      } catch (err) {
        problem(err);
      } finally {
        t.disabled = false;
      }
      await refresh();
    } else if (t.dataset.step) {
      try {
        const r = await api('/api/time', { step: t.dataset.step });
        text($('#time-note'), r.moved ? '' : state.chrome['web.nothingScheduled']);
        clearStatus();
      } catch (err) {
        problem(err);
      }
      await refresh();
    } else if (t.classList.contains('form-cancel')) {
      state.formVersion = null;
      $('#form-dialog').close();
      await api('/api/form/cancel', { member: state.member }).catch(() => {}); // nothing to keep either way
      await refresh();
    } else if (t.id === 'status-close') {
      clearStatus();
      $('#composer-text').focus();
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
    if (state.submitting) return;
    const values = {};
    for (const [k, v] of new FormData(form)) (values[k] ||= []).push(String(v));
    state.submitting = true;
    let r;
    try {
      r = await api('/api/form', { member: state.member, values });
    } catch (err) {
      state.submitting = false;
      if (err.status === 409) formExpired(form);
      else problem(err); // the form stays open with everything in it, to send again
      return;
    }
    state.submitting = false;
    clearStatus();
    if (r.outcome !== 'errors') {
      state.formVersion = null;
      dialog.close();
      $('#composer-text').focus();
    }
    await refresh();
  });
  dialog.addEventListener('input', (e) => updateCounter(e.target));
  dialog.addEventListener('cancel', () => {
    state.formVersion = null;
    api('/api/form/cancel', { member: state.member })
      .catch(() => {})
      .then(refresh);
  });
  const events = new EventSource('/api/events');
  let timer;
  events.onmessage = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 60);
  };
  // After a lost connection (the server restarted) changes may have been missed: look again.
  events.onopen = () => refresh();
}

wire();
state.justSwitched = true;
refresh();
