import { newUser, newUsergroup, type SlackStore, type User, type UserGroup } from '../store.ts';
import { matchesFilter, parseFilter, ScimFilterError, type AttributeGetter } from './filter.ts';
import { applyV1GroupPatch, applyV2GroupPatch, assertManageable, memberIds, replaceGroup, setDisplayName, validateMembers } from './groups.ts';
import { isScimUser, membershipIndex, scimGroup, scimGroupJson, scimGroups, scimUser, scimUserListJson, URN, type ScimVersion } from './resources.ts';
import { applyUserAttributes, applyV1UserPatch, applyV2UserPatch, assertMayDeactivate, ScimError } from './users.ts';

type Json = Record<string, unknown>;

export interface ScimRequest {
  version: ScimVersion;
  method: string;
  /** Path segments after `/scim/vN/`, e.g. `['Users', 'U123']`. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
  bearer: string | undefined;
  /** `<origin>/scim/vN/`, for `meta.location`. */
  base: string;
}

export interface ScimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  error?: string;
}

/** Names SCIM calls the way the control API counts them: `scim.users.list`, `scim.groups.patch`… */
export function scimCallName(method: string, segments: string[]): { name: string; resourceId?: string } {
  const [collection = '', id] = segments;
  const resource = collection.toLowerCase();
  const verb = method.toUpperCase();
  if (resource === 'users' || resource === 'groups') {
    if (id === undefined) return { name: `scim.${resource}.${verb === 'POST' ? 'create' : verb === 'GET' ? 'list' : verb.toLowerCase()}` };
    const action = verb === 'GET' ? 'get' : verb.toLowerCase();
    return { name: `scim.${resource}.${action}`, resourceId: id };
  }
  return { name: `scim.${resource || 'root'}` };
}

export function scimErrorBody(store: SlackStore, version: ScimVersion, status: number, code: string): unknown {
  // GovSlack only speaks v1, so even its refusal of /scim/v2 comes in the v1 shape.
  if (version === 1 || store.plan === 'gov' || store.behaviour.scimV2ErrorShape === 'Errors') return { Errors: { description: code, code: status } };
  return { schemas: [URN.v2.error], detail: code, status };
}

function authenticate(store: SlackStore, request: ScimRequest): void {
  if (store.plan === 'gov' && request.version === 2) throw new ScimError(404, 'unsupported_version');
  if (!request.bearer) throw new ScimError(401, 'missing_authentication');
  const token = store.token(request.bearer);
  if (!token || token.revoked || token.expired) throw new ScimError(401, 'invalid_authentication');
  if (!store.hasScim) throw new ScimError(403, 'plus_teams_only');
  if (token.kind !== 'user' || !token.scopes.includes('admin')) throw new ScimError(403, 'permission_denied');
  if (store.isGrid && !token.orgLevel) throw new ScimError(403, 'non_org_teams_only');
}

function listResponse(version: ScimVersion, resources: unknown[], total: number, startIndex: number): Json {
  return {
    schemas: [version === 1 ? URN.v1.core : URN.v2.list],
    totalResults: total,
    itemsPerPage: resources.length,
    startIndex,
    Resources: resources,
  };
}

/** `listResponse` as JSON text around resources already written as JSON. */
function listResponseJson(version: ScimVersion, resources: string[], total: number, startIndex: number): string {
  return `{"schemas":[${JSON.stringify(version === 1 ? URN.v1.core : URN.v2.list)}],"totalResults":${total},"itemsPerPage":${resources.length},"startIndex":${startIndex},"Resources":[${resources.join(',')}]}`;
}

function paging(query: URLSearchParams): { start: number; count: number } {
  const rawStart = Number(query.get('startIndex') ?? '1');
  const rawCount = Number(query.get('count') ?? '10');
  const start = Number.isFinite(rawStart) && rawStart >= 1 ? Math.floor(rawStart) : 1;
  // Larger counts are treated as 1000.
  const count = Number.isFinite(rawCount) ? Math.min(1000, Math.max(0, Math.floor(rawCount))) : 10;
  return { start, count };
}

