import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { withReadableErrors } from '../shared/lists';
import { ApiClient } from '../shared/transport';
import { agentField } from './actions/call/mapping';
import { thoughtlyApi } from './api';
import { searchAgents } from './methods/listSearch';
import type { Subscription } from './trigger/subscription';
import {
	deliveryItems,
	EVENT_TYPES,
	FOLDER_EVENTS,
	listedSubscriptions,
	sameSubscription,
	toSubscription,
} from './trigger/subscription';

/** Where the trigger keeps the subscription it made, to remove exactly that one. */
interface TriggerStaticData extends IDataObject {
	subscription?: Subscription & IDataObject;
}

/** The subscription the node's current settings ask for. */
function wantedSubscription(ctx: IHookFunctions): Subscription {
	const type = ctx.getNodeParameter('event') as string;
	const url = ctx.getNodeWebhookUrl('default') as string;
	const scope = FOLDER_EVENTS.includes(type)
		? ctx.getNodeParameter('folderId', '')
		: ctx.getNodeParameter('agent', '', { extractValue: true });
	return toSubscription(type, url, scope);
}

export class ThoughtlyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Thoughtly Trigger',
		name: 'thoughtlyTrigger',
		icon: { light: 'file:thoughtly.svg', dark: 'file:thoughtly.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when Thoughtly reports a call event (new response, transfer, …)',
		defaults: { name: 'Thoughtly Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'thoughtlyApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				options: EVENT_TYPES,
				default: 'NEW_RESPONSE',
				description: 'The Thoughtly event that starts the workflow',
			},
			{
				...agentField,
				required: false,
				default: { mode: 'list', value: '' },
				description: "Only this agent's events; leave empty for every agent of the team",
				displayOptions: { hide: { event: FOLDER_EVENTS } },
			},
			{
				displayName: 'Folder ID',
				name: 'folderId',
				type: 'string',
				default: '',
				description: "Only events of this folder's agents; leave empty for every folder",
				displayOptions: { show: { event: FOLDER_EVENTS } },
			},
		],
	};

	methods = {
		listSearch: withReadableErrors({ searchAgents }),
	};

	webhookMethods = {
		default: {
			/** Whether Thoughtly already sends this event to this workflow's URL (`GET /webhooks`). */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const wanted = wantedSubscription(this);
				const client = await ApiClient.create(this, thoughtlyApi);
				const listed = listedSubscriptions(
					await client.request({ method: 'GET', path: '/webhooks' }),
				);
				if (!listed.some((subscription) => sameSubscription(subscription, wanted))) return false;
				const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
				staticData.subscription = { ...wanted };
				return true;
			},
			/** Subscribes this workflow's production URL (`POST /webhooks/subscribe`). */
			async create(this: IHookFunctions): Promise<boolean> {
				const wanted = wantedSubscription(this);
				const client = await ApiClient.create(this, thoughtlyApi);
				await client.request({
					method: 'POST',
					path: '/webhooks/subscribe',
					body: { ...wanted },
				});
				const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
				staticData.subscription = { ...wanted };
				return true;
			},
			/**
			 * Removes the subscription made on activation (`DELETE /webhooks/unsubscribe` with the
			 * same body). One Thoughtly no longer has counts as removed.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node') as TriggerStaticData;
				const subscription = staticData.subscription ?? wantedSubscription(this);
				const client = await ApiClient.create(this, thoughtlyApi);
				try {
					await client.request({
						method: 'DELETE',
						path: '/webhooks/unsubscribe',
						body: { ...subscription },
					});
				} catch (error) {
					const gone = error instanceof NodeApiError && String(error.httpCode) === '404';
					if (!gone) throw new NodeApiError(this.getNode(), error as JsonObject);
				}
				delete staticData.subscription;
				return true;
			},
		},
	};

	/** Each delivery starts one execution, its JSON body as the item(s), unchanged. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return {
			workflowData: [deliveryItems(this.getBodyData()).map((json) => ({ json }))],
		};
	}
}
