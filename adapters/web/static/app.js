// The playground's browser side: shows the server's (already escaped) views and sends what the member does.
const $ = (sel) => document.querySelector(sel);
const state = {
  member: localStorage.getItem('sojusz.member') || 'magda',
  channel: localStorage.getItem('sojusz.channel') || 'reflection',
  thread: null,
  formVersion: null,
  /** The messages and the thread as last drawn (see render). */
  messagesHtml: null,
  threadHtml: null,
  /**
   * What has been read out, per panel: the newest message id (`lastSeen`), and whether the first view of this member
   * and channel (or this thread) has been shown — each switch shows a new first view, which sets lastSeen and is not
   * read out; from then on a new message is read out, also in an empty channel, where lastSeen stays 0.
   */
  heard: { main: { lastSeen: 0, seen: false }, thread: { id: null, lastSeen: 0, seen: false } },
  /** The clock was moved with a button: the first view at or after this time (ISO) says the new time. */
  tellTime: null,
  lang: null,
  chrome: {},
  commandsFor: null,
  /** A form is being sent: a view without it is the server closing it, not the form expiring. */
  submitting: false,
  /** Where focus was when the open form appeared, to go back there when it closes. */
  opener: null,
  /** The action button just pressed (disabled while its request runs, so it is not the focused element). */
  pressed: null,
  /** The time control is moving the clock: its buttons wait until it is done. */
  moving: false,
  /** The field the member was typing in when Escape asked "close without saving?", to go back to. */
  writingAt: null,
  /** The button whose question ("Hide case #3?") is open, so that a redraw of the messages keeps it open. */
  confirming: null,
  /**
   * The version of the form this page closed (Escape, Cancel, sent, expired). A view asked for before the server
   * heard of that still carries the form: it must neither open it again nor, once the server catches up, call it
   * expired. Cleared by the first view without it.
   */
  dropped: null,
};

/** Remember the channel, so a reload comes back to it. */
function saveChannel() {
  localStorage.setItem('sojusz.channel', state.channel);
}

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
          saveChannel();
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
function findByKey(key) {
  if (!key) return null;
  const root = key.panel === 'thread' ? $('#thread-messages') : $('#messages');
  const article = root.querySelector(`article[data-id="${CSS.escape(key.id)}"]`);
  return (article && [...article.querySelectorAll('button')].find((b) => b.className === key.cls && (b.dataset.action || '') === key.action && (b.dataset.value || '') === key.value)) || null;
}
function restoreFocus(key) {
  findByKey(key)?.focus();
}

/**
 * A button that asks first (a step that cannot be undone): its question, rendered hidden after it, opens with the
 * safe answer focused, and nothing is sent until the confirming answer. Pressed again, it closes the question.
 */
