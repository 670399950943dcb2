import type { PacingDefaults } from '../shared/properties';
import type { VendorApi } from '../shared/transport';

export const contactshipApi: VendorApi = {
	displayName: 'Contactship',
	credentialType: 'contactshipApi',
};

export const contactshipPacing: PacingDefaults = {
	concurrency: 5,
	rateLimit: { requests: 10, perMs: 1000 },
	reason:
		'Contactship documents no rate limit, so 10 per second is a conservative default, not a vendor figure',
};
