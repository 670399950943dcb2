import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { fetchAllPages, findList, withReadableErrors } from '../shared/lists';
import { ApiClient } from '../shared/transport';
import { CALL_RESULT_OPTIONS } from './actions/call/getAll.operation';
import { callPaging, hasEnded } from './actions/call/mapping';
import { contactshipApi } from './api';
import { getAgents } from './methods/calls';
import type { CallCursor } from './trigger/callEnded';
import { planPoll, settlePoll } from './trigger/callEnded';

const HOUR_MS = 3_600_000;

export class ContactshipTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Contactship Trigger',
		name: 'contactshipTrigger',
		icon: { light: 'file:contactship.svg', dark: 'file:contactship.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Call Ended"}}',
		description: 'Starts the workflow when a Contactship call ends',
		defaults: { name: 'Contactship Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'contactshipApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Call Ended',
						value: 'callEnded',
						description: 'A call finished: answered, voicemail, no answer, busy or failed',
					},
				],
				default: 'callEnded',
			},
			{
				displayName: 'Call Results',
				name: 'results',
				type: 'multiOptions',
				options: CALL_RESULT_OPTIONS,
				default: [],
				description: 'Only calls that ended this way; none chosen means every ended call',
			},
			{
				displayName: 'Agent Name or ID',
				name: 'agent',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getAgents' },
				default: '',
				description:
					'Only calls made by this agent; empty for every agent. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Transcript',
						name: 'includeTranscript',
						type: 'boolean',
						default: false,
						description: "Whether to add what was said (Contactship's chat_history) to each call",
					},
					{
						displayName: 'Wait for Calls Up To (Hours)',
						name: 'lookBackHours',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 720 },
						default: 24,
						description:
							'How long a call may stay queued, scheduled or in progress and still be emitted when it ends. On activation, calls created this long ago that are still running are watched too.',
					},
				],
			},
		],
	};

	methods = {
		loadOptions: withReadableErrors({ getAgents }),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const results = (this.getNodeParameter('results', []) as string[]) ?? [];
		const agentId = String(this.getNodeParameter('agent', '') ?? '').trim();
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const lookBackHours = Number(options.lookBackHours ?? 24);
		const lookBackMs =
			(Number.isFinite(lookBackHours) && lookBackHours >= 1 ? lookBackHours : 24) * HOUR_MS;
		const qs: IDataObject = {};
		if (agentId) qs.agent_id = agentId;
		if (options.includeTranscript === true) qs.include_transcript = true;
		const wanted = (call: IDataObject) =>
			results.length === 0 || results.includes(String(call.call_result));
		const client = await ApiClient.create(this, contactshipApi);

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the latest ended call that passes the filters, without moving the cursor.
			const latest = findList(
				await client.request({
					method: 'GET',
					path: '/v1/calls',
					qs: { ...qs, limit: 20, offset: 0, order: 'desc' },
				}),
				['data'],
			);
			const call = latest.find((candidate) => hasEnded(candidate) && wanted(candidate));
			if (!call)
				throw new NodeOperationError(
					this.getNode(),
					'No ended call in Contactship passes the filters, so there is no test event to show',
					{
						description:
							'Have an agent make a call (Contactship node → Call → Start), wait until it ends, and fetch again.',
					},
				);
			return [this.helpers.returnJsonArray([call])];
		}

		const staticData = this.getWorkflowStaticData('node') as CallCursor;
		const now = Date.now();
		const plan = planPoll(staticData, now, lookBackMs);
		// Oldest first, to the last page: calls created while reading land at the end.
		const calls = await fetchAllPages(
			client,
			{ method: 'GET', path: '/v1/calls', qs: { ...qs, date_from: plan.dateFrom, order: 'asc' } },
			callPaging,
			(body) => findList(body, ['data']),
			{ idOf: (call) => call.id },
		);
		const { ended, state } = settlePoll(staticData, plan, calls, now, lookBackMs);
		staticData.cursor = state.cursor;
		staticData.handled = state.handled;
		const emitted = ended.filter(wanted);
		return emitted.length ? [this.helpers.returnJsonArray(emitted)] : null;
	}
}
