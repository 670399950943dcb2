import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withPartialResult } from './execute';
import { isAnswerLost } from './transport';
import { InputError } from './validate';

/**
 * Starts a call with `send`, which makes the one request. Only a 429 is ever sent again (the
 * transport does that: a refused request started nothing); a start whose answer was lost
 * (no answer, a 5xx, an answer that is not the vendor's) may have rung the person, so it
 * fails the item in words that say so and is never repeated.
 */
export async function startCallOnce<T>(
	ctx: IExecuteFunctions,
	vendor: string,
	send: () => Promise<T>,
): Promise<T> {
	try {
		return await send();
	} catch (error) {
		// NodeApiError hands an error that is one already back unchanged.
		if (!(error instanceof NodeApiError))
			throw new NodeOperationError(ctx.getNode(), error as Error);
		if (!isAnswerLost(error)) throw new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
		const lost = error;
		const message = `${vendor}'s answer was lost, so it is unknown whether the call started — check in ${vendor} before re-running (${lost.message})`;
		const failure = new NodeApiError(ctx.getNode(), { message: lost.message } as JsonObject, {
			message,
			description: `The request may have reached ${vendor}, so the call may be ringing. It was not sent again: this node never calls a person twice. Look for the call in ${vendor} before running this item again.`,
			httpCode: lost.httpCode ?? undefined,
		});
		// n8n rewrites a message naming an error code it knows (ECONNRESET, …): keep ours.
		failure.message = message;
		throw failure;
	}
}

/**
 * Contact → Create's "Call After Create" failed after the contact was saved: the error says
 * the contact exists, names it, and carries its ID (and what else was done, e.g. tags) to the
 * output, as a failed tag does, so the contact is never created a second time.
 */
export function callFailedAfterCreate(
	ctx: IExecuteFunctions,
	vendor: string,
	error: unknown,
	contactId: string,
	done: IDataObject,
): NodeApiError {
	const cause = error as NodeApiError | NodeOperationError | InputError;
	const message = `Contact ${contactId} is saved in ${vendor}, but the call after create failed: ${cause.message}`;
	const why = cause instanceof InputError ? cause.hint : cause.description;
	const description = [
		'The contact exists: do not create it again.',
		why,
		`Start the call with Call → Start and contact ID ${contactId}.`,
	]
		.filter(Boolean)
		.join(' ');
	const failure = new NodeApiError(ctx.getNode(), { message: cause.message } as JsonObject, {
		message,
		description,
		httpCode: cause instanceof NodeApiError && cause.httpCode ? cause.httpCode : undefined,
	});
	// NodeApiError rewrites messages that contain a known error code (ECONNRESET, …): keep ours.
	failure.message = message;
	failure.description = description;
	return withPartialResult(failure, { contactId, ...done });
}