function filterOf(query: URLSearchParams): ReturnType<typeof parseFilter> | undefined {
  const text = query.get('filter');
  if (text === null) return undefined;
  try {
    return parseFilter(text);
  } catch (error) {
    if (error instanceof ScimFilterError) throw new ScimError(400, error.message);
    throw error;
  }
}

function matchesOrFail(node: ReturnType<typeof parseFilter>, get: AttributeGetter): boolean {
  try {
    return matchesFilter(node, get);
  } catch (error) {
    if (error instanceof ScimFilterError) throw new ScimError(400, error.message);
    throw error;
  }
}

function userAttribute(user: User): AttributeGetter {
  return (path) => {
    switch (path) {
      case 'username':
        return user.name;
      case 'email':
      case 'emails':
      case 'emails.value':
        return [user.email ?? '', ...(user.scim?.secondaryEmail ? [user.scim.secondaryEmail] : [])];
      case 'id':
        return user.id;
      case 'externalid':
        return user.scim?.externalId ?? '';
      case 'displayname':
        return user.displayName;
      case 'nickname':
        return user.scim?.nickName ?? user.name;
      case 'name.givenname':
        return user.firstName;
      case 'name.familyname':
        return user.lastName;
      case 'title':
        return user.title;
      case 'active':
        return !user.deleted;
      case 'restricted':
        return user.isRestricted;
      case 'ultra_restricted':
        return user.isUltraRestricted;
      default:
        return undefined;
    }
  };
}

/** IDs SCIM lists, sorted; cached until the set of users changes (users are never hard-deleted). */
const scimUserIdCache = new WeakMap<SlackStore, { version: number; ids: string[] }>();

function scimUserIds(store: SlackStore): string[] {
  const cached = scimUserIdCache.get(store);
  if (cached && cached.version === store.userListVersion) return cached.ids;
  const ids = store.userIds.filter((id) => isScimUser(store.user(id) as User));
  scimUserIdCache.set(store, { version: store.userListVersion, ids });
  return ids;
}

function findUser(store: SlackStore, id: string): User {
  const user = store.user(id);
  if (!user || !isScimUser(user)) throw new ScimError(404, 'no_such_user');
  return user;
}

function bodyObject(body: unknown): Json {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ScimError(400, 'invalid_request_payload');
  return body as Json;
}

interface Listing {
  start: number;
  count: number;
  filter: ReturnType<typeof parseFilter> | undefined;
}

/** What `/Users` and `/Groups` do with one kind of resource; each handler reads the body itself, after its own checks. */
interface ScimCollection<T> {
  list(listing: Listing): ScimResponse;
  create(): ScimResponse;
  find(id: string): T;
  get(item: T): ScimResponse;
  patch(item: T): ScimResponse;
  put(item: T): ScimResponse;
  delete(item: T): ScimResponse;
}

/** GET lists (paged, filtered), POST creates; `/<id>` is found first (404), then the method is checked (405). */
function collectionRoute<T>(request: ScimRequest, on: ScimCollection<T>): ScimResponse {
  const method = request.method.toUpperCase();
  const id = request.segments[1];
  if (id === undefined) {
    if (method === 'GET') {
      const { start, count } = paging(request.query);
      return on.list({ start, count, filter: filterOf(request.query) });
    }
    if (method === 'POST') return on.create();
    throw new ScimError(405, 'method_not_allowed');
  }
  const item = on.find(id);
  switch (method) {
    case 'GET':
      return on.get(item);
    case 'PATCH':
      return on.patch(item);
    case 'PUT':
      return on.put(item);
    case 'DELETE':
      return on.delete(item);
    default:
      throw new ScimError(405, 'method_not_allowed');
  }
}

