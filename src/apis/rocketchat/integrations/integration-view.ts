import type { components } from '../../../generated/rocketchat.ts';
import { own } from '../parse-body.ts';

type Integration = components['schemas']['IntegrationsIntegration'];

/**
 * A stored integration as the API returns it: the document as stored (a deep copy, keys in their
 * order), with the fields the spec requires read back in their types.
 */
export function integrationView(doc: Readonly<Record<string, unknown>>): Integration {
  const copy = structuredClone({ ...doc });
  const createdBy = doc._createdBy;
  return {
    ...copy,
    type: doc.type === 'webhook-outgoing' ? 'webhook-outgoing' : 'webhook-incoming',
    name: String(doc.name),
    enabled: doc.enabled === true,
    username: String(doc.username),
    channel: Array.isArray(doc.channel) ? doc.channel.map(String) : [],
    userId: String(doc.userId),
    _createdAt: String(doc._createdAt),
    _createdBy: { _id: String(own(createdBy, '_id')), username: String(own(createdBy, 'username')) },
    _id: String(doc._id),
  };
}
