import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../../../shared/contact';
import { limitField, returnAllField, simplifyField } from '../../../shared/fields';
import { fetchAllPages, findList } from '../../../shared/lists';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { contactshipPacing } from '../../api';
import { includeTranscriptOption } from './get.operation';
import { callPaging, simplifyCall, toCallQuery } from './mapping';

export const getManyCallsOption = {
	name: 'Get Many',
	value: 'getAll',
	description: 'Get a list of calls, filtered or all',
	action: 'Get many calls',
};

const STATUSES = [
	['Answering Machine', 'answering-machine'],
	['Busy', 'busy'],
	['Completed', 'completed'],
	['Failed', 'failed'],
	['In Progress', 'in-progress'],
	['In Queue', 'in-queue'],
	['Incomplete', 'incomplete'],
	['No Answer', 'no-answer'],
	['Scheduled', 'scheduled'],
	['Voice Mail', 'voice_mail'],
];

export const CALL_RESULT_OPTIONS = [
	{ name: 'Answered', value: 'answered' },
	{ name: 'Busy', value: 'busy' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'No Answer', value: 'no_answer' },
	{ name: 'Voicemail', value: 'voicemail' },
];

export const getAll: Operation = {
	option: getManyCallsOption,
	toolDescription:
		'Lists Contactship calls, newest first, optionally only those created in a date range, with a status or result, by an agent, or to a phone number (with its country code, such as +12124567890). Dates are ISO 8601, such as 2026-01-31. Leave a filter empty rather than guess it.',
	properties: [
		returnAllField,
		limitField(),
		simplifyField(
			'Simplify keeps the ID, status, result, duration, times, agent, contact, summary, sentiment and recording URL',
		),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Agent Name or ID',
					name: 'agent',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getAgents' },
					default: '',
					description:
						'Only calls made by this agent. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Call Result',
					name: 'callResult',
					type: 'options',
					options: CALL_RESULT_OPTIONS,
					default: 'answered',
					description: 'Only calls that ended this way',
				},
				{
					displayName: 'Call Status',
					name: 'callStatus',
					type: 'options',
					options: STATUSES.map(([name, value]) => ({ name, value })),
					default: 'completed',
				},
				{
					displayName: 'Created After',
					name: 'dateFrom',
					type: 'dateTime',
					default: '',
					description: 'Only calls created at or after this date',
				},
				{
					displayName: 'Created Before',
					name: 'dateTo',
					type: 'dateTime',
					default: '',
					description: 'Only calls created at or before this date',
				},
				{
					displayName: 'Phone Number',
					name: 'phoneNumber',
					type: 'string',
					default: '',
					placeholder: '+12124567890',
					description: 'Only calls to this number, with its country code',
				},
			],
		},
		operationOptions('Contactship', contactshipPacing, [
			includeTranscriptOption,
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
				default: 'desc',
				description: 'By creation date',
			},
		]),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject[]> {
		const limit = readLimit(parameters);
		const qs = toCallQuery(parameters.filters, parameters.options);
		const calls = await fetchAllPages(
			run.client,
			{ method: 'GET', path: '/v1/calls', qs },
			callPaging,
			(body) => findList(body, ['data']),
			{ limit, idOf: (call) => call.id },
		);
		return parameters.simplify === false ? calls : calls.map(simplifyCall);
	},
};
