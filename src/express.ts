// `api-twin/express`: the twin as express middleware. A separate entry point, so users who never
// touch express never load it or need its types (express is an optional peer dependency).
export { twinMiddleware, type MiddlewareOptions } from './http/express.ts';