function usersRoute(store: SlackStore, request: ScimRequest): ScimResponse {
  const { version, base } = request;
  const answer = (user: User): ScimResponse => ({ status: 200, body: scimUser(store, user, version, base) });
  return collectionRoute(request, {
    list: (listing) => listUsers(store, request, listing),
    create: () => createUser(store, request),
    find: (id) => findUser(store, id),
    get: answer,
    patch: (user) => {
      const body = bodyObject(request.body);
      if (version === 1) applyV1UserPatch(store, user, body);
      else applyV2UserPatch(store, user, body);
      return answer(user);
    },
    put: (user) => {
      applyUserAttributes(store, user, bodyObject(request.body), version, true);
      return answer(user);
    },
    delete: (user) => {
      // Deactivates; users are never hard-deleted. Repeating it still succeeds.
      assertMayDeactivate(store, user);
      store.deactivateUser(user);
      return version === 1 ? { status: 200, body: '' } : { status: 204 };
    },
  });
}

function listUsers(store: SlackStore, { version, base }: ScimRequest, { start, count, filter }: Listing): ScimResponse {
  const ids = scimUserIds(store);
  const index = membershipIndex(store);
  const users = filter ? ids.map((uid) => store.user(uid) as User).filter((u) => matchesOrFail(filter, userAttribute(u))) : undefined;
  const total = users ? users.length : ids.length;
  const slice = users ? users.slice(start - 1, start - 1 + count) : ids.slice(start - 1, start - 1 + count).map((uid) => store.user(uid) as User);
  return { status: 200, body: scimUserListJson(store, slice, total, start, version, base, index) };
}

function createUser(store: SlackStore, request: ScimRequest): ScimResponse {
  const body = bodyObject(request.body);
  if (body.userName === undefined || body.userName === '') throw new ScimError(400, 'username_required');
  if (!Array.isArray(body.emails) || body.emails.length === 0) throw new ScimError(400, 'email_empty');
  const now = store.now();
  const teams = [...store.workspaces.keys()];
  // New accounts join the (first, default) workspace; on Grid admins assign further workspaces.
  const placeholder = newUser({
    name: '',
    avatarHash: `s${now.toString(16).slice(-11)}`,
    memberships: teams[0] ? [{ teamId: teams[0], role: 'member' }] : [],
    created: now,
    hasSso: true,
  });
  const user = store.addUser({ ...placeholder, name: `__scim_pending_${store.userIds.length}` });
  try {
    applyUserAttributes(store, user, body, request.version, false);
  } catch (error) {
    // A rejected request leaves nothing behind.
    store.discardUser(user);
    throw error;
  }
  if (!user.realName) user.realName = `${user.firstName} ${user.lastName}`.trim() || user.name;
  return { status: 201, body: scimUser(store, user, request.version, request.base), headers: { location: `${request.base}Users/${user.id}` } };
}

function groupsRoute(store: SlackStore, request: ScimRequest): ScimResponse {
  const { version, base } = request;
  const answer = (group: UserGroup): ScimResponse => ({ status: 200, body: scimGroup(store, group, version, base) });
  return collectionRoute(request, {
    list: (listing) => listGroups(store, request, listing),
    create: () => createGroup(store, request),
    find: (id) => {
      const group = scimGroups(store).find((g) => g.id === id);
      if (!group) throw new ScimError(404, 'no_such_group');
      return group;
    },
    get: answer,
    patch: (group) => {
      assertManageable(group);
      const body = bodyObject(request.body);
      if (version === 1) {
        applyV1GroupPatch(store, group, body);
        return { status: 204 };
      }
      applyV2GroupPatch(store, group, body);
      return answer(group);
    },
    put: (group) => {
      assertManageable(group);
      replaceGroup(store, group, bodyObject(request.body));
      return answer(group);
    },
    delete: (group) => {
      assertManageable(group);
      if (group.isIdpGroup && group.channels.length > 0) throw new ScimError(400, 'idp_group_linked_to_channels');
      store.removeUsergroup(group);
      return { status: 204 };
    },
  });
}

