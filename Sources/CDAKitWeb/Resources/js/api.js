// The JSON API client: every call sends the session cookie (same origin); changes also send the CSRF token.

let csrfToken = null;
let unauthorized = () => {};
let coderOfChange = async () => null;
let changed = () => {};

/** An error the server answered with: its status and its message. */
export class APIError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Remembers the CSRF token from GET /api/session. */
export function setCSRFToken(token) {
  csrfToken = token;
}

/**
 * Sets who a change is recorded for (`who` resolves with a name, or null when none was chosen) and
 * what runs after every change the server accepted.
 */
export function onChange({ who, after }) {
  coderOfChange = who;
  changed = after;
}

/** A change's fields with the coder filled in; refuses (without sending) when nobody was chosen. */
async function withCoder(fields) {
  if (!fields || typeof fields !== 'object' || !('coder' in fields)) return fields;
  const coder = await coderOfChange();
  if (!coder) throw new APIError(0, 'Choose who is coding first; nothing was changed.');
  return { ...fields, coder };
}

/** Sets what happens when the server no longer knows this browser's session (401). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken ?? '';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.status === 401) unauthorized();
  if (!response.ok) throw new APIError(response.status, data?.error ?? `${response.status} ${response.statusText}`);
  if (method !== 'GET') changed();
  return data;
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value === true ? '1' : value)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const api = {
  get: (path, params = {}) => request('GET', path + query(params)),
  post: async (path, body = {}) => request('POST', path, await withCoder(body)),
  put: async (path, body = {}) => request('PUT', path, await withCoder(body)),
  delete: async (path, params = {}) => request('DELETE', path + query(await withCoder(params))),
};
