import type { Resource } from '../../shared/operations';
import { get as getCall } from './call/get.operation';
import { getAll as getManyCalls } from './call/getAll.operation';
import { start as startCall } from './call/start.operation';
import { create } from './contact/create.operation';

/** What the Contactship node offers, resource by resource. */
export const resources: Resource[] = [
	{ option: { name: 'Contact', value: 'contact' }, operations: [create] },
	{ option: { name: 'Call', value: 'call' }, operations: [startCall, getCall, getManyCalls] },
];