function listGroups(store: SlackStore, { version, base }: ScimRequest, { start, count, filter }: Listing): ScimResponse {
  let groups = scimGroups(store);
  if (filter) {
    groups = groups.filter((g) =>
      matchesOrFail(filter, (path) => {
        if (path === 'displayname') return g.name;
        if (path === 'id') return g.id;
        if (path === 'members' || path === 'members.value') return [...g.users];
        return undefined;
      }),
    );
  }
  const page = groups.slice(start - 1, start - 1 + count).map((g) => scimGroupJson(store, g, version, base));
  return { status: 200, body: listResponseJson(version, page, groups.length, start) };
}

function createGroup(store: SlackStore, request: ScimRequest): ScimResponse {
  const { version, base } = request;
  const body = bodyObject(request.body);
  const name = setDisplayName(store, undefined, body.displayName);
  const ids = memberIds(body.members);
  validateMembers(store, ids);
  const now = store.now();
  const firstTeam = [...store.workspaces.keys()][0] as string;
  const owner = store.primaryOwnerOf(firstTeam)?.id ?? '';
  const group = store.addUsergroup(
    newUsergroup({
      teamId: store.isGrid ? (store.enterprise?.id ?? firstTeam) : firstTeam,
      name,
      handle: name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'),
      isIdpGroup: true,
      isOrgLevel: store.isGrid,
      dateCreate: now,
      createdBy: owner,
      users: new Set(ids),
    }),
  );
  return { status: 201, body: scimGroup(store, group, version, base), headers: { location: `${base}Groups/${group.id}` } };
}

function serviceProviderConfig(version: ScimVersion): Json {
  return {
    schemas: [version === 1 ? URN.v1.core : 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    authenticationSchemes: [{ type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: 'Authentication scheme using the OAuth Bearer Token Standard', specURI: 'http://tools.ietf.org/html/rfc6750', primary: true }],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 1000 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    xmlDataFormat: { supported: false },
  };
}

function schemasResponse(version: ScimVersion, which: string | undefined): Json {
  const users = { id: version === 1 ? URN.v1.core : URN.v2.user, name: 'User', description: 'User Account' };
  const groups = { id: version === 1 ? URN.v1.core : URN.v2.group, name: 'Group', description: 'Group' };
  if (which?.toLowerCase() === 'users') return users;
  if (which?.toLowerCase() === 'groups') return groups;
  return listResponse(version, [users, groups], 2, 1);
}

export function handleScim(store: SlackStore, request: ScimRequest): ScimResponse {
  try {
    authenticate(store, request);
    const collection = (request.segments[0] ?? '').toLowerCase();
    const method = request.method.toUpperCase();
    if (collection === 'users') return usersRoute(store, request);
    if (collection === 'groups') return groupsRoute(store, request);
    if (method !== 'GET') throw new ScimError(405, 'method_not_allowed');
    if (collection === 'serviceproviderconfigs' || collection === 'serviceproviderconfig') return { status: 200, body: serviceProviderConfig(request.version) };
    if (collection === 'schemas') return { status: 200, body: schemasResponse(request.version, request.segments[1]) };
    if (collection === 'resourcetypes' && request.version === 2) {
      const types = [
        { schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'], id: 'User', name: 'User', endpoint: '/Users', schema: URN.v2.user },
        { schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'], id: 'Group', name: 'Group', endpoint: '/Groups', schema: URN.v2.group },
      ];
      return { status: 200, body: listResponse(2, types, 2, 1) };
    }
    throw new ScimError(404, 'bad_endpoint');
  } catch (error) {
    if (error instanceof ScimError) return { status: error.status, body: scimErrorBody(store, request.version, error.status, error.code), error: error.code };
    throw error;
  }
}
