/** Every vendor the sandbox plays. A new vendor adds its module here. */
import { Sandbox } from './server';
import { salesCaptainSandbox } from './vendors/salesCaptain';

export const sandboxVendors = [salesCaptainSandbox];

export function createSandbox(): Sandbox {
	return new Sandbox(sandboxVendors);
}

export { Sandbox };
