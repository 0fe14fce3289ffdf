// Small DOM helpers. Text from the project is only ever set as text, never parsed as HTML.

/**
 * Creates an element: el('button', {class: 'x', onclick: f, dataset: {id: 1}}, 'text', child…).
 * Attributes starting with "on" become listeners; `null`, `undefined` and `false` children are skipped.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'class') element.className = value;
    else if (key === 'style' && typeof value === 'object') Object.assign(element.style, value);
    else if (key in element && typeof value !== 'string') element[key] = value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A percentage with one decimal. */
export function percent(share) {
  return `${(share * 100).toFixed(1)}%`;
}

/** A whole number with thousands separators. */
export function number(value) {
  return new Intl.NumberFormat('en').format(value ?? 0);
}

/** HH:MM:SS for seconds, or '' without a time. */
export function clock(seconds) {
  if (seconds === null || seconds === undefined) return '';
  const total = Math.floor(seconds);
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** `#rrggbb` at an opacity, as rgba(). */
export function tint(hex, alpha) {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!match) return `rgba(120, 120, 120, ${alpha})`;
  return `rgba(${parseInt(match[1], 16)}, ${parseInt(match[2], 16)}, ${parseInt(match[3], 16)}, ${alpha})`;
}

/** A coloured dot for a code. */
export function swatch(color) {
  return el('span', { class: 'swatch', style: { backgroundColor: color ?? '#999' } });
}

/** Shows a short message; `action` adds a button ({label, run}). Errors stay longer. */
export function toast(message, { error = false, action = null } = {}) {
  const box = document.getElementById('toasts');
  const item = el('div', { class: error ? 'toast error' : 'toast' }, el('span', {}, message));
  if (action) {
    item.append(el('button', {
      type: 'button',
      onclick: () => {
        item.remove();
        action.run();
      },
    }, action.label));
  }
  box.append(item);
  while (box.children.length > 3) box.firstElementChild.remove();
  // Errors, and messages with a button (Undo), stay long enough to read and act on.
  setTimeout(() => item.remove(), error || action ? 9000 : 4500);
}

/** Reports a failed call. An ended session (401) has its own notice (`sessionExpired`), not a message. */
export function fail(error) {
  if (error?.status === 401) return;
  console.error(error);
  toast(error?.message ?? String(error), { error: true });
}

/**
 * Says, over the screen and until the page is reloaded, that the session has ended and what to do:
 * the server was restarted (every session ends with it), or this browser's cookie is gone.
 */
export function sessionExpired() {
  if (document.getElementById('session-expired')) return;
  document.body.append(el('div', { class: 'session-expired', id: 'session-expired', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'session-expired-title' },
    el('div', { class: 'session-expired-box' },
      el('h2', { id: 'session-expired-title' }, 'Session expired — reload with the link cda serve printed'),
      el('p', {}, 'The workbench no longer knows this browser: cda serve was stopped or started again, or this browser\'s cookie is gone. ',
        'Open the address that cda serve printed in its terminal (it ends in ?token=…) to go on.'),
      el('p', { class: 'muted small' }, 'Nothing is lost: every coding and step is in the project file.'))));
}

let dialogs = 0;

/**
 * Opens a modal dialog and resolves with the value of the button pressed (null for Cancel or Escape).
 * `body` is a node; `buttons` are [{label, value, primary}] — a function value is called with the dialog first.
 */
export function dialog({ title, body, buttons = [{ label: 'OK', value: true, primary: true }], cancel = 'Cancel' }) {
  return new Promise((resolve) => {
    // A modal <dialog> keeps focus inside (the page behind is inert), and Escape cancels it.
    const titleID = `dialog-title-${++dialogs}`;
    const box = el('dialog', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleID });
    const finish = (value) => {
      box.close();
      box.remove();
      resolve(value);
    };
    const footer = el('footer', {});
    if (cancel) footer.append(el('button', { type: 'button', onclick: () => finish(null) }, cancel));
    for (const button of buttons) {
      footer.append(el('button', {
        type: 'button',
        class: button.primary ? 'primary' : '',
        onclick: () => finish(typeof button.value === 'function' ? button.value(box) : button.value),
      }, button.label));
    }
    box.append(el('h2', { id: titleID }, title), el('div', { class: 'dialog-body' }, body), footer);
    box.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.tagName !== 'TEXTAREA' && event.target.tagName !== 'BUTTON') {
        event.preventDefault();
        footer.querySelector('button.primary')?.click();
      }
    });
    document.body.append(box);
    box.showModal();
    box.querySelector('input, textarea, select')?.focus();
  });
}

/** Asks for a line of text; resolves with it trimmed, or null. */
export async function prompt(title, { label = '', value = '', placeholder = '', action = 'OK' } = {}) {
  const input = el('input', { type: 'text', value, placeholder, class: 'wide', 'aria-label': label || title });
  const result = await dialog({
    title,
    body: el('label', { class: 'stack' }, label, input),
    buttons: [{ label: action, value: () => input.value, primary: true }],
  });
  return result === null ? null : result.trim();
}

/** Whether an event comes from a field where keys type text. */
export function isTyping(event) {
  const target = event.target;
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
