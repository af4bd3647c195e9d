// A group-robot address as it is kept and shown: sealed at rest, shown masked, and a new
// one accepted only when it points to a public https address (docs/security.md). Used by
// the zone's robot (督办设置) and by each unit's own robot.
import { AppError } from './errors';
import { urlProblem } from './outbound';
import { maskUrl, seal, unseal } from './secrets';

/** What an API response may show of a stored address. */
export function shownWebhook(stored: string): string {
  try {
    return maskUrl(unseal(stored));
  } catch {
    return '••••';
  }
}

/**
 * The value to store for an address a form sent: the masked form sent back means
 * "unchanged" (the current value is kept); a new address is checked and sealed.
 */
export function webhookToStore(input: string, current: string | undefined): string {
  if (current && input === shownWebhook(current)) return current;
  if (urlProblem(input)) throw new AppError('validation.failed', { fields: 'webhookUrl: 须为公网 https 地址 / must be a public https address' });
  return seal(input);
}
