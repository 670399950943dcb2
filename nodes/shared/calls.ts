import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isAnswerLost } from './transport';

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
		const message = `Unknown whether the call started — check in ${vendor} before re-running (${lost.message})`;
		const failure = new NodeApiError(ctx.getNode(), { message: lost.message } as JsonObject, {
			message,
			description: `The request may have reached ${vendor}, so the call may have started. It was not sent again: this node never calls a contact twice.`,
			httpCode: lost.httpCode ?? undefined,
		});
		// n8n rewrites a message naming an error code it knows (ECONNRESET, …): keep ours.
		failure.message = message;
		throw failure;
	}
}
