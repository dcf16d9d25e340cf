// A small HTTP client for the drills: one "browser" per instance, with its own
// cookie jar and, when given, its own loopback source address (so that the
// per-address limits see it as a separate visitor). It speaks to the web the
// way a browser does: next-auth's e-mail-link sign-in, and server actions
// called the way the page's JavaScript calls them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** A random address in 127.0.0.0/8 (every one of them is this machine's loopback), never 127.0.0.1. */
export function randomLoopbackAddress() {
  const byte = () => 2 + Math.floor(Math.random() * 250);
  return `127.${byte()}.${byte()}.${byte()}`;
}

export class Browser {
  /** @param {{ localAddress?: string, timeoutMs?: number }} options */
  constructor({ localAddress, timeoutMs = 30_000 } = {}) {
    this.localAddress = localAddress;
    this.timeoutMs = timeoutMs;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 8, ...(localAddress ? { localAddress } : {}) });
    /** @type {Map<string, string>} */
    this.cookies = new Map();
  }

  close() {
    this.agent.destroy();
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Keeps what Set-Cookie says (a cookie given an empty value, Max-Age=0 or a past date is dropped). */
  keepCookies(setCookie) {
    for (const line of setCookie ?? []) {
      const [pair, ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      if (equals < 1) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, setting = ''] = attribute.split('=').map((part) => part.trim());
        if (/^max-age$/i.test(key)) return Number(setting) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(setting) < Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /**
   * One request. Resolves with { status, headers, text, at, ms } for every answer
   * (whatever its status); rejects only when no answer came (refused, reset, timed out).
   */
  request(url, { method = 'GET', headers = {}, body, timeoutMs = this.timeoutMs } = {}) {
    const at = Date.now();
    return new Promise((resolve, reject) => {
      const cookie = this.cookieHeader();
      const request = http.request(url, {
        method,
        agent: this.agent,
        headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }), ...headers },
      });
      request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'TIMEOUT' })));
      request.on('error', reject);
      request.on('response', (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          this.keepCookies(response.headers['set-cookie']);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8'), at, ms: Date.now() - at });
        });
      });
      request.end(body);
    });
  }

  async json(url, options = {}) {
    const answer = await this.request(url, options);
    let data = null;
    try {
      data = JSON.parse(answer.text);
    } catch {
      // not JSON: data stays null
    }
    return { ...answer, data };
  }

  /**
   * Signs in through the e-mail link, as a person does (apps/web/e2e/helpers/sign-in.ts):
   * asks for a link (the web forwards /api/v1 to the API), takes it from the
   * mailbox, and trades it at next-auth's e-mail-link provider. `askAt` and
   * `signInAt` may be two different web instances. Returns the session's person.
   */
  async signIn({ askAt, signInAt = askAt, email, mailbox }) {
    const asked = await this.request(`${askAt}/api/v1/auth/sign-in-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email, locale: 'fr' }),
    });
    if (asked.status !== 202) throw new Error(`sign-in link for ${email}: ${asked.status} ${asked.text.slice(0, 200)}`);
    const token = await mailbox.signInToken(email);
    // "Me connecter" again while the service is briefly unavailable (a very busy machine): the link stays good until used.
    for (let attempt = 1; ; attempt += 1) {
      const csrf = await this.json(`${signInAt}/api/auth/csrf`);
      if (csrf.status !== 200 || typeof csrf.data?.csrfToken !== 'string') throw new Error(`next-auth csrf: ${csrf.status}`);
      const form = new URLSearchParams({ token, csrfToken: csrf.data.csrfToken, callbackUrl: `${signInAt}/compte`, json: 'true' });
      const callback = await this.json(`${signInAt}/api/auth/callback/email-link`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      });
      if (callback.status === 200 && !String(callback.data?.url ?? '').includes('error=')) return this.person(signInAt);
      const unavailable = /indisponible|unavailable/i.test(decodeURIComponent(String(callback.data?.url ?? '')));
      if (!unavailable || attempt === 3) throw new Error(`next-auth callback: ${callback.status} ${callback.text.slice(0, 200)}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  /** The person of this browser's session as the web instance at `webUrl` reads it (null when signed out). */
  async person(webUrl) {
    const session = await this.json(`${webUrl}/api/auth/session`, { headers: { accept: 'application/json' } });
    if (session.status !== 200) throw new Error(`session: ${session.status}`);
    return session.data?.person ?? null;
  }

  /**
   * Calls a server action the way the page's script does (React's reply
   * encoding: field "0" holds the arguments, where `$K1` stands for the
   * form, whose fields are named "_1_<name>"): `state` is the previous state of a useActionState form (omit it for
   * an action that takes the form alone). Resolves with { status, result, redirect, at, ms };
   * `result` is the action's return value (undefined when the answer had none).
   */
  async action({ pageUrl, origin, actionId, state, fields, timeoutMs }) {
    const boundary = `----sesame-drill-${randomUUID()}`;
    // The form's fields first, the arguments last (as React sends them: the server decodes as they arrive).
    const parts = [...Object.entries(fields).map(([name, value]) => [`_1_${name}`, String(value)]), ['0', JSON.stringify(state === undefined ? ['$K1'] : [state, '$K1'])]];
    const body = `${parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--${boundary}--\r\n`;
    const answer = await this.request(pageUrl, {
      method: 'POST',
      timeoutMs,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'next-action': actionId, accept: 'text/x-component', origin },
      body,
    });
    const redirect = answer.headers['x-action-redirect'] ?? null;
    return { status: answer.status, result: answer.status === 200 ? actionResult(answer.text) : undefined, redirect, at: answer.at, ms: answer.ms };
  }
}

/** The value an action returned, from the RSC answer (rows `id:json`; `a` is the result, possibly a `$@id` reference). */
export function actionResult(text) {
  const rows = new Map();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!match) continue;
    try {
      rows.set(match[1], JSON.parse(match[2]));
    } catch {
      // a row of another kind (text, hints): not the result
    }
  }
  let value = rows.get('0')?.a;
  for (let hops = 0; typeof value === 'string' && /^\$@[0-9a-f]+$/.test(value) && hops < 5; hops += 1) value = rows.get(value.slice(2));
  return value;
}

/** The ids of the web's server actions, by file and exported name, from the build's manifest. */
export function serverActionIds(root) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'apps/web/.next/server/server-reference-manifest.json'), 'utf8'));
  const ids = {};
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    if (entry.filename && entry.exportedName) ids[`${entry.filename}#${entry.exportedName}`] = id;
  }
  return ids;
}
