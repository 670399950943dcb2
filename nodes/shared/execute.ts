import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { PacingDefaults } from './properties';
import { readPacing } from './properties';
import type { VendorApi } from './transport';
import { ApiClient } from './transport';
import { InputError } from './validate';

/** What one item's run returns: the output item's JSON. */
export type ItemOperation = (itemIndex: number) => Promise<IDataObject>;

type ItemError = NodeApiError | NodeOperationError;

/** Data a failed item still carries to the output, e.g. a contact created before tagging failed. */
export const PARTIAL_RESULT = 'partialResult';

/** Attaches what was already done to an error, so continueOnFail output keeps it. */
export function withPartialResult<E extends ItemError>(error: E, partialResult: IDataObject): E {
	error.context[PARTIAL_RESULT] = partialResult;
	return error;
}

/** Turns anything thrown for an item into an n8n error that names the item. */
export function toItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): ItemError {
	let itemError: ItemError;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		itemError = error;
	} else if (error instanceof InputError) {
		itemError = new NodeOperationError(ctx.getNode(), error.message, { itemIndex, description: error.hint });
	} else {
		itemError = new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
	itemError.context.itemIndex = itemIndex;
	const suffix = ` [item ${itemIndex}]`;
	if (!itemError.message.endsWith(suffix)) itemError.message += suffix;
	return itemError;
}

function errorOutput(error: ItemError): IDataObject {
	const output: IDataObject = { error: error.message };
	if (error instanceof NodeApiError && error.httpCode) output.httpCode = error.httpCode;
	if (error.description) output.description = error.description;
	const partial = error.context[PARTIAL_RESULT];
	if (partial) Object.assign(output, partial as IDataObject);
	return output;
}

/**
 * Runs `operation` for every input item, at most `concurrency` at a time, and returns
 * exactly one output item per input item, in input order, each paired with its input.
 * With "Continue On Fail" a failed item becomes an item holding the error; otherwise the
 * first failure (by item order) stops the node once the items already started finish.
 */
export async function runForEachItem(
	ctx: IExecuteFunctions,
	operation: ItemOperation,
	concurrency = 1,
): Promise<INodeExecutionData[][]> {
	const itemCount = ctx.getInputData().length;
	const results: INodeExecutionData[] = new Array(itemCount);
	const continueOnFail = ctx.continueOnFail();
	let next = 0;
	// Failures by item index; without continueOnFail the first one stops new items starting.
	const failures = new Map<number, ItemError>();

	const worker = async () => {
		while (next < itemCount && failures.size === 0) {
			const itemIndex = next++;
			try {
				const json = await operation(itemIndex);
				results[itemIndex] = { json, pairedItem: { item: itemIndex } };
			} catch (error) {
				const itemError = toItemError(ctx, error, itemIndex);
				if (continueOnFail) {
					results[itemIndex] = { json: errorOutput(itemError), pairedItem: { item: itemIndex } };
				} else {
					failures.set(itemIndex, itemError);
				}
			}
		}
	};

	const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, itemCount));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()))!;
	return [results];
}

/**
 * A node's whole execute(): pacing read once from the "Options" collection (it holds for
 * the run, not per item), one API client for the run, then `operation` for every item, each
 * with a 429 wait budget of its own. The client paces per account, shared with every other
 * execution of this process that uses the same credential.
 */
export async function runWithClient(
	ctx: IExecuteFunctions,
	api: VendorApi,
	pacingDefaults: PacingDefaults,
	operation: (client: ApiClient, itemIndex: number) => Promise<IDataObject>,
): Promise<INodeExecutionData[][]> {
	if (ctx.getInputData().length === 0) return [[]];
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const pacing = readPacing(options, pacingDefaults);
	const client = await ApiClient.create(ctx, api, pacing);
	return await runForEachItem(ctx, async (itemIndex) => await operation(client.forItem(), itemIndex), pacing.concurrency);
}
