/** Every vendor node the real-n8n suite and `npm run dev` cover. A new vendor adds its data file here. */
import type { E2eVendor } from '../lib/vendor';
import { contactshipE2e } from './contactship';
import { revyOpsE2e } from './revyOps';
import { salesCaptainE2e } from './salesCaptain';
import { thoughtlyE2e } from './thoughtly';
import { wipsyE2e } from './wipsy';

export const e2eVendors: E2eVendor[] = [
	salesCaptainE2e,
	contactshipE2e,
	revyOpsE2e,
	wipsyE2e,
	thoughtlyE2e,
];
