import type { Resource } from '../../shared/operations';
import { create } from './contact/create.operation';

/** What the Contactship node offers, resource by resource. */
export const resources: Resource[] = [
	{ option: { name: 'Contact', value: 'contact' }, operations: [create] },
];
