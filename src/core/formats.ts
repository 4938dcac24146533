import type { Ajv } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';

/**
 * `format` checks for documents given with `--spec`: JSON Schema's common string formats and the
 * OpenAPI number formats, so a request with `"email": "nope"` is refused with its pointer and a
 * faked answer is checked as strictly as a client would check it. Formats not listed here are not
 * checked (ajv's logger is off, so they are ignored silently, as JSON Schema allows).
 */
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/i;
/** RFC 3339 §5.6 date-time: a date, `T`, a time, and a zone (`Z` or an offset). */
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[tT ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;

const STRING_FORMATS: Readonly<Record<string, (value: string) => boolean>> = {
  'date-time': (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => DATE.test(v) && !Number.isNaN(Date.parse(v)),
  time: (v) => TIME.test(v),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  uri: (v) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(v),
  'uri-reference': (v) => !/\s/.test(v),
  url: (v) => /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(v),
  hostname: (v) => /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(v),
  ipv4: (v) => /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(v),
  ipv6: (v) => /^[0-9a-f:.]+$/i.test(v) && v.includes(':'),
  byte: (v) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v),
  binary: () => true,
  password: () => true,
};

const NUMBER_FORMATS: Readonly<Record<string, (value: number) => boolean>> = {
  int32: (v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31,
  int64: (v) => Number.isInteger(v),
  float: () => true,
  double: () => true,
};

/** Adds every format above to `ajv` (and returns it, as openapi-backend's `customizeAjv` wants). */
export function addFormats<A extends Ajv | Ajv2020>(ajv: A): A {
  for (const [name, validate] of Object.entries(STRING_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  for (const [name, validate] of Object.entries(NUMBER_FORMATS)) ajv.addFormat(name, { type: 'number', validate });
  return ajv;
}
