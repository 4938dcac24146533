/**
 * Team `_id`s are MongoDB ObjectIds printed as 24 lower-case hex digits (research notes issue 10
 * §7.1: the OA example `651619e3a2f73c7460e18cc5`): 4 bytes of creation seconds, then 8 bytes
 * the twin draws from the injected random source (the driver's process id and counter, which
 * make nothing a client can observe), so tests that pin the clock and the source pin the ids.
 */
export function objectId(now: Date, random: () => number): string {
  const seconds = Math.floor(now.getTime() / 1000) >>> 0;
  let out = seconds.toString(16).padStart(8, '0');
  for (let i = 0; i < 16; i += 1) out += Math.min(Math.floor(random() * 16), 15).toString(16);
  return out;
}
