import type { ScimExtras, SlackStore, User } from '../store.ts';
import { extensionUrns, type ScimVersion } from './resources.ts';

/** A SCIM failure: HTTP status plus one of Slack's documented SCIM error codes. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

/** Slack keeps only `.`, `_` and `-` besides letters and digits in user names, lower-cased. */
export function normalizeUserName(userName: string): string {
  return userName.toLowerCase().replace(/[^a-z0-9._-]/g, '_');
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function primaryEmail(emails: unknown): { primary?: string; secondary?: string } {
  if (!Array.isArray(emails)) throw new ScimError(400, 'emails_invalid');
  const values = emails.filter(isObject).map((e) => ({ value: str(e.value) ?? '', primary: e.primary === true || e.primary === 'true' }));
  const primary = values.find((e) => e.primary) ?? values[0];
  const secondary = values.find((e) => e !== primary);
  for (const e of values) if (!EMAIL.test(e.value)) throw new ScimError(400, 'bad_email_address');
  return { ...(primary ? { primary: primary.value } : {}), ...(secondary ? { secondary: secondary.value } : {}) };
}

function setActive(store: SlackStore, user: User, active: unknown): void {
  const on = active === true || active === 'true' || active === 1;
  if (on) {
    store.reactivateUser(user);
    return;
  }
  assertMayDeactivate(store, user);
  store.deactivateUser(user);
}

export function assertMayDeactivate(store: SlackStore, user: User): void {
  if (user.isBot) throw new ScimError(403, 'cannot_disable_bot_user_with_scim');
  if (user.memberships.some((m) => m.role === 'primary_owner') || user.orgRole === 'primary_owner') throw new ScimError(403, 'cannot_disable_primary_owner');
  void store;
}

function setUserName(store: SlackStore, user: User, value: unknown): void {
  const raw = str(value);
  if (raw === undefined || raw === '') throw new ScimError(400, 'username_required');
  const name = normalizeUserName(raw);
  if (name.length > 21) throw new ScimError(400, 'username_too_long');
  const clash = store.userByName(name);
  if (clash && clash !== user) throw new ScimError(409, 'username_taken');
  user.name = name;
}

function setEmails(store: SlackStore, user: User, value: unknown): void {
  const { primary, secondary } = primaryEmail(value);
  if (!primary) throw new ScimError(400, 'missing_primary_email');
  const owner = store.userByEmail(primary);
  // Any existing account holds its email, deactivated or not.
  if (owner && owner !== user) throw new ScimError(409, 'email_taken');
  if (primary !== user.email) store.setEmail(user, primary);
  extras(user).secondaryEmail = secondary;
}

function extras(user: User): ScimExtras {
  user.scim ??= {};
  return user.scim;
}

function setGuest(user: User, value: unknown): void {
  const type = isObject(value) ? str(value.type) : undefined;
  user.isRestricted = true;
  user.isUltraRestricted = type === 'single';
  if (isObject(value) && value.expiration !== undefined) {
    const ms = Date.parse(String(value.expiration));
    user.guestExpirationTs = Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
  }
}

function setEnterprise(user: User, value: unknown): void {
  if (!isObject(value)) throw new ScimError(400, 'improper_enterprise_schema_format');
  const e = extras(user);
  for (const key of ['employeeNumber', 'costCenter', 'organization', 'division', 'department'] as const) {
    if (key in value) e[key] = str(value[key]) ?? '';
  }
  if ('manager' in value) {
    const manager = value.manager;
    e.managerId = isObject(manager) ? (str(manager.managerId ?? manager.value) ?? null) : null;
  }
}

/**
 * Applies SCIM user attributes to a user. `replace` (PUT) blanks what the body omits; otherwise
 * only the attributes present change (POST, v1 PATCH, path-less v2 replace).
 */
export function applyUserAttributes(store: SlackStore, user: User, body: Json, version: ScimVersion, replace: boolean): void {
  const urns = extensionUrns(version);
  if ('userName' in body || replace) setUserName(store, user, body.userName);
  if ('emails' in body || replace) setEmails(store, user, body.emails ?? []);
  if ('nickName' in body || replace) extras(user).nickName = str(body.nickName);
  if ('displayName' in body || replace) {
    const displayName = str(body.displayName) ?? '';
    if (displayName.length > 80) throw new ScimError(400, 'invalid_display_name');
    user.displayName = displayName;
  }
  if ('name' in body || replace) {
    const name = isObject(body.name) ? body.name : {};
    if ('givenName' in name || replace) user.firstName = str(name.givenName) ?? '';
    if ('familyName' in name || replace) user.lastName = str(name.familyName) ?? '';
    if ('honorificPrefix' in name || replace) extras(user).honorificPrefix = str(name.honorificPrefix);
    const full = str(name.formatted) ?? `${user.firstName} ${user.lastName}`.trim();
    if (full) user.realName = full;
  }
  if ('title' in body || replace) user.title = str(body.title) ?? '';
  if ('timezone' in body) user.tz = str(body.timezone) ?? user.tz;
  if ('locale' in body) user.locale = (str(body.locale) ?? 'en_US').replace('_', '-');
  if ('preferredLanguage' in body || replace) extras(user).preferredLanguage = str(body.preferredLanguage);
  if ('userType' in body || replace) extras(user).userType = str(body.userType);
  if ('externalId' in body || replace) extras(user).externalId = str(body.externalId);
  if ('phoneNumbers' in body || replace) {
    const phones = Array.isArray(body.phoneNumbers) ? body.phoneNumbers.filter(isObject).slice(0, 2) : undefined;
    extras(user).phoneNumbers = phones?.map((p) => ({ value: str(p.value) ?? '', ...(p.type ? { type: String(p.type) } : {}), ...(p.primary ? { primary: true } : {}) }));
    user.phone = phones?.[0] ? (str(phones[0].value) ?? '') : '';
  }
  if ('addresses' in body || replace) extras(user).addresses = Array.isArray(body.addresses) ? body.addresses.filter(isObject).slice(0, 1) : undefined;
  if ('roles' in body || replace) {
    extras(user).roles = Array.isArray(body.roles) ? body.roles.filter(isObject).slice(0, 1).map((r) => ({ value: str(r.value) ?? '', primary: true })) : undefined;
  }
  if ('photos' in body) extras(user).photos = Array.isArray(body.photos) ? body.photos.filter(isObject).slice(0, 1).map((p) => ({ value: str(p.value) ?? '', type: 'photo' })) : undefined;
  if (urns.enterprise in body) setEnterprise(user, body[urns.enterprise]);
  else if (replace) setEnterprise(user, { employeeNumber: '', costCenter: '', organization: '', division: '', department: '', manager: null });
  if (urns.profile in body && isObject(body[urns.profile])) extras(user).startDate = str((body[urns.profile] as Json).startDate);
  if (urns.guest in body) setGuest(user, body[urns.guest]);
  if ('active' in body) setActive(store, user, body.active);
  store.touchUser(user);
}

/** v1 PATCH removes attributes listed in `meta.attributes` and multi-valued entries marked `operation: delete`. */
export function applyV1UserPatch(store: SlackStore, user: User, body: Json): void {
  const remove = isObject(body.meta) && Array.isArray(body.meta.attributes) ? body.meta.attributes.map(String) : [];
  for (const attribute of remove) removeUserAttribute(store, user, attribute, 1);
  const patch: Json = { ...body };
  delete patch.meta;
  delete patch.schemas;
  // externalId, password and profileUrl cannot be changed through PATCH.
  delete patch.externalId;
  if (Array.isArray(patch.emails)) {
    const deleted = patch.emails.filter((e) => isObject(e) && e.operation === 'delete').map((e) => str((e as Json).value));
    if (deleted.includes(user.email ?? undefined)) throw new ScimError(400, 'missing_primary_email');
    if (deleted.includes(user.scim?.secondaryEmail)) extras(user).secondaryEmail = undefined;
    const kept = patch.emails.filter((e) => !(isObject(e) && e.operation === 'delete'));
    if (kept.length === 0) delete patch.emails;
    else patch.emails = kept;
  }
  applyUserAttributes(store, user, patch, 1, false);
}

function removeUserAttribute(store: SlackStore, user: User, path: string, version: ScimVersion): void {
  const urns = extensionUrns(version);
  const lower = path.toLowerCase();
  if (lower.startsWith(urns.guest.toLowerCase())) {
    if (lower.endsWith('.expiration') || lower.endsWith(':expiration')) user.guestExpirationTs = 0;
    else {
      user.isRestricted = false;
      user.isUltraRestricted = false;
      user.guestExpirationTs = 0;
    }
  } else if (lower.startsWith(urns.enterprise.toLowerCase())) {
    const sub = path.slice(urns.enterprise.length).replace(/^[:.]/, '');
    if (sub === '') setEnterprise(user, { employeeNumber: '', costCenter: '', organization: '', division: '', department: '', manager: null });
    else if (sub.toLowerCase().startsWith('manager')) extras(user).managerId = null;
    else setEnterprise(user, { [sub]: '' });
  } else if (lower === 'emails' || lower.startsWith('emails[')) {
    const match = /emails\[(\w+)\s+eq\s+"?([^"\]]*)"?\]/i.exec(path);
    const removesPrimary = lower === 'emails' || (match && ((match[1]?.toLowerCase() === 'primary' && match[2] === 'true') || match[2] === user.email));
    if (removesPrimary) throw new ScimError(400, 'missing_primary_email');
    extras(user).secondaryEmail = undefined;
  } else if (lower === 'name.honorificprefix') extras(user).honorificPrefix = undefined;
  else if (lower === 'name.givenname') user.firstName = '';
  else if (lower === 'name.familyname') user.lastName = '';
  else if (lower === 'title') user.title = '';
  else if (lower === 'nickname') extras(user).nickName = undefined;
  else if (lower === 'displayname') user.displayName = '';
  else if (lower === 'phonenumbers' || lower.startsWith('phonenumbers[')) {
    extras(user).phoneNumbers = undefined;
    user.phone = '';
  } else if (lower === 'addresses') extras(user).addresses = undefined;
  else if (lower === 'roles') extras(user).roles = undefined;
  else if (lower === 'photos') extras(user).photos = undefined;
  else if (lower === 'usertype') extras(user).userType = undefined;
  else if (lower === 'externalid' || lower === 'password' || lower === 'profileurl') throw new ScimError(400, 'invalid_request_payload');
  else throw new ScimError(400, 'invalid_attribute_format');
  store.touchUser(user);
}

