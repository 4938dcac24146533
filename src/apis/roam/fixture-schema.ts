import type { JSONSchemaType } from 'ajv';

/**
 * `roam.json`: flat lists of projects (with their account and API key), users and optional
 * seeded groups, each naming its project, like rows of the vendor's collections.
 */
export interface RoamFixtureFile {
  readonly $comment?: string;
  readonly projects: readonly { readonly project_id: string; readonly account_id: string; readonly api_key: string }[];
  readonly users: readonly {
    readonly user_id: string;
    readonly project_id: string;
    readonly app_type: number;
    readonly device_token: string;
    readonly description?: string | null;
    /** Free-form object set by Create/Update User; absent or null when never set. */
    readonly metadata?: Record<string, unknown> | null;
    readonly created_at: string;
  }[];
  readonly groups?: readonly {
    readonly group_id: string;
    readonly project_id: string;
    readonly description?: string | null;
    readonly users: readonly string[];
    readonly created_at: string;
    readonly updated_at: string;
  }[];
}

/** The fixture file's name inside the fixtures directory. */
export const ROAM_FIXTURE_FILE = 'roam.json';

// Fixture ids are written as Roam prints them: lower-case ObjectIds (research/roam.md §7).
const id = { type: 'string', pattern: '^[0-9a-f]{24}$' } as const;
const timestamp = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}$' } as const;

/** JSON Schema of `roam.json` (rules it cannot express are in fixtures.ts). */
export const roamFixtureSchema: JSONSchemaType<RoamFixtureFile> = {
  type: 'object',
  additionalProperties: false,
  required: ['projects', 'users'],
  properties: {
    $comment: { type: 'string', nullable: true },
    projects: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['project_id', 'account_id', 'api_key'],
        properties: { project_id: id, account_id: id, api_key: { type: 'string', minLength: 1 } },
      },
    },
    users: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['user_id', 'project_id', 'app_type', 'device_token', 'created_at'],
        properties: {
          user_id: id,
          project_id: id,
          app_type: { type: 'integer', enum: [1, 2] },
          device_token: { type: 'string' },
          description: { type: 'string', nullable: true },
          metadata: { type: 'object', nullable: true, required: [] },
          created_at: timestamp,
        },
      },
    },
    groups: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['group_id', 'project_id', 'users', 'created_at', 'updated_at'],
        properties: {
          group_id: id,
          project_id: id,
          description: { type: 'string', nullable: true },
          users: { type: 'array', items: id },
          created_at: timestamp,
          updated_at: timestamp,
        },
      },
    },
  },
};
