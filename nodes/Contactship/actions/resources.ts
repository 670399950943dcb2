import { tagResourceOption } from '../../shared/fields';
import type { Resource } from '../../shared/operations';
import { create } from './contact/create.operation';
import { deleteContact } from './contact/delete.operation';
import { get } from './contact/get.operation';
import { getMany } from './contact/getMany.operation';
import { update } from './contact/update.operation';
import { addTags } from './tag/add.operation';
import { removeTags } from './tag/remove.operation';

/** What the Contactship node offers, resource by resource. */
export const resources: Resource[] = [
	{
		option: { name: 'Contact', value: 'contact' },
		operations: [create, get, getMany, update, deleteContact],
	},
	{ option: tagResourceOption, operations: [addTags, removeTags] },
];
