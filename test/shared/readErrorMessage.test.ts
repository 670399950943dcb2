import { readErrorMessage } from '../../nodes/shared/transport';

describe('readErrorMessage', () => {
	test.each([
		[
			'{error}',
			{ status: 'failure', error: 'Contact with this phone already exists!' },
			'Contact with this phone already exists!',
		],
		['{detail}', { detail: 'Not found.' }, 'Not found.'],
		['{message}', { statusCode: 400, message: 'Bad phone', error: '' }, 'Bad phone'],
		['an HTML page', '<html><body><h1>502 Bad Gateway</h1></body></html>', '502 Bad Gateway'],
	])('reads %s', (_name, body, message) => {
		expect(readErrorMessage(body)).toBe(message);
	});

	test("field-keyed lists (a validating framework's 400), nested items included", () => {
		expect(
			readErrorMessage({
				email: ['Enter a valid email address.'],
				items: [{}, { value: ['Ensure this field has no more than 2500 characters.'] }],
				non_field_errors: ['Give an email or a phone.'],
			}),
		).toBe(
			'email: Enter a valid email address.; items.value: Ensure this field has no more than 2500 characters.; Give an email or a phone.',
		);
	});

	test('a record without error lists is not taken for an error', () => {
		expect(readErrorMessage({ status: 'ok', count: 3 })).toBeUndefined();
		expect(readErrorMessage({ ids: [1, 2] })).toBeUndefined();
		expect(readErrorMessage(null)).toBeUndefined();
	});
});