/** Turns a v2 operation path into the attribute object a v1-style merge understands. */
function pathToObject(path: string, value: unknown, version: ScimVersion): Json {
  const urns = extensionUrns(version);
  for (const urn of [urns.enterprise, urns.guest, urns.profile]) {
    if (path.toLowerCase().startsWith(urn.toLowerCase())) {
      const sub = path.slice(urn.length).replace(/^[:.]/, '');
      if (sub === '') return { [urn]: value };
      const nested: Json = {};
      const keys = sub.split('.');
      let cursor = nested;
      keys.forEach((key, i) => {
        if (i === keys.length - 1) cursor[key] = value;
        else cursor = cursor[key] = {} as Json;
      });
      return { [urn]: nested };
    }
  }
  if (path.includes('.')) {
    const [head, ...rest] = path.split('.');
    return { [head as string]: pathToObject(rest.join('.'), value, version) };
  }
  return { [path]: value };
}

const USER_PATHS = new Set([
  'active',
  'username',
  'nickname',
  'displayname',
  'title',
  'usertype',
  'preferredlanguage',
  'locale',
  'timezone',
  'emails',
  'phonenumbers',
  'photos',
  'addresses',
  'roles',
  'name',
  'externalid',
]);

function canonicalPath(path: string): string {
  const lookup: Record<string, string> = {
    username: 'userName',
    nickname: 'nickName',
    displayname: 'displayName',
    usertype: 'userType',
    preferredlanguage: 'preferredLanguage',
    phonenumbers: 'phoneNumbers',
    externalid: 'externalId',
    'name.givenname': 'name.givenName',
    'name.familyname': 'name.familyName',
    'name.honorificprefix': 'name.honorificPrefix',
  };
  return lookup[path.toLowerCase()] ?? path;
}

