// The judging of a computed cockpit, as the API sends it: what was read from the database
// in (./cockpit readCockpit, its large sets still JSON text), the answer's UTF-8 JSON out, checked against the response
// schema as the serializer would. Run on a thread of its own (shared/offThread): judging
// 60 indicators × 30 units, the schema check and 0.7 MB of JSON held the event loop for
// ~50–100 ms a computation, and a reader of an earlier answer waited behind it.
import { OffThread } from '../../shared/offThread';
import { cockpitOf, unpack, type CockpitRead } from './cockpit';
import { cockpitBody } from './schemas';

/** The cockpit of `read` as JSON bytes (their buffer moved to the caller, not copied). */
export function judgeToJson(read: CockpitRead): { value: Uint8Array; transfer: ArrayBuffer[] } {
  const bytes = new TextEncoder().encode(JSON.stringify(cockpitBody.parse(cockpitOf(unpack(read)))));
  return { value: bytes, transfer: [bytes.buffer as ArrayBuffer] };
}

export const run = judgeToJson;

/** The process's judging thread. */
export const judging = new OffThread<CockpitRead, Uint8Array>(new URL(import.meta.url), judgeToJson);
