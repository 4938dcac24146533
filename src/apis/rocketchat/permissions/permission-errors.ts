import { failure, type Failure } from '../errors.ts';

/**
 * The error bodies of permissions.listAll and permissions.update
 * (`apps/meteor/server/api/v1/permissions.ts` @ 4a1d4312; research notes issue 10 §5).
 */
export const permissionErrors = {
  /** A thrown `Meteor.Error('error-roomId-param-invalid', …)`: the vendor reuses a room error code here. */
  updatedSinceInvalid: (): Failure => ({
    success: false,
    error: 'The "updatedSince" query parameter must be a valid date. [error-roomId-param-invalid]',
    errorType: 'error-roomId-param-invalid',
  }),
  /** The router's ajvQuery failure (HR `method()`): `errorType` before `error`, no suffix. */
  queryInvalid: (message: string): Failure => ({ success: false, errorType: 'error-invalid-params', error: message }),
  /** `API.v1.failure('Invalid permission', 'error-invalid-permission')`. */
  invalidPermission: (): Failure => ({ ...failure('Invalid permission'), errorType: 'error-invalid-permission' }),
  /** `API.v1.failure('Invalid role', 'error-invalid-role')`. */
  invalidRole: (): Failure => ({ ...failure('Invalid role'), errorType: 'error-invalid-role' }),
} as const;
