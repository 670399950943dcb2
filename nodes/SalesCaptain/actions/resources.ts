import { tagResourceOption } from '../../shared/fields';
import type { Resource } from '../../shared/operations';
import { create } from './contact/create.operation';
import { deleteContact } from './contact/delete.operation';
import { get } from './contact/get.operation';
import { getAll } from './contact/getAll.operation';
import { update } from './contact/update.operation';
import { addTag } from './tag/add.operation';
import { removeTag } from './tag/remove.operation';

/** What the SalesCaptain node offers, resource by resource. */
export const resources: Resource[] = [
	{
		option: { name: 'Contact', value: 'contact' },
		operations: [create, deleteContact, get, getAll, update],
	},
	{ option: tagResourceOption, operations: [addTag, removeTag] },
];
