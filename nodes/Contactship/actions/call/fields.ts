/** The fields of a call, shared by Call → Start and Contact → Create's Call After Create. */
import type { INodeProperties } from 'n8n-workflow';

import { CALL_ROWS } from './mapping';

export const agentField: INodeProperties = {
	displayName: 'Agent',
	name: 'agent',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The Contactship AI agent that makes the call',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an agent...',
			typeOptions: { searchListMethod: 'searchAgents', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. f1e2d3c4-b5a6-7890-1234-567890abcdef',
		},
	],
};

export const fromNumberField: INodeProperties = {
	displayName: 'From Number Name or ID',
	name: 'fromNumber',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getOutboundNumbers' },
	required: true,
	default: '',
	description:
		'The outbound number of your Contactship organisation the call comes from. By expression, give its ID or the number itself (+12025550101). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const metadataField: INodeProperties = {
	displayName: 'Agent Data',
	name: 'metadata',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Value',
	default: {},
	description:
		"Values the agent gets for this call, such as an amount due or a product name (Contactship's additional_data); they add to what the contact already holds",
	options: [
		{
			displayName: 'Value',
			name: CALL_ROWS.group,
			values: [
				{
					displayName: 'Key',
					name: CALL_ROWS.keyName,
					type: 'string',
					default: '',
					placeholder: 'amount_due',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const delayField: INodeProperties = {
	displayName: 'Delay (Minutes)',
	name: 'delay',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: 'Minutes to wait before the call is placed; 0 places it at once',
};

export const scheduleField: INodeProperties = {
	displayName: 'Schedule',
	name: 'schedule',
	type: 'collection',
	placeholder: 'Set a Date',
	default: {},
	description: 'Place the call at a set date and time instead of at once (not with a delay)',
	options: [
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			default: '',
			description: 'Date and time of the call, read in the time zone below',
		},
		{
			displayName: 'Time Zone',
			name: 'timezone',
			type: 'string',
			default: '',
			placeholder: 'America/New_York',
			description: 'IANA name of the time zone the date is in',
		},
	],
};

export const trackingMetadataOption: INodeProperties = {
	displayName: 'Tracking Metadata',
	name: 'trackingMetadata',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Value',
	default: {},
	description:
		"Key/value pairs stored with the call for your own tracking (Contactship's metadata); the agent does not read them",
	options: [
		{
			displayName: 'Value',
			name: CALL_ROWS.group,
			values: [
				{ displayName: 'Key', name: CALL_ROWS.keyName, type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

/** Every field a call is started with, in the order they are shown. */
export const callFields: INodeProperties[] = [
	agentField,
	fromNumberField,
	metadataField,
	delayField,
	scheduleField,
];