function askFirst(button) {
  const open = button.getAttribute('aria-expanded') !== 'true';
  showQuestion(button, open);
  state.confirming = open ? focusKey(button) : null;
  if (open) button.nextElementSibling?.querySelector('.confirm-no')?.focus();
}
function showQuestion(button, open) {
  const box = button.nextElementSibling;
  if (!box?.classList.contains('confirm')) return;
  button.setAttribute('aria-expanded', String(open));
  box.hidden = !open;
}
/** The answer that keeps things as they are: the question closes, focus goes back to its button. */
function keepAsIs(box) {
  const button = box.previousElementSibling;
  showQuestion(button, false);
  state.confirming = null;
  button.focus();
}
/** After a redraw: the question still open, if its message and button are still there. */
function reopenQuestion() {
  const button = findByKey(state.confirming);
  if (button?.hasAttribute('data-confirm')) showQuestion(button, true);
  else state.confirming = null;
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
      // The handle is how a command names the person (`/sojusz team facilitator add @tomek`).
      o.textContent = `${m.name} (${m.handle}) — ${m.role}`;
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
    if (c.alias) {
      // The Polish name the examples use leads here too: shown quietly beside the channel's own.
      const alias = document.createElement('span');
      alias.className = 'alias';
      alias.textContent = c.alias;
      b.append(' ', alias);
      b.title = c.aliasLabel;
    }
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
    state.messagesHtml = null;
  } else if (v.messagesHtml !== state.messagesHtml) {
    // Server-rendered: every text in it was HTML-escaped on the server (adapters/web/render.ts).
    redrawChanged(list, v.messagesHtml);
    state.messagesHtml = v.messagesHtml;
  }
  if (nearBottom || state.justSwitched) list.scrollTop = list.scrollHeight;
  const heard = arrivals(list, state.heard.main, state.justSwitched);
  state.justSwitched = false;

  const panel = $('#thread');
  const threadHeard = state.heard.thread;
  if (v.thread) {
    panel.hidden = false;
    if (v.thread.html !== state.threadHtml) {
      redrawChanged($('#thread-messages'), v.thread.html);
      $('#thread-messages').scrollTop = $('#thread-messages').scrollHeight;
      state.threadHtml = v.thread.html;
    }
    // Replies in the open thread are read out as the channel's messages are; what it held when it opened is not.
    const opened = threadHeard.id !== v.thread.id;
    threadHeard.id = v.thread.id;
    heard.push(...arrivals($('#thread-messages'), threadHeard, opened));
  } else {
    panel.hidden = true;
    state.threadHtml = null;
    threadHeard.id = null;
    if (state.thread && !v.thread) state.thread = null;
  }
  // The time is not a live region: it changes by itself every minute, and would be read out with every view. Moved
  // with a button, it is the answer the member waits for.
  if (state.tellTime && v.now >= state.tellTime) {
    heard.unshift({ words: v.nowLabel, lang: '' });
    state.tellTime = null;
  }
  sayPolitely(heard);
  reopenQuestion();
  restoreFocus(focused);
  renderWelcome(v.welcome);
  renderForm(v.form);
  loadCommands(v.lang);
}

const WELCOMED = 'sojusz.welcomed';
/** The first-visit welcome: shown until the member closes it, and again when they ask for it. */
/**
 * Replace only the messages whose HTML changed, in place, and add the new ones: a message that stays the same keeps
 * its elements. Replacing the whole list lost a click whose press and release fell on either side of a redraw (a
 * colleague's message arriving just then), and the button under the keyboard with it.
 */
function redrawChanged(container, html) {
  const next = document.createElement('template');
  next.innerHTML = html;
  const fresh = [...next.content.children];
  // What each element was drawn from: the page's own changes to it (focus, state) never count as a change.
  const drawn = (el) => el.sojuszHtml ?? el.outerHTML;
  const old = [...container.children];
  // Anything that is not a drawn message (the "nothing here yet" note) or a stray text node goes first.
  for (const n of [...container.childNodes]) if (n.nodeType !== Node.ELEMENT_NODE) n.remove();
  fresh.forEach((el, i) => {
    el.sojuszHtml = el.outerHTML;
    const was = old[i];
    if (!was) container.append(el);
    else if (drawn(was) !== el.sojuszHtml) was.replaceWith(el);
  });
  for (const extra of old.slice(fresh.length)) extra.remove();
}

function renderWelcome(html) {
  const box = $('#welcome');
  // Server-rendered from the catalogue and the sample set-up, escaped there. Redrawn only when it changed (the
  // language), so focus on its heading stays.
  if (state.welcomeHtml !== html) {
    state.welcomeHtml = html;
    $('#welcome-body').innerHTML = html;
  }
  box.hidden = localStorage.getItem(WELCOMED) === '1';
  $('#welcome-open').hidden = !box.hidden;
}

/**
 * A message as a listener should hear it: who sent it, then each of its parts (paragraph, list item, field, button)
 * as a sentence of its own. Its raw text would run them together ("…02:34Only you can see thisAvailable guides…");
 * the time, the thread link and the questions its buttons would ask are left out.
 */