export function applyV2UserPatch(store: SlackStore, user: User, body: Json): void {
  const ops = body.Operations ?? body.operations;
  if (!Array.isArray(ops)) throw new ScimError(400, 'invalid_request_payload');
  for (const raw of ops) {
    if (!isObject(raw)) throw new ScimError(400, 'invalid_request_payload');
    const op = String(raw.op ?? '').toLowerCase();
    const path = raw.path === undefined ? undefined : canonicalPath(String(raw.path));
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw new ScimError(400, 'invalid_request_payload');
    if (op === 'remove') {
      if (path === undefined) throw new ScimError(400, 'invalid_request_payload');
      removeUserAttribute(store, user, path, 2);
      continue;
    }
    if (path === undefined) {
      // Path-less add/replace: the value is a partial user (common IdP style).
      if (!isObject(raw.value)) throw new ScimError(400, 'invalid_request_payload');
      const { externalId: _immutable, ...value } = raw.value;
      applyUserAttributes(store, user, value, 2, false);
      continue;
    }
    const lower = path.toLowerCase();
    if (lower.startsWith('emails[')) {
      const match = /emails\[(\w+)\s+eq\s+"?([^"\]]*)"?\]/i.exec(path);
      const isPrimary = match !== null && ((match[1]?.toLowerCase() === 'primary' && match[2] === 'true') || match[2] === user.email);
      const value = isObject(raw.value) ? str(raw.value.value) : str(raw.value);
      if (!value || !EMAIL.test(value)) throw new ScimError(400, 'bad_email_address');
      if (isPrimary) setEmails(store, user, [{ value, primary: true }, ...(user.scim?.secondaryEmail ? [{ value: user.scim.secondaryEmail }] : [])]);
      else extras(user).secondaryEmail = value;
      store.touchUser(user);
      continue;
    }
    if (lower.startsWith('phonenumbers[')) {
      const value = isObject(raw.value) ? str(raw.value.value) : str(raw.value);
      applyUserAttributes(store, user, { phoneNumbers: [{ value: value ?? '', type: 'mobile' }] }, 2, false);
      continue;
    }
    const top = lower.split(/[.[]/)[0] as string;
    const urns = extensionUrns(2);
    const isExtension = [urns.enterprise, urns.guest, urns.profile].some((u) => lower.startsWith(u.toLowerCase()));
    if (!isExtension && !USER_PATHS.has(top)) throw new ScimError(400, 'invalid_attribute_format');
    if (lower === 'externalid') continue; // cannot be changed through PATCH
    if (lower === 'emails' && op === 'add' && user.email && Array.isArray(raw.value)) {
      const added = raw.value.filter(isObject).map((e) => str(e.value)).filter((v): v is string => Boolean(v));
      if (added[0]) {
        extras(user).secondaryEmail = added[0];
        store.touchUser(user);
      }
      continue;
    }
    applyUserAttributes(store, user, pathToObject(path, raw.value, 2), 2, false);
  }
}
