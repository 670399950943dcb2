/** Thoughtly's webhook subscriptions, as the trigger keeps them. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { findList } from '../../shared/lists';
import { isRecord } from '../api';

/** What Thoughtly knows a subscription by: the documented `{type, url, data?}` body. */
export interface Subscription {
	type: string;
	url: string;
	/** The agent (or folder) the subscription is scoped to (PRACTICE); absent for all. */
	data?: string;
}

export const EVENT_TYPES = [
	{
		name: 'New Response',
		value: 'NEW_RESPONSE',
		description: 'An agent finished a call or a response (summary, transcript)',
	},
	{
		name: 'Phone Transfer',
		value: 'PHONE_TRANSFER',
		description: 'An agent transferred a call to a person',
	},
	{
		name: 'Folder: New Response',
		value: 'FOLDER_NEW_RESPONSE',
		description: 'A new response for any agent in a folder',
	},
	{
		name: 'Folder: Phone Transfer',
		value: 'FOLDER_PHONE_TRANSFER',
		description: 'A transfer by any agent in a folder',
	},
	{ name: 'Action Failed', value: 'ACTION_FAILED', description: "An agent's action failed" },
];

export const FOLDER_EVENTS = ['FOLDER_NEW_RESPONSE', 'FOLDER_PHONE_TRANSFER'];

/** The subscription body for the chosen event, n8n's webhook URL and the optional scope. */
export function toSubscription(type: string, url: string, scope: unknown): Subscription {
	const data = typeof scope === 'string' && scope.trim() !== '' ? scope.trim() : undefined;
	return { type, url, ...(data !== undefined && { data }) };
}

/** Whether a listed subscription is this one (its `data` read as a string or `{id}`). */
export function sameSubscription(listed: IDataObject, wanted: Subscription): boolean {
	const listedData = isRecord(listed.data) ? listed.data.id : listed.data;
	const data =
		typeof listedData === 'string' && listedData.trim() !== '' ? listedData.trim() : undefined;
	return listed.type === wanted.type && listed.url === wanted.url && data === wanted.data;
}

/** The subscriptions in a `GET /webhooks` answer (its shape is not documented: read defensively). */
export function listedSubscriptions(body: unknown): IDataObject[] {
	return findList(body, ['data.webhooks', 'data.subscriptions', 'data']).filter(isRecord);
}

/** The items a delivery becomes: its JSON body as is (a list gives one item per entry). */
export function deliveryItems(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.map((entry) => (isRecord(entry) ? entry : { value: entry }));
	return [isRecord(body) ? body : { body: body ?? null }];
}