function readable(article) {
  const parts = [];
  const say = (s) => {
    const words = (s || '').replace(/\s+/g, ' ').trim();
    if (words) parts.push(/[.!?:…]$/.test(words) ? words : `${words}.`);
  };
  const who = article.querySelector('header .author')?.textContent.trim();
  const persona = article.querySelector('header .persona')?.textContent.trim();
  say(article.querySelector('.only-you')?.textContent);
  for (const block of article.querySelectorAll('.body > *')) {
    if (block.matches('ul, ol')) for (const li of block.children) say(li.textContent);
    else if (block.matches('dl')) for (const row of block.children) say(`${row.querySelector('dt')?.textContent ?? ''}: ${row.querySelector('dd')?.textContent ?? ''}`);
    else if (block.matches('.actions')) for (const b of block.querySelectorAll(':scope > button')) say(b.textContent);
    else say(block.textContent);
  }
  say(article.querySelector('.file')?.textContent);
  return `${[who, persona].filter(Boolean).join(' ')}: ${parts.join(' ')}`;
}

/** At most `max` characters, cut after a whole word and marked as cut. */
function shortened(words, max) {
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max).replace(/[\s.,;:—-]+$/, '')}…`;
}

/**
 * The messages in `list` that arrived since the last view (not the whole history), as a listener should hear them,
 * each with the language it was written in. `reset`: a first view, only noted.
 */
function arrivals(list, mark, reset) {
  const articles = [...list.querySelectorAll('article[data-id]')];
  const newest = articles.reduce((n, a) => Math.max(n, Number(a.dataset.id)), 0);
  const fresh = !reset && mark.seen ? articles.filter((a) => Number(a.dataset.id) > mark.lastSeen) : [];
  mark.lastSeen = reset ? newest : Math.max(newest, mark.lastSeen);
  if (reset) mark.seen = true;
  return fresh.map((a) => ({ words: shortened(readable(a), 300), lang: a.querySelector('.body')?.getAttribute('lang') || '' }));
}

/** Tell screen readers, politely, what just arrived; each part in its own language, so it gets the right voice. */
function sayPolitely(parts) {
  if (!parts.length) return;
  const nodes = [];
  for (const p of parts) {
    const span = document.createElement('span');
    if (p.lang) span.lang = p.lang;
    span.textContent = p.words;
    nodes.push(...(nodes.length ? [' ', span] : [span]));
  }
  $('#live').replaceChildren(...nodes);
}

function renderForm(form) {
  const dialog = $('#form-dialog');
  if (form && form.version === state.dropped) return;
  state.dropped = null;
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
  restoreDraft(dialog.querySelector('form'), form.version);
  if (!dialog.open) {
    const from = document.activeElement;
    // A pressed button was disabled while its request ran, so focus is on nothing: the button is the opener.
    state.opener = from && from !== document.body ? openerOf(from) : state.pressed;
    state.pressed = null;
    dialog.showModal();
  }
  const invalid = dialog.querySelector('.invalid input, .invalid textarea, .invalid select');
  (invalid || dialog.querySelector('input, textarea, select'))?.focus();
}

/**
 * What the member is typing into the open form, kept in this tab only (sessionStorage) so that a reload does not
 * lose it: the server keeps the form open but not unsent values, and nothing unsent is given to it. Keyed by
 * member, and tied to the form's version, so it fills only the same form it was typed into.
 */
const draftKey = () => `sojusz.draft.${state.member}`;
function saveDraft(form) {
  if (!form || state.formVersion === null) return;
  const values = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    values[el.name] ||= [];
    if ((el.type === 'radio' || el.type === 'checkbox') ? el.checked : true) values[el.name].push(el.value);
  }
  sessionStorage.setItem(draftKey(), JSON.stringify({ version: state.formVersion, form: form.dataset.form, values }));
}
function restoreDraft(form, version) {
  let draft = null;
  try {
    draft = JSON.parse(sessionStorage.getItem(draftKey()) || 'null');
  } catch {
    /* unreadable: as if none */
  }
  if (!form || !draft || draft.version !== version || draft.form !== form.dataset.form) {
    clearDraft();
    return;
  }
  for (const el of form.elements) {
    const kept = el.name && draft.values[el.name];
    if (!kept) continue;
    if (el.type === 'radio' || el.type === 'checkbox') el.checked = kept.includes(el.value);
    else {
      el.value = kept[0] ?? '';
      updateCounter(el);
    }
  }
}
function clearDraft() {
  sessionStorage.removeItem(draftKey());
}

/** The page closes the open form itself: forget its draft, and any view still showing it (see state.dropped). */
function dropForm() {
  clearDraft();
  if (state.formVersion !== null) state.dropped = state.formVersion;
  state.formVersion = null;
}

/** An action button pressed (or its question answered yes): the press goes to the bot. */
async function press(t) {
  // Disabling the button takes focus from it: remember it, for a form it opens and for afterwards.
  const from = openerOf(t);
  state.pressed = from;
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
  state.pressed = null;
  if (!$('#form-dialog').open && (!document.activeElement || document.activeElement === document.body)) returnFocusTo(from);
}

function openerOf(el) {
  return { el, key: focusKey(el), inThread: Boolean(el.closest('#thread')) };
}

/** Back to where the member was before the form opened (its button, re-drawn since, or the box they typed in). */
function returnFocus() {
  const o = state.opener;
  state.opener = null;
  returnFocusTo(o);
}
function returnFocusTo(o) {
  if (o?.el?.isConnected) {
    // Still disabled: its own request is under way (the form opened before the button's answer came back). Its click
    // handler gives focus back once it is enabled again; the message box meanwhile would keep focus from it.
    if (o.el.disabled) return;
    return o.el.focus();
  }
  if (o?.key) {
    restoreFocus(o.key);
    if (document.activeElement && document.activeElement !== document.body) return;
  }
  composerFor(o).focus();
}
/** The message box of the panel the form was opened from: a thread's own when it came from the thread. */
function composerFor(opener) {
  return opener?.inThread && state.thread && !$('#thread').hidden ? $('#thread-text') : $('#composer-text');
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

/** Whether a text field holds words the member typed (not only what the form opened with). */
function typedSomething(form) {
  return [...form.querySelectorAll('textarea, input[type="text"]')].some((el) => el.value.trim() && el.value.trim() !== (el.dataset.initial ?? '').trim());
}
/** "Close without saving?", with the safe answer focused; the field the member was in is remembered for it. */
function askDiscard(box) {
  const at = document.activeElement;
  state.writingAt = at && box.closest('dialog').contains(at) ? at : null;
  box.hidden = false;
  box.querySelector('.discard-no').focus();
}
/** Back to the text, where the member was. */
function keepWriting(box) {
  box.hidden = true;
  const back = state.writingAt?.isConnected ? state.writingAt : box.closest('form').querySelector('textarea, input, select');
  state.writingAt = null;
  back?.focus();
}

/** The form is gone on the server: close it, say so, and keep what was typed on the page. */
function formExpired(form) {
  const kept = typedText(form);
  dropForm();
  state.opener = null;
  const dialog = $('#form-dialog');
  if (dialog.open) dialog.close();
  showStatus(words('web.formExpired'), kept);
  (kept ? $('#status-kept-text') : $('#composer-text')).focus();
}

/** "12 of 500 characters", or how many too many, as the member types. */
function updateCounter(field) {
  const counter = field.id && document.getElementById(`${field.id}-max`);
  if (!counter || !field.dataset.max) return;
  // Counted as the form's check counts it (trimmed), so the counter and the error under it agree.
  const length = field.value.trim().length;
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
  let r;
  try {
    r = await api('/api/send', { member: state.member, channel: state.channel, thread, text: value });
  } catch (e) {
    problem(e); // the text stays in the box, to send again
    return;
  } finally {
    delete input.dataset.sending;
  }
  // A refused command ("too long", "no such case") stays in the box, to fix rather than retype; the bot's answer
  // says what was wrong.
  if (input.value.trim() === value && !r.refused) input.value = '';
  clearStatus();
  await refresh();
}

function wire() {
  $('#member').addEventListener('change', (e) => {
    state.member = e.target.value;
    localStorage.setItem('sojusz.member', state.member);
    if (state.channel.startsWith('dm-')) {
      state.channel = `dm-${state.member}`;
      saveChannel();
    }
    state.thread = null;
    state.formVersion = null;
    state.justSwitched = true;
    refresh();
  });
  // Escape in an open question is its safe answer.
  document.addEventListener('keydown', (e) => {
    const box = e.key === 'Escape' && e.target.closest?.('.confirm');
    if (!box) return;
    e.preventDefault();
    keepAsIs(box);
  });
  document.addEventListener('click', async (e) => {
    const t = e.target.closest('button');
    if (!t) return;
    if (t.classList.contains('channel-link')) {
      state.channel = t.dataset.channel;
      saveChannel();
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
    } else if (t.classList.contains('action') && t.hasAttribute('data-confirm')) {
      askFirst(t);
    } else if (t.classList.contains('confirm-no')) {
      keepAsIs(t.closest('.confirm'));
    } else if (t.classList.contains('confirm-yes')) {
      const button = t.closest('.confirm').previousElementSibling;
      showQuestion(button, false);
      state.confirming = null;
      await press(button);
    } else if (t.classList.contains('action')) {
      await press(t);
    } else if (t.dataset.step) {
      // One move at a time: a double click would otherwise go through two events.
      if (state.moving) return;
      state.moving = true;
      const buttons = [...document.querySelectorAll('.time-buttons button')];
      for (const b of buttons) b.disabled = true;
      $('.time-buttons').setAttribute('aria-busy', 'true');
      try {
        const r = await api('/api/time', { step: t.dataset.step });
        text($('#time-note'), r.moved ? '' : state.chrome['web.nothingScheduled']);
        if (r.moved) state.tellTime = r.now;
        clearStatus();
      } catch (err) {
        problem(err);
      }
      try {
        await refresh();
      } finally {
        for (const b of buttons) b.disabled = false;
        $('.time-buttons').removeAttribute('aria-busy');
        state.moving = false;
        if (document.activeElement === document.body) t.focus();
      }
    } else if (t.classList.contains('discard-no')) {
      keepWriting(t.closest('.discard'));
    } else if (t.classList.contains('form-cancel') || t.classList.contains('discard-yes')) {
      dropForm();
      $('#form-dialog').close();
      await api('/api/form/cancel', { member: state.member }).catch(() => {}); // nothing to keep either way
      await refresh();
    } else if (t.id === 'status-close') {
      clearStatus();
      $('#composer-text').focus();
    } else if (t.id === 'welcome-close') {
      localStorage.setItem(WELCOMED, '1');
      $('#welcome').hidden = true;
      $('#welcome-open').hidden = false;
      $('#composer-text').focus();
    } else if (t.id === 'welcome-open') {
      localStorage.removeItem(WELCOMED);
      $('#welcome').hidden = false;
      t.hidden = true;
      $('#welcome-title')?.setAttribute('tabindex', '-1');
      $('#welcome-title')?.focus();
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
    // Sent: the server has it now (and shows it back with any errors), so the tab's copy goes.
    clearDraft();
    if (r.outcome !== 'errors') {
      dropForm();
      const back = composerFor(state.opener);
      state.opener = null;
      dialog.close();
      back.focus();
    }
    await refresh();
  });
  dialog.addEventListener('input', (e) => {
    updateCounter(e.target);
    saveDraft(e.target.form);
  });
  dialog.addEventListener('change', (e) => saveDraft(e.target.form));
  // However it closed (Escape, Cancel, the server), focus goes back where it was, unless something took it already.
  dialog.addEventListener('close', () => {
    const at = document.activeElement;
    // Focus may still sit on a field of the closed dialog here (the browser moves it to <body> a moment later).
    if (!at || at === document.body || dialog.contains(at)) returnFocus();
    else state.opener = null;
  });
  // Escape on text the member typed asks first: a stray key would otherwise lose a case written over ten minutes.
  // Escape in that question is its safe answer. Held on keydown: the dialog's own cancel event cannot be held off
  // twice in a row (the browser closes the dialog anyway), and a second Escape must go back to the text.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.isComposing) return;
    const form = dialog.querySelector('form');
    const box = form?.querySelector('.discard');
    if (!box) return;
    if (!box.hidden) {
      e.preventDefault();
      keepWriting(box);
    } else if (typedSomething(form)) {
      e.preventDefault();
      askDiscard(box);
    }
  });
  dialog.addEventListener('cancel', () => {
    dropForm();
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
