import type { Resource } from '../../shared/operations';
import { start } from './call/start.operation';
import { create } from './contact/create.operation';
import { deleteContact } from './contact/delete.operation';
import { get } from './contact/get.operation';
import { getMany } from './contact/getMany.operation';

/**
 * What the Thoughtly node offers, resource by resource. Thoughtly documents no contact update
 * and no tag edits after create, so there are none (see README).
 */
export const resources: Resource[] = [
	{
		option: { name: 'Contact', value: 'contact' },
		operations: [create, get, getMany, deleteContact],
	},
	{ option: { name: 'Call', value: 'call' }, operations: [start] },
];
