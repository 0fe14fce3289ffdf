// Navigation between screens through the address's hash: #/screen/ARG?key=value.

/** Goes to a screen: go('transcript', 'doc-id', {at: 5}). Going to the current address shows it again. */
export function go(name, arg = null, params = {}) {
  const search = new URLSearchParams(params).toString();
  const target = `#/${name}${arg ? `/${encodeURIComponent(arg)}` : ''}${search ? `?${search}` : ''}`;
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}

/** Reads the hash: {name, arg, params}. */
export function currentRoute(known) {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  const [name, ...rest] = path.split('/');
  return {
    name: known.includes(name) ? name : 'corpus',
    arg: rest.length ? decodeURIComponent(rest.join('/')) : null,
    params: new URLSearchParams(search),
  };
}
