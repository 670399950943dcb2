/** Every vendor the sandbox plays. A new vendor adds its module here. */
import { Sandbox } from './server';
import { contactshipSandbox } from './vendors/contactship';
import { revyOpsSandbox } from './vendors/revyOps';
import { salesCaptainSandbox } from './vendors/salesCaptain';

export const sandboxVendors = [salesCaptainSandbox, contactshipSandbox, revyOpsSandbox];

export function createSandbox(): Sandbox {
	return new Sandbox(sandboxVendors);
}

export { Sandbox };
