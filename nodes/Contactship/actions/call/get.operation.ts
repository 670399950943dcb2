import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { apiPath } from '../../../shared/transport';
import { requireText } from '../../../shared/validate';
import { contactshipPacing } from '../../api';
import { readCall } from './mapping';

export const getCallOption = {
	name: 'Get',
	value: 'get',
	description: 'Get one call: status, result, duration, recording, summary',
	action: 'Get a call',
};

export const includeTranscriptOption = {
	displayName: 'Include Transcript',
	name: 'includeTranscript',
	type: 'boolean' as const,
	default: false,
	description: "Whether to add what was said (Contactship's chat_history) to the call",
};

export const get: Operation = {
	option: getCallOption,
	toolDescription:
		'Gets one Contactship call by its ID (the call_id a started call returned): its status, result, duration, recording URL, summary and sentiment. A call still queued or in progress has no result yet. Never invent a call ID.',
	properties: [
		{
			displayName: 'Call ID',
			name: 'callId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. a1b2c3d4-e5f6-7890-abcd-ef1234567890',
			description: 'The call_id Call → Start output, or the ID Contactship shows for the call',
		},
		operationOptions('Contactship', contactshipPacing, [includeTranscriptOption]),
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const callId = requireText(parameters.callId, 'Call ID');
		const options = (parameters.options ?? {}) as IDataObject;
		try {
			return readCall(
				await run.client.request({
					method: 'GET',
					path: apiPath`/v1/calls/${callId}`,
					// Contactship includes the transcript unless told not to.
					qs: { include_transcript: options.includeTranscript === true },
				}),
			);
		} catch (error) {
			if (error instanceof NodeApiError && String(error.httpCode) === '404')
				throw new NodeOperationError(
					this.getNode(),
					`Contactship has no call with the ID ${callId} (${error.message})`,
					{
						description:
							'Use the call_id that Call → Start output, or find the call with Call → Get Many.',
					},
				);
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	},
};
