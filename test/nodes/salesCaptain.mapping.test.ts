/** SalesCaptain's pure mapping for the lifecycle operations: what a node parameter becomes, and how answers are read. */
import {
	contactLabel,
	contactsOfPage,
	toListQuery,
	totalContacts,
	toUpdateContactBody,
	toUpdateFromCreate,
} from '../../nodes/SalesCaptain/actions/contact/mapping';
import { resolveTagIds } from '../../nodes/SalesCaptain/actions/tag/mapping';
import { readTagList } from '../../nodes/shared/tags';

const COMPANY = 'a1b2c3d4-e5f6-4890-abcd-ef1234567890';
const TAGS = [
	{ tag_id: 't-1', tag_name: 'VIP' },
	{ tag_id: 't-2', tag_name: 'Newsletter' },
	{ tag_id: 't-3', tag_name: 'newsletter' },
];

describe('tags given by name or ID', () => {
	test('IDs are kept, names found regardless of case, repeats dropped', () => {
		expect(resolveTagIds(['t-2', 'vip', 'VIP', 't-1'], TAGS)).toEqual(['t-2', 't-1']);
	});

	test('a name two tags share is refused, with their IDs', () => {
		expect(() => resolveTagIds(['NEWSLETTER'], TAGS)).toThrow(
			'Tag "NEWSLETTER" names 2 tags of this company',
		);
	});

	test('a company without tags says so', () => {
		expect(() => resolveTagIds(['VIP'], [])).toThrow('Tag "VIP" is not a tag of this company');
	});

	test('comma-separated text, a list, or nothing', () => {
		expect(readTagList(' VIP , Newsletter ')).toEqual(['VIP', 'Newsletter']);
		expect(readTagList(['VIP'])).toEqual(['VIP']);
		expect(() => readTagList('')).toThrow('No tag given');
	});
});

describe('update body', () => {
	test('only the fields given, with the company', () => {
		expect(
			toUpdateContactBody({ company: COMPANY, fullName: ' Ann ', phone: '', email: '' }),
		).toEqual({ company_id: COMPANY, name: 'Ann' });
	});

	test('"Update Existing" maps create names to update names, leaving out what the item lacks', () => {
		expect(
			toUpdateFromCreate({
				company_id: COMPANY,
				contact_name: 'Ann',
				contact_email: 'ann@example.com',
			}),
		).toEqual({ company_id: COMPANY, name: 'Ann', email: 'ann@example.com' });
	});
});

describe('list query and answers', () => {
	test('sort direction goes with a sort; empty filters send nothing', () => {
		expect(toListQuery({ sortBy: 'email' })).toEqual({ sort_by: 'email', sort_dir: 'asc' });
		expect(toListQuery({ searchKey: '', channel: '' })).toEqual({});
		expect(toListQuery(undefined)).toEqual({});
	});

	test('the documented page, and the total from pagination.total_count', () => {
		const page = {
			contacts: { data: [{ contact_id: 'c1' }], pagination: { total_count: 201, total_pages: 3 } },
		};
		expect(contactsOfPage(page)).toEqual([{ contact_id: 'c1' }]);
		expect(totalContacts(page)).toBe(201);
	});

	test('an answer without pagination has no total (the short page ends the reading)', () => {
		expect(totalContacts({ contacts: { data: [] } })).toBeUndefined();
		expect(totalContacts({ contacts: { data: [], pagination: { total_count: 'many' } } })).toBe(
			undefined,
		);
	});

	test('a contact in the list search: its name and phone, else email, else ID', () => {
		expect(contactLabel({ contact_id: 'c1', name: 'Ann', phone: '+1415', email: 'a@b.co' })).toBe(
			'Ann (+1415)',
		);
		expect(contactLabel({ contact_id: 'c1', name: 'Ann', phone: null, email: 'a@b.co' })).toBe(
			'Ann (a@b.co)',
		);
		expect(contactLabel({ contact_id: 'c1', name: '' })).toBe('c1');
	});
});
