/** Every vendor the sandbox plays. A new vendor adds its module here. */
import { Sandbox } from './server';
import { contactshipSandbox } from './vendors/contactship';
import { revyOpsSandbox } from './vendors/revyOps';
import { salesCaptainSandbox } from './vendors/salesCaptain';
import { thoughtlySandbox } from './vendors/thoughtly';
import { wipsySandbox } from './vendors/wipsy';

export const sandboxVendors = [
	salesCaptainSandbox,
	contactshipSandbox,
	revyOpsSandbox,
	wipsySandbox,
	thoughtlySandbox,
];

export function createSandbox(): Sandbox {
	return new Sandbox(sandboxVendors);
}

export { Sandbox };
