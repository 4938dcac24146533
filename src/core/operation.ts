import type { ParsedInput } from './api.ts';
import type { JsonResponse } from './types.ts';

/**
 * Types that tie handlers to the generated `operations` of a spec, so a handler that returns an
 * undocumented status or a body of the wrong shape does not compile.
 */

type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;
// The body type of a response: its (first and, in our specs, only) media type's schema.
type JsonOf<R> = R extends { content: infer C } ? C[keyof C] : never;

/** Union of `{status, body}` for every documented response of one operation. */
export type MockResponse<Ops, Id extends keyof Ops> = {
  [S in keyof ResponsesOf<Ops[Id]>]: S extends number
    ? {
        readonly status: S;
        readonly body: JsonOf<ResponsesOf<Ops[Id]>[S]>;
        readonly headers?: Readonly<Record<string, string>>;
        readonly contentType?: string;
      }
    : never;
}[keyof ResponsesOf<Ops[Id]>];

type BodyOf<Op> = Op extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: { 'application/json': infer J } }
    ? J
    : undefined
  : undefined;
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : Record<string, never>;
type PathOf<Op> = Op extends { parameters: { path?: infer P } } ? NonNullable<P> : Record<string, never>;

/** The validated input of one operation, typed from the generated spec types. */
export interface OperationInput<Ops, Id extends keyof Ops> {
  readonly body: BodyOf<Ops[Id]>;
  readonly query: QueryOf<Ops[Id]>;
  readonly params: PathOf<Ops[Id]>;
  readonly headers: ParsedInput['headers'];
}

/** A handler for one operation, with an API-specific context (state, caller, clock). */
export type OperationHandler<Ops, Id extends keyof Ops, Ctx> = (
  input: OperationInput<Ops, Id>,
  ctx: Ctx,
) => MockResponse<Ops, Id>;

/** One handler per operationId of the spec: a spec operation without a handler fails to compile. */
export type HandlerMap<Ops, Ctx> = { readonly [Id in keyof Ops]: OperationHandler<Ops, Id, Ctx> };

/** A handler map erased to plain values, as the core calls it. */
export type ErasedHandlers<Ctx> = (operationId: string, input: ParsedInput, ctx: Ctx) => JsonResponse | undefined;

/**
 * Erases a typed handler map so the core can dispatch by operationId string.
 * Returns `undefined` for an operationId the map does not know (the core answers 404 then).
 */
export function eraseHandlers<Ops, Ctx>(handlers: HandlerMap<Ops, Ctx>): ErasedHandlers<Ctx> {
  const byId = new Map<string, (input: ParsedInput, ctx: Ctx) => JsonResponse>();
  for (const id of Object.keys(handlers) as (keyof Ops & string)[]) {
    const handler = handlers[id];
    // The one cast where validated input meets generated types: the core only calls a handler
    // after openapi-backend's ajv validators accepted `input` against this operation's schema
    // (or the vendor's own looser checks accepted it, see ApiDefinition.rejectInvalid).
    byId.set(id, (input, ctx) => handler(input as unknown as OperationInput<Ops, typeof id>, ctx));
  }
  return (operationId, input, ctx) => byId.get(operationId)?.(input, ctx);
}
