import { describe, expect, it } from 'vitest';
import { uniqueName } from '../../support/http.ts';
import { auth, BODIES, bodyOf, createGroup, GROUP_PATH, groupPage, KEY_1, KEY_2, roam, UNKNOWN_ID, type Schemas } from './roam-client.ts';
import { authCases } from './shared-cases.ts';

describe('getGroups GET /v1/api/group/', () => {
  it('200 with one group for group_id (modelled, research §5c)', async () => {
    const created = await createGroup({ description: uniqueName('get') });
    const res = await roam('getGroups', GROUP_PATH, { headers: auth(), query: { group_id: created.group_id } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: true, msg: 'Success.', code: 200, data: created });
    expect(Object.keys(bodyOf(res, 'GroupsFound').data)).toEqual(['group_id', 'project_id', 'description', 'users', 'updated_at', 'created_at']);
  });

  it('400 "Group does not exist." for a group of another project (never 404)', async () => {
    const created = await createGroup({ description: uniqueName('isolated') });
    const res = await roam('getGroups', GROUP_PATH, { headers: auth(KEY_2), query: { group_id: created.group_id } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.groupNotFound);
  });

  it('400 "Group does not exist." for an unknown id', async () => {
    const res = await roam('getGroups', GROUP_PATH, { headers: auth(), query: { group_id: UNKNOWN_ID } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.groupNotFound);
  });

  it.each<[Record<string, string>, Schemas['FieldErrors']]>([
    [{ group_id: 'abc' }, { group_id: ['"abc" is not a valid ObjectId.'] }],
    [{ page_number: 'abc' }, { page_number: ['A valid integer is required.'] }],
    [{ page_number: '1.5' }, { page_number: ['A valid integer is required.'] }],
    [{ page_number: '0' }, { page_number: ['Ensure this value is greater than or equal to 1.'] }],
  ])('400 GS402 for %j', async (query, details) => {
    const res = await roam('getGroups', GROUP_PATH, { headers: auth(), query });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.fields(details));
  });

  it('pages ten groups at a time, consistently with the count (research §2)', async () => {
    const ids = new Set<string>();
    for (let n = 0; n < 11; n += 1) ids.add((await createGroup({ description: uniqueName(`page-${n}`) })).group_id);
    const first = await groupPage(1);
    expect(first.pages).toBeGreaterThanOrEqual(2);
    expect(first.groups).toHaveLength(10);
    expect(first.prev_page).toBeNull();
    expect(first.next_page).toBe(2);

    const last = await groupPage(first.pages);
    expect(last.groups.length).toBeGreaterThanOrEqual(1);
    expect(last.groups.length).toBeLessThanOrEqual(10);
    expect(last.next_page).toBeNull();
    expect(last.prev_page).toBe(first.pages - 1);
    // Groups only accumulate, so a later read may see more pages, never fewer.
    expect(last.pages).toBeGreaterThanOrEqual(first.pages);

    const seen = new Set<string>();
    for (let page = 1; page <= Math.min(last.pages, 200); page += 1) {
      const data = await groupPage(page);
      expect(data.groups.length).toBeLessThanOrEqual(10);
      for (const group of data.groups) if (ids.has(group.group_id)) seen.add(group.group_id);
    }
    expect(seen.size).toBe(ids.size);
  });

  it('answers an empty page beyond the last one', async () => {
    await createGroup({ description: uniqueName('beyond') });
    const { pages } = await groupPage(1);
    const beyond = await groupPage(pages + 5);
    expect(beyond.groups).toEqual([]);
    expect(beyond.next_page).toBeNull();
    expect(beyond.pages).toBeGreaterThanOrEqual(pages);
  });

  it('defaults to page 1 without page_number', async () => {
    await createGroup({ description: uniqueName('default-page') });
    const implicit = await groupPage(undefined);
    const explicit = await groupPage(1);
    expect(implicit.prev_page).toBeNull();
    expect(implicit.groups[0]).toEqual(explicit.groups[0]);
  });

  it('ignores unknown query parameters (Django)', async () => {
    const res = await roam('getGroups', GROUP_PATH, { headers: auth(), query: { cache_buster: '1', page_number: '1' } });
    expect(res.status).toBe(200);
  });

  it('lists only the key’s own project', async () => {
    const mine = await createGroup({ description: uniqueName('mine') }, KEY_1);
    const other = await groupPage(1, KEY_2);
    for (let page = 1; page <= Math.min(Math.max(other.pages, 1), 50); page += 1) {
      const data = await groupPage(page, KEY_2);
      expect(data.groups.map((g) => g.group_id)).not.toContain(mine.group_id);
      expect(data.groups.every((g) => g.project_id !== mine.project_id)).toBe(true);
    }
    const res = await roam('getGroups', GROUP_PATH, { headers: auth(KEY_1) });
    expect(res.status).toBe(200);
  });

  authCases('getGroups', 'GET', GROUP_PATH);
});

