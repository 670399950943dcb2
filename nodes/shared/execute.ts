import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { PacingDefaults } from './properties';
import { readPacing } from './properties';
import type { VendorApi } from './transport';
import { ApiClient } from './transport';
import { InputError } from './validate';

/**
 * What one item's run returns: the output item's JSON, or a list of them for an operation
 * that finds many records (Get Many): each becomes an output item paired with the input item.
 */
export type ItemResult = IDataObject | IDataObject[];
export type ItemOperation = (itemIndex: number) => Promise<ItemResult>;

type ItemError = NodeApiError | NodeOperationError;

/** A vendor as the executor sees it: its API, and where an output item holds the contact's ID. */
export interface RunVendor extends VendorApi {
	/** Key of the contact's ID in an output item; `id` unless given. Named when a run stops. */
	outputIdKey?: string;
}

/** A contact an item made before the run stopped. */
export interface CreatedContact {
	itemIndex: number;
	id: unknown;
}

/** The stop message names this many contacts at most and counts the rest. */
const MAX_CONTACTS_NAMED = 10;
const MAX_ID_LENGTH = 64;

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
		itemError = new NodeOperationError(ctx.getNode(), error.message, {
			itemIndex,
			description: error.hint,
		});
	} else {
		itemError = new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
	itemError.context.itemIndex = itemIndex;
	const suffix = ` [item ${itemIndex}]`;
	if (!itemError.message.endsWith(suffix)) itemError.message += suffix;
	return itemError;
}

/**
 * A failed item's JSON: `{message, error: {message, httpCode?, description?, ...}}`. `error`
 * mirrors n8n's own error JSON (as the HTTP Request node's) and also carries what was already
 * done (e.g. the ID of a contact whose tags failed); `message` on top repeats the text so the
 * item reads at a glance. With "Continue (using error output)" n8n 2.x moves an item to the
 * error output when all its keys are among `error`, `message` and `details`, n8n 1.x only when
 * they are exactly `error` and `message` (handleNodeErrorOutput in n8n-core): this shape suits
 * both. The same shape goes to the main output with "Continue (regular output)".
 */
export function errorOutput(error: ItemError): IDataObject {
	const json: IDataObject = { message: error.message };
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	if (error.description) json.description = error.description;
	const partial = error.context[PARTIAL_RESULT];
	if (partial) Object.assign(json, partial as IDataObject);
	return { message: error.message, error: json };
}

/**
 * The note added to the error that stops a run when other items had already created
 * contacts: a thrown error discards the whole output, so their IDs would be seen nowhere
 * and a re-run would meet them as duplicates.
 */
export function createdBeforeStop(created: CreatedContact[]): string | undefined {
	if (created.length === 0) return undefined;
	const named = created.slice(0, MAX_CONTACTS_NAMED).map(({ itemIndex, id }) => {
		const shownId = String(id ?? 'ID not given');
		return `item ${itemIndex} (${shownId.length > MAX_ID_LENGTH ? `${shownId.slice(0, MAX_ID_LENGTH - 1)}…` : shownId})`;
	});
	const rest = created.length - named.length;
	const list = rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', ');
	const count =
		created.length === 1
			? '1 other item created a contact'
			: `${created.length} other items created contacts`;
	return (
		`Before the stop, ${count}: ${list}. The node's output is lost when it stops, so to run these items again, ` +
		'set "If Contact Exists" to "Return Existing": they are then returned instead of failing as duplicates.'
	);
}

/**
 * Runs `operation` for every input item, at most `concurrency` at a time, and returns
 * one output item per input item (or the records an item found), in input order, each
 * paired with its input.
 * With "Continue On Fail" a failed item becomes an item holding the error; otherwise the
 * first failure (by item order) stops the node once the items already started finish, and
 * its error names the contacts the other items created (read from `outputIdKey`).
 */
export async function runForEachItem(
	ctx: IExecuteFunctions,
	operation: ItemOperation,
	concurrency = 1,
	outputIdKey = 'id',
): Promise<INodeExecutionData[][]> {
	const itemCount = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(itemCount);
	const continueOnFail = ctx.continueOnFail();
	let next = 0;
	// Failures by item index; without continueOnFail the first one stops new items starting.
	const failures = new Map<number, ItemError>();

	const worker = async () => {
		while (next < itemCount && failures.size === 0) {
			const itemIndex = next++;
			try {
				const result = await operation(itemIndex);
				results[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) => ({
					json,
					pairedItem: { item: itemIndex },
				}));
			} catch (error) {
				const itemError = toItemError(ctx, error, itemIndex);
				if (continueOnFail) {
					results[itemIndex] = [{ json: errorOutput(itemError), pairedItem: { item: itemIndex } }];
				} else {
					failures.set(itemIndex, itemError);
				}
			}
		}
	};

	const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, itemCount));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failures.size > 0) {
		const stoppedAt = Math.min(...failures.keys());
		const error = failures.get(stoppedAt)!;
		const created: CreatedContact[] = [];
		for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
			const json = results[itemIndex]?.[0]?.json;
			const partial = failures.get(itemIndex)?.context[PARTIAL_RESULT] as IDataObject | undefined;
			if (json?.outcome === 'created') created.push({ itemIndex, id: json[outputIdKey] });
			else if (itemIndex !== stoppedAt && partial?.contactId !== undefined)
				created.push({ itemIndex, id: partial.contactId });
		}
		const note = createdBeforeStop(created);
		if (note) error.description = error.description ? `${error.description} ${note}` : note;
		throw error;
	}
	return [results.flat()];
}

/**
 * A node's whole execute(): pacing read once from the "Options" collection (it holds for
 * the run, not per item), one API client for the run, then `operation` for every item, each
 * with a 429 wait budget of its own. The client paces per account, shared with every other
 * execution of this process that uses the same credential.
 */
export async function runWithClient(
	ctx: IExecuteFunctions,
	api: RunVendor,
	pacingDefaults: PacingDefaults,
	operation: (client: ApiClient, itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[][]> {
	if (ctx.getInputData().length === 0) return [[]];
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const pacing = readPacing(options, pacingDefaults);
	const client = await ApiClient.create(ctx, api, pacing);
	return await runForEachItem(
		ctx,
		async (itemIndex) => await operation(client.forItem(), itemIndex),
		pacing.concurrency,
		api.outputIdKey,
	);
}
