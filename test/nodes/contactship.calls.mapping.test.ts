/** The pure parts of Contactship's calls: schedule and From Number reading, and the trigger's bookkeeping. */
import type { IDataObject } from 'n8n-workflow';

import { isPhoneNumber, toSchedule } from '../../nodes/Contactship/actions/call/mapping';
import type { CallCursor } from '../../nodes/Contactship/trigger/callEnded';
import { OVERLAP_MS, planPoll, settlePoll } from '../../nodes/Contactship/trigger/callEnded';

describe('toSchedule', () => {
	test.each([
		['2030-06-15T14:30:00', '2030-06-15 14:30:00'],
		['2030-06-15 14:30', '2030-06-15 14:30:00'],
		['2030-06-15T14:30:00.000+02:00', '2030-06-15 14:30:00'],
	])('%s is sent as %s, a wall-clock time in the zone given', (date, sent) => {
		expect(toSchedule({ date, timezone: 'Europe/Madrid' })).toEqual({
			date: sent,
			timezone: 'Europe/Madrid',
		});
	});

	test('empty: no schedule; a date without a time or a zone fails', () => {
		expect(toSchedule({})).toBeUndefined();
		expect(() => toSchedule({ date: '2030-06-15', timezone: 'UTC' })).toThrow('has no time of day');
		expect(() => toSchedule({ date: '2030-06-15T10:00:00' })).toThrow('no time zone');
	});
});

test('isPhoneNumber: only an international number, never a UUID or a bare number', () => {
	expect(isPhoneNumber('+1 202 555 0101')).toBe(true);
	expect(isPhoneNumber('0044 20 7946 0018')).toBe(true);
	expect(isPhoneNumber('90e00000-0000-4000-8000-000000000001')).toBe(false);
	expect(isPhoneNumber('12345678')).toBe(false);
});

describe('settlePoll', () => {
	const LOOK_BACK = 24 * 3_600_000;
	const t0 = Date.parse('2026-03-15T12:00:00Z');
	const call = (id: string, createdMs: number, ended: boolean): IDataObject => ({
		id,
		created_at: new Date(createdMs).toISOString(),
		call_status: ended ? 'completed' : 'in-progress',
		finished_at: ended ? new Date(createdMs + 60_000).toISOString() : null,
	});
	const poll = (state: CallCursor, calls: IDataObject[], now: number) => {
		const plan = planPoll(state, now, LOOK_BACK);
		const visible = calls.filter(
			(entry) => Date.parse(String(entry.created_at)) >= Date.parse(plan.dateFrom),
		);
		return settlePoll(state, plan, visible, now, LOOK_BACK);
	};

	test('the first poll emits nothing and watches the calls still running', () => {
		const first = poll({}, [call('a', t0 - 60_000, true), call('b', t0 - 30_000, false)], t0);
		expect(first.ended).toEqual([]);
		expect(first.state.cursor).toBe(new Date(t0 - 30_000).toISOString());
		const second = poll(
			first.state,
			[call('a', t0 - 60_000, true), call('b', t0 - 30_000, true)],
			t0 + 60_000,
		);
		expect(second.ended.map((entry) => entry.id)).toEqual(['b']);
	});

	test('a poll repeated from saved state (n8n restarted after an emit) emits nothing again', () => {
		const calls = [call('a', t0, true), call('b', t0 + 1_000, true)];
		const start = poll({}, [], t0 - 1_000).state;
		const emitted = poll(start, calls, t0 + 120_000);
		expect(emitted.ended.map((entry) => entry.id)).toEqual(['a', 'b']);
		const saved: CallCursor = JSON.parse(JSON.stringify(emitted.state));
		expect(poll(saved, calls, t0 + 180_000).ended).toEqual([]);
	});

	test('IDs are forgotten once their calls fall out of the window, so the state stays small', () => {
		let state = poll({}, [], t0).state;
		const calls: IDataObject[] = [];
		for (let minute = 1; minute <= 60; minute++) {
			calls.push(call(`c${minute}`, t0 + minute * 60_000, true));
			state = poll(state, calls, t0 + minute * 60_000 + 1_000).state;
		}
		const kept = Object.values(state.handled ?? {}).map((created) => Date.parse(created));
		expect(Math.min(...kept)).toBeGreaterThanOrEqual(Date.parse(state.cursor!) - OVERLAP_MS);
		expect(kept.length).toBeLessThanOrEqual(11);
	});
});
