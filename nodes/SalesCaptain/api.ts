import type { RunVendor } from '../shared/execute';
import type { PacingDefaults } from '../shared/properties';

export const salesCaptainApi: RunVendor = {
	displayName: 'SalesCaptain',
	credentialType: 'salesCaptainApi',
	outputIdKey: 'contact_id',
};

export const salesCaptainPacing: PacingDefaults = {
	concurrency: 5,
	reason:
		'SalesCaptain publishes no fixed rate; the node follows its X-RateLimit headers by default.',
};
