import type { components } from '../../generated/roam.ts';
import type { GroupRecord, Project, UserRecord } from './model.ts';

/**
 * Records → the JSON objects Roam answers with. Key order is part of the contract: it is the order
 * of the vendor's examples, which clients comparing raw bodies see.
 */

type Schemas = components['schemas'];

/** A group as create/get/update return it (§4 key order: group_id, project_id, description, users, updated_at, created_at). */
export function groupView(group: GroupRecord): Schemas['Group'] {
  return {
    group_id: group.id,
    project_id: group.projectId,
    description: group.description,
    users: [...group.users],
    updated_at: group.updatedAt,
    created_at: group.createdAt,
  };
}

/** `app_id` = `<project_id>_<app_type>` (§6, §7). */
export function appId(user: UserRecord): string {
  return `${user.projectId}_${user.appType}`;
}

/** Create User's `data` (§6, verified keys and order). Flags start false; sdk_version is "0" until a device logs in. */
export function createdUserView(user: UserRecord, project: Project): Schemas['CreatedUser'] {
  return {
    user_id: user.id,
    app_id: appId(user),
    description: user.description,
    geofence_events: false,
    location_events: false,
    trips_events: false,
    nearby_events: false,
    location_listener: false,
    event_listener: false,
    metadata: user.metadata === null ? null : structuredClone(user.metadata),
    sdk_version: '0',
    project_id: project.projectId,
    account_id: project.accountId,
  };
}

/** A user as Get User lists it (§6 field list, modelled subset; device fields null until an SDK logs in). */
export function userDetailView(user: UserRecord): Schemas['UserDetail'] {
  return {
    id: user.id,
    app_id: appId(user),
    device_token: user.deviceToken,
    description: user.description,
    brand: null,
    model: null,
    os_version: null,
    sdk_version: '0',
    device_arn: null,
    geofence_events: false,
    motion_events: false,
    location_events: false,
    trips_events: false,
    nearby_events: false,
    location_listener: false,
    event_listener: false,
    is_deleted: false,
    created_at: user.createdAt,
  };
}
