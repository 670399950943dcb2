/**
 * Each test starts as a fresh n8n process would: no account paces learned or paused by an
 * earlier test (they share the sandbox's credentials).
 */
import { accountPaces } from '../nodes/shared/pacing';

beforeEach(() => accountPaces.clear());
