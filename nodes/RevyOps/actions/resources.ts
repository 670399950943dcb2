import type { Resource } from '../../shared/operations';
import { create } from './contact/create.operation';
import { get } from './contact/get.operation';
import { getMany } from './contact/getMany.operation';
import { update } from './contact/update.operation';

/** What the RevyOps node offers, resource by resource (RevyOps documents no delete and no tags). */
export const resources: Resource[] = [
	{ option: { name: 'Contact', value: 'contact' }, operations: [create, get, getMany, update] },
];
