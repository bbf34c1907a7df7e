import { api, ApiError } from '../api.js';
import { h } from '../dom.js';

/**
 * The sign-in form. The server sets the session cookie; the page keeps
 * nothing (no token in storage).
 * @param {HTMLElement} main
 * @param {{ message?: string, onSignedIn: (user: import('../api.js').Operator) => void }} opts
 */
export function renderSignIn(main, opts) {
  const username = /** @type {HTMLInputElement} */ (
    h('input', {
      id: 'sign-in-username',
      name: 'username',
      type: 'text',
      autocomplete: 'username',
      required: true,
      autocapitalize: 'none',
      spellcheck: 'false',
    })
  );
  const password = /** @type {HTMLInputElement} */ (
    h('input', {
      id: 'sign-in-password',
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    })
  );
  const error = h('p', { id: 'sign-in-error', class: 'error', role: 'alert' });
  const submit = /** @type {HTMLButtonElement} */ (
    h('button', { type: 'submit', class: 'primary' }, 'Sign in')
  );
  const form = h(
    'form',
    { class: 'sign-in', 'aria-describedby': 'sign-in-error', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: username.id }, 'User name'), username),
    h('div', { class: 'field' }, h('label', { for: password.id }, 'Password'), password),
    error,
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void signIn();
  });

  async function signIn() {
    error.textContent = '';
    if (!username.value || !password.value) {
      error.textContent = 'Enter your user name and password.';
      (username.value ? password : username).focus();
      return;
    }
    submit.disabled = true;
    try {
      const result = await api.login(username.value, password.value);
      const user = result?.user ?? (await api.me());
      if (!user) throw new ApiError(401, 'The session was not kept: are cookies blocked?');
      opts.onSignedIn(user);
    } catch (e) {
      password.value = '';
      error.textContent =
        e instanceof ApiError && e.status === 401
          ? 'Sign-in failed: wrong user name or password.'
          : `Sign-in failed: ${e instanceof Error ? e.message : String(e)}`;
      password.focus();
    } finally {
      submit.disabled = false;
    }
  }

  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Sign in'),
    // replaceChildren would write a null as the text "null".
    ...(opts.message ? [h('p', { class: 'notice' }, opts.message)] : []),
    h('p', {}, 'Operators of the Interagency Coordination Bus sign in with their account.'),
    form,
  );
  username.focus();
}
