import type { PacingDefaults } from '../shared/properties';
import type { VendorApi } from '../shared/transport';

export const salesCaptainApi: VendorApi = {
	displayName: 'SalesCaptain',
	credentialType: 'salesCaptainApi',
};

export const salesCaptainPacing: PacingDefaults = {
	concurrency: 5,
	reason: 'SalesCaptain publishes no fixed rate; the node follows its X-RateLimit headers by default.',
};
