import type { IDataObject } from 'n8n-workflow';

import type { PacingDefaults } from '../shared/properties';
import type { VendorApi } from '../shared/transport';
import { readErrorMessage } from '../shared/transport';

export const wipsyApi: VendorApi = {
	displayName: 'Wipsy',
	credentialType: 'wipsyApi',
	// Wipsy's only documented 429 is the monthly contact quota of the free plan.
	quotaExceededMessage:
		"Wipsy's monthly contact quota is used up (the free plan allows 100 new contacts a month). This is a plan limit, not a rate limit, so the node did not wait and retry",
	// A 429 whose body speaks of the month, the plan or a quota is that quota; any other
	// (e.g. a plain "Too many requests") is a rate limit and is waited out.
	isQuotaExceeded: (body) =>
		/month|quota|plan|upgrade/i.test(typeof body === 'string' ? body : JSON.stringify(body ?? '')),
	// Wipsy answers `{success, data, message}`; a 2xx with `success: false` is treated as a failure.
	failureInBody: (body) => {
		if (!body || typeof body !== 'object' || (body as IDataObject).success !== false)
			return undefined;
		return readErrorMessage(body) ?? 'Wipsy answered success: false without a message';
	},
};

export const wipsyPacing: PacingDefaults = {
	concurrency: 5,
	rateLimit: { requests: 10, perMs: 1000 },
	reason: 'Wipsy documents no rate limit; 10 per second is a conservative choice, not a Wipsy rule',
};

/** Wipsy's documented maximum for `limit` on GET /api-get-contacts, which documents no other paging. */
export const CONTACT_SCAN_LIMIT = 500;
