import type { Resource } from '../../shared/operations';
import { create } from './contact/create.operation';
import { get } from './contact/get.operation';
import { getMany } from './contact/getMany.operation';

/** What the Wipsy node offers, resource by resource (Wipsy documents no update, delete or tags). */
export const resources: Resource[] = [
	{ option: { name: 'Contact', value: 'contact' }, operations: [create, get, getMany] },
];
