import type { SlackStore, UserGroup } from '../store.ts';
import { ScimError } from './users.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Member IDs from `[{"value":"U1"}, …]` (plain strings tolerated). */
export function memberIds(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((m) => (isObject(m) ? String(m.value ?? '') : String(m))).filter((id) => id !== '');
}

/** Slack refuses unknown, deactivated and guest accounts (and bots) as group members. */
export function validateMembers(store: SlackStore, ids: string[]): void {
  for (const id of ids) {
    const user = store.user(id);
    if (!user || user.id === 'USLACKBOT') throw new ScimError(400, 'no_such_group_members');
    if (user.deleted || user.isRestricted || user.isBot) throw new ScimError(400, 'unable_to_add_deleted_or_guest_to_group');
  }
  if (ids.length > store.behaviour.maxGroupMembers) throw new ScimError(400, 'too_many_users');
}

export function assertManageable(group: UserGroup): void {
  // Slack-managed groups (e.g. Team Admins) cannot be changed through SCIM.
  if (group.autoType !== null) throw new ScimError(403, 'permission_denied');
}

function touch(store: SlackStore, group: UserGroup): void {
  group.dateUpdate = store.now();
}

export function setDisplayName(store: SlackStore, group: UserGroup | undefined, name: unknown): string {
  const text = typeof name === 'string' ? name.trim() : '';
  if (text === '') throw new ScimError(400, 'invalid_display_name');
  if (text.startsWith('@')) throw new ScimError(400, 'invalid_starts_with_at');
  if (text.length > 255) throw new ScimError(400, 'invalid_name_maxlength');
  for (const other of store.usergroups.values()) {
    if (other !== group && other.teamId === (group?.teamId ?? other.teamId) && other.name.toLowerCase() === text.toLowerCase()) {
      throw new ScimError(409, group ? 'invalid_display_name' : 'group_creation_failed');
    }
  }
  return text;
}

/** v1 PATCH: members are added unless marked `"operation":"delete"`; `displayName` may change too. */
export function applyV1GroupPatch(store: SlackStore, group: UserGroup, body: Json): void {
  const members = Array.isArray(body.members) ? body.members : [];
  const add: string[] = [];
  const remove: string[] = [];
  for (const m of members) {
    if (!isObject(m)) continue;
    const id = String(m.value ?? '');
    if (m.operation === 'delete') remove.push(id);
    else add.push(id);
  }
  validateMembers(store, add);
  if (isObject(body.meta) && Array.isArray(body.meta.attributes) && body.meta.attributes.includes('members')) group.users.clear();
  for (const id of add) group.users.add(id);
  for (const id of remove) group.users.delete(id);
  if ('displayName' in body) group.name = setDisplayName(store, group, body.displayName);
  touch(store, group);
}

const MEMBER_FILTER = /^members\[\s*value\s+eq\s+"?([^"\]\s]+)"?\s*\]$/i;

/**
 * v2 PATCH operations Slack and real IdPs send: add members, replace all members, remove all,
 * remove one (`members[value eq U1]`, quoted or not), remove a listed set, rename.
 */
export function applyV2GroupPatch(store: SlackStore, group: UserGroup, body: Json): void {
  const ops = body.Operations ?? body.operations;
  if (!Array.isArray(ops)) throw new ScimError(400, 'invalid_request_payload');
  // Validate everything first so a failing request changes nothing.
  const next = new Set(group.users);
  let name = group.name;
  for (const raw of ops) {
    if (!isObject(raw)) throw new ScimError(400, 'invalid_request_payload');
    const op = String(raw.op ?? '').toLowerCase();
    const path = raw.path === undefined ? undefined : String(raw.path).trim();
    const lower = path?.toLowerCase();
    if (op === 'add' && lower === 'members') {
      const ids = memberIds(raw.value);
      validateMembers(store, ids);
      for (const id of ids) next.add(id);
    } else if (op === 'replace' && lower === 'members') {
      const ids = memberIds(raw.value);
      validateMembers(store, ids);
      next.clear();
      for (const id of ids) next.add(id);
    } else if (op === 'remove' && lower === 'members') {
      const ids = memberIds(raw.value);
      if (ids.length === 0) next.clear();
      else for (const id of ids) next.delete(id);
    } else if (op === 'remove' && path !== undefined && MEMBER_FILTER.test(path)) {
      next.delete((MEMBER_FILTER.exec(path) as RegExpExecArray)[1] as string);
    } else if ((op === 'replace' || op === 'add') && lower === 'displayname') {
      name = setDisplayName(store, group, raw.value);
    } else if ((op === 'replace' || op === 'add') && path === undefined && isObject(raw.value)) {
      if ('displayName' in raw.value) name = setDisplayName(store, group, raw.value.displayName);
      if ('members' in raw.value) {
        const ids = memberIds(raw.value.members);
        validateMembers(store, ids);
        if (op === 'replace') next.clear();
        for (const id of ids) next.add(id);
      }
    } else {
      throw new ScimError(400, 'invalid_request_payload');
    }
  }
  if (next.size > store.behaviour.maxGroupMembers) throw new ScimError(400, 'too_many_users');
  store.setGroupMembers(group, next);
  group.name = name;
  touch(store, group);
}

export function replaceGroup(store: SlackStore, group: UserGroup, body: Json): void {
  const name = setDisplayName(store, group, body.displayName);
  const ids = memberIds(body.members);
  validateMembers(store, ids);
  group.name = name;
  store.setGroupMembers(group, ids);
  touch(store, group);
}
