import { tagResourceOption } from '../../shared/fields';
import type { Resource } from '../../shared/operations';
import { get as getCall } from './call/get.operation';
import { getAll as getManyCalls } from './call/getAll.operation';
import { start as startCall } from './call/start.operation';
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
	{ option: { name: 'Call', value: 'call' }, operations: [startCall, getCall, getManyCalls] },
];
