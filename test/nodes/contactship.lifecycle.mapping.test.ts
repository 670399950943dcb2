/** The pure parts of Contactship's contact lifecycle: update bodies, the additional_data merge, search text, tag names. */
import {
	mergeAdditionalData,
	toSearchQuery,
	toUpdateContactRequest,
	toUpsertBody,
} from '../../nodes/Contactship/actions/contact/mapping';
import { tagIdFor } from '../../nodes/Contactship/actions/tag/tags';
import { InputError } from '../../nodes/shared/validate';
import { CS_SEED_TAGS, contactshipTag } from '../sandbox/vendors/contactship';

const tags = CS_SEED_TAGS as unknown as Array<Record<string, string>>;
const id = (name: string) => CS_SEED_TAGS.find((tag) => tag.name === name)!.id;

describe('mergeAdditionalData', () => {
	const stored = [
		{ type: 'text', field: 'source', value: 'webinar' },
		{ type: 'number', field: 'score', value: '40' },
	];

	test('a given field replaces the stored one in place (type too), new ones are appended, the rest kept', () => {
		expect(
			mergeAdditionalData(stored, [
				{ type: 'text', field: 'score', value: 'high' },
				{ type: 'date', field: 'met', value: '2025-03-14' },
			]),
		).toEqual([
			{ type: 'text', field: 'source', value: 'webinar' },
			{ type: 'text', field: 'score', value: 'high' },
			{ type: 'date', field: 'met', value: '2025-03-14' },
		]);
	});

	test('stored entries are sent back with the documented keys only; a missing or odd stored array counts as empty', () => {
		expect(
			mergeAdditionalData(
				[{ ...stored[0], id: 7 }, null, 'x'],
				[{ type: 'text', field: 'a', value: 'b' }],
			),
		).toEqual([stored[0], { type: 'text', field: 'a', value: 'b' }]);
		expect(mergeAdditionalData(undefined, [stored[1]])).toEqual([stored[1]]);
	});
});

describe('toUpdateContactRequest', () => {
	test('only filled fields, checked as on create', () => {
		expect(
			toUpdateContactRequest({
				phone: '00 52 55 1234 5678',
				fullName: '',
				email: ' ana@example.com ',
				country: undefined,
				description: 'x',
				customFields: { field: [{ type: 'number', key: 'score', value: '7' }] },
			}),
		).toEqual({
			body: { phone_number: '+525512345678', email: 'ana@example.com', description: 'x' },
			additionalData: [{ type: 'number', field: 'score', value: '7' }],
		});
	});

	test('every field empty fails; data rows alone are a change', () => {
		expect(() => toUpdateContactRequest({ fullName: ' ', customFields: {} })).toThrow(
			new InputError('Nothing to update: every field is empty'),
		);
		expect(
			toUpdateContactRequest({ customFields: { field: [{ type: 'text', key: 'a', value: 'b' }] } })
				.body,
		).toEqual({});
	});
});

test('toUpsertBody: the create body without the phone it was found by, data merged', () => {
	expect(
		toUpsertBody(
			{
				phone_number: '+12125550142',
				full_name: 'Grace',
				additional_data: [{ type: 'text', field: 'a', value: 'new' }],
			},
			{ additional_data: [{ type: 'text', field: 'b', value: 'kept' }] },
		),
	).toEqual({
		full_name: 'Grace',
		additional_data: [
			{ type: 'text', field: 'b', value: 'kept' },
			{ type: 'text', field: 'a', value: 'new' },
		],
	});
	expect(toUpsertBody({ phone_number: '+1', full_name: 'G' }, {})).toEqual({ full_name: 'G' });
});

test.each([
	['ada@ex', { email: 'ada@ex' }],
	[' (212) 555-01 ', { phone_number: '21255501' }],
	['+44', { phone_number: '+44' }],
	['Ada 2', { full_name: 'Ada 2' }],
	['  ', {}],
])('toSearchQuery(%p) -> %p', (typed, query) => {
	expect(toSearchQuery(typed)).toEqual(query);
});

describe('tagIdFor', () => {
	test('an ID, a name or a label (case ignored) gives the ID', () => {
		expect(tagIdFor(id('vip'), tags)).toBe(id('vip'));
		expect(tagIdFor('Hot-Lead', tags)).toBe(id('hot-lead'));
		expect(tagIdFor(' churn risk ', tags)).toBe(id('churn-risk'));
	});

	test('a name wins over another tag whose label reads the same', () => {
		const list = [contactshipTag(1, 'vip', 'Gold'), contactshipTag(2, 'gold', 'VIP')];
		expect(tagIdFor('VIP', list as never)).toBe(list[0].id);
	});

	test('a label several tags share, or an unknown name, fails; an unknown UUID is left to Contactship', () => {
		const list = [contactshipTag(1, 'a', 'Campaign'), contactshipTag(2, 'b', 'Campaign')];
		expect(() => tagIdFor('campaign', list as never)).toThrow(
			'Several Contactship tags are labelled "campaign"',
		);
		expect(() => tagIdFor('platinum', tags)).toThrow('Contactship has no tag named "platinum"');
		const unknown = '5e1f0000-0000-4000-8000-999999999999';
		expect(tagIdFor(unknown, tags)).toBe(unknown);
	});
});
