// The code picker: type to filter the codes, arrows and Enter to choose. Enter takes the best
// existing match; a new code is made only by choosing "Create new code 'x'" (arrows or a click),
// which is the first choice only when no code matches at all. A new code whose name is exactly
// the selected text is marked in-vivo.
import { el, replace } from './ui.js';

/** A name folded for matching: lowercase, without diacritics. */
export function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Names matching a query, best first: the same name (folded), then names starting with it, then names containing it. */
export function matchNames(names, queryText, limit = 10) {
  const q = fold(queryText.trim());
  if (!q) return names.slice(0, limit);
  const same = [];
  const starts = [];
  const contains = [];
  for (const name of names) {
    const folded = fold(name);
    if (folded === q) same.push(name);
    else if (folded.startsWith(q)) starts.push(name);
    else if (folded.includes(q)) contains.push(name);
  }
  return [...same, ...starts, ...contains].slice(0, limit);
}

let open = null;

/**
 * Opens the picker near `anchor` (a DOMRect) and resolves with {name, created, inVivo, memo}, or null.
 * Options: title, names (choices), allowCreate, selectedText (for in-vivo), withMemo, initial, action.
 */
export function pickCode({ anchor, title, names, allowCreate = true, selectedText = '', withMemo = false, initial = '', action = 'Code' }) {
  open?.cancel();
  return new Promise((resolve) => {
    const returnFocus = document.activeElement;
    const input = el('input', { type: 'text', value: initial, placeholder: allowCreate ? 'Type to find a code, or a new name' : 'Type to find a code', autocomplete: 'off', spellcheck: 'false', 'aria-label': 'Code name' });
    const list = el('ul', { class: 'picker-list', role: 'listbox', 'aria-label': 'Codes' });
    const inVivo = el('input', { type: 'checkbox' });
    let inVivoTouched = false;
    inVivo.addEventListener('change', () => { inVivoTouched = true; });
    const memo = el('input', { type: 'text', placeholder: 'Memo on this coding (optional)', 'aria-label': 'Memo on this coding', class: 'picker-memo' });
    const box = el('div', { class: 'picker', role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
      el('div', { class: 'picker-title' }, title),
      input,
      list,
      allowCreate && selectedText ? el('label', { class: 'picker-invivo' }, inVivo, ' in-vivo (the participants\' own words)') : null,
      withMemo ? memo : null);
    const hint = el('div', { class: 'picker-hint' });
    box.append(hint);
    let options = [];
    let active = 0;

    const render = () => {
      const text = input.value.trim();
      options = matchNames(names, text).map((name) => ({ name, created: false }));
      // Creating is always the last choice, so that Enter on a part of a name never makes a new code.
      if (allowCreate && text && !names.includes(text)) options.push({ name: text, created: true });
      active = Math.min(active, Math.max(0, options.length - 1));
      const chosen = options[active];
      hint.textContent = !chosen ? 'Esc cancel'
        : chosen.created ? `Enter creates '${chosen.name}' · ↑↓ choose · Esc cancel`
          : `Enter ${action.toLowerCase()}: '${chosen.name}' · ↑↓ choose${options.some((option) => option.created) ? ' (last: create a new code)' : ''} · Esc cancel`;
      if (!inVivoTouched) inVivo.checked = Boolean(selectedText) && text === selectedText.trim();
      replace(list, options.length === 0
        ? el('li', { class: 'picker-empty' }, allowCreate ? 'Type a name' : 'No code matches')
        : options.map((option, index) => el('li', {
          role: 'option',
          class: index === active ? 'active' : '',
          'aria-selected': index === active ? 'true' : 'false',
          onmousedown: (event) => {
            event.preventDefault();
            active = index;
            choose();
          },
        }, option.created ? el('span', { class: 'create' }, '+ Create new code ', el('strong', {}, `'${option.name}'`)) : option.name)));
    };

    const close = (value) => {
      document.removeEventListener('mousedown', outside, true);
      box.remove();
      open = null;
      if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
      resolve(value);
    };
    const choose = () => {
      const option = options[active];
      if (!option) return;
      close({ name: option.name, created: option.created, inVivo: option.created && inVivo.checked, memo: memo.value.trim() || null });
    };
    const outside = (event) => {
      if (!box.contains(event.target)) close(null);
    };

    input.addEventListener('input', () => {
      active = 0;
      render();
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        active = Math.min(options.length - 1, active + 1);
        render();
      } else if (event.key === 'ArrowUp') {
        active = Math.max(0, active - 1);
        render();
      } else if (event.key === 'Enter') {
        choose();
      } else if (event.key === 'Escape') {
        close(null);
      } else if (event.key === 'Tab') {
        // Focus stays inside the picker: Tab and Shift+Tab go round its fields.
        const fields = [...box.querySelectorAll('input')];
        const at = fields.indexOf(document.activeElement);
        fields[(at + (event.shiftKey ? -1 : 1) + fields.length) % fields.length]?.focus();
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    });

    document.body.append(box);
    const width = box.offsetWidth;
    const left = Math.max(8, Math.min(window.innerWidth - width - 8, anchor?.left ?? 100));
    const below = (anchor?.bottom ?? 100) + 8;
    const top = below + box.offsetHeight > window.innerHeight ? Math.max(8, (anchor?.top ?? 100) - box.offsetHeight - 8) : below;
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
    render();
    input.focus();
    input.select();
    document.addEventListener('mousedown', outside, true);
    open = { cancel: () => close(null) };
  });
}
