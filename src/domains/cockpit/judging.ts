// The judging of a computed cockpit, as the API sends it: the rows read from the database
// in (./cockpit readCockpit), the answer's UTF-8 JSON out, checked against the response
// schema as the serializer would. Run on a thread of its own (shared/offThread): judging
// 60 indicators × 30 units, the schema check and 0.7 MB of JSON held the event loop for
// ~50–100 ms a computation, and a reader of an earlier answer waited behind it.
import { OffThread } from '../../shared/offThread';
import { cockpitOf, type CockpitRows } from './cockpit';
import { cockpitBody } from './schemas';

/** The cockpit of `rows` as JSON bytes (their buffer moved to the caller, not copied). */
export function judgeToJson(rows: CockpitRows): { value: Uint8Array; transfer: ArrayBuffer[] } {
  const bytes = new TextEncoder().encode(JSON.stringify(cockpitBody.parse(cockpitOf(rows))));
  return { value: bytes, transfer: [bytes.buffer as ArrayBuffer] };
}

export const run = judgeToJson;

/** The process's judging thread. */
export const judging = new OffThread<CockpitRows, Uint8Array>(new URL(import.meta.url), judgeToJson);
