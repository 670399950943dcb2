/**
 * The Thoughtly Trigger's pure parts: the subscription body it sends, how it recognises its
 * subscription in Thoughtly's list (whose shape is not documented), and the items a delivery
 * becomes. Its webhook lifecycle in the real n8n: test/e2e/thoughtlyTrigger.e2e.test.ts.
 */
import { ThoughtlyTrigger } from '../../nodes/Thoughtly/ThoughtlyTrigger.node';
import {
	deliveryItems,
	EVENT_TYPES,
	listedSubscriptions,
	sameSubscription,
	toSubscription,
} from '../../nodes/Thoughtly/trigger/subscription';
import { THOUGHTLY_WEBHOOK_TYPES } from '../sandbox/vendors/thoughtly';

const url = 'https://n8n.example.com/webhook/abc/webhook';

test('the event types are exactly the five Thoughtly documents', () => {
	expect(EVENT_TYPES.map((type) => type.value).sort()).toEqual([...THOUGHTLY_WEBHOOK_TYPES].sort());
});

test('the subscription body: type and URL, and `data` only when a scope is given', () => {
	expect(toSubscription('NEW_RESPONSE', url, '')).toEqual({ type: 'NEW_RESPONSE', url });
	expect(toSubscription('NEW_RESPONSE', url, undefined)).toEqual({ type: 'NEW_RESPONSE', url });
	expect(toSubscription('PHONE_TRANSFER', url, ' int_001 ')).toEqual({
		type: 'PHONE_TRANSFER',
		url,
		data: 'int_001',
	});
});

test('its subscription is found in the list whatever shape the list and its `data` take', () => {
	const wanted = toSubscription('NEW_RESPONSE', url, 'int_001');
	const listed = listedSubscriptions({
		data: {
			webhooks: [
				{ type: 'NEW_RESPONSE', url, data: null },
				{ type: 'NEW_RESPONSE', url, data: { id: 'int_001' } },
			],
		},
	});
	expect(listed.map((entry) => sameSubscription(entry, wanted))).toEqual([false, true]);
	expect(sameSubscription({ type: 'NEW_RESPONSE', url, data: 'int_001' }, wanted)).toBe(true);
	expect(sameSubscription({ type: 'PHONE_TRANSFER', url, data: 'int_001' }, wanted)).toBe(false);
	expect(sameSubscription({ type: 'NEW_RESPONSE', url: `${url}x`, data: 'int_001' }, wanted)).toBe(
		false,
	);
	// Unscoped: a listed subscription without data (absent, null or empty) is the one.
	const all = toSubscription('NEW_RESPONSE', url, '');
	expect(sameSubscription({ type: 'NEW_RESPONSE', url }, all)).toBe(true);
	expect(sameSubscription({ type: 'NEW_RESPONSE', url, data: '' }, all)).toBe(true);
	expect(listedSubscriptions({ data: [{ type: 'NEW_RESPONSE', url }] })).toHaveLength(1);
	expect(listedSubscriptions({ data: null })).toEqual([]);
});

test('a delivery becomes its body as the item; a list, one item per entry', () => {
	expect(deliveryItems({ id: 'call_1', status: 'COMPLETED' })).toEqual([
		{ id: 'call_1', status: 'COMPLETED' },
	]);
	expect(deliveryItems([{ id: 'a' }, { id: 'b' }])).toEqual([{ id: 'a' }, { id: 'b' }]);
	expect(deliveryItems('plain text')).toEqual([{ body: 'plain text' }]);
	expect(deliveryItems(undefined)).toEqual([{ body: null }]);
});

test('the node: a webhook trigger with the complete lifecycle n8n calls on (de)activation', () => {
	const node = new ThoughtlyTrigger();
	expect(node.description.group).toEqual(['trigger']);
	expect(node.description.inputs).toEqual([]);
	expect(node.description.webhooks).toEqual([
		expect.objectContaining({ name: 'default', httpMethod: 'POST', path: 'webhook' }),
	]);
	expect(Object.keys(node.webhookMethods.default).sort()).toEqual([
		'checkExists',
		'create',
		'delete',
	]);
	expect(node.description.credentials).toEqual([{ name: 'thoughtlyApi', required: true }]);
});
