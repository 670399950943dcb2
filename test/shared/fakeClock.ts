import type { Clock } from '../../nodes/shared/pacing';

interface Timer {
	at: number;
	resolve(): void;
}

/** A clock whose time moves only when a test says so; timers fire in order as it moves. */
export class FakeClock implements Clock {
	time = 0;

	/** Every sleep asked for, in ms. */
	readonly sleeps: number[] = [];

	/** What `random()` returns. */
	randomValue = 0;

	private timers: Timer[] = [];

	now = (): number => this.time;

	random = (): number => this.randomValue;

	async sleep(ms: number, signal: AbortSignal): Promise<void> {
		this.sleeps.push(ms);
		await new Promise<void>((resolve, reject) => {
			const timer: Timer = { at: this.time + ms, resolve };
			this.timers.push(timer);
			signal.addEventListener('abort', () => {
				this.timers = this.timers.filter((other) => other !== timer);
				reject(new Error('aborted'));
			});
		});
	}

	get pendingTimers(): number {
		return this.timers.length;
	}

	/** Moves time forward by `ms`, firing due timers one by one and letting their work run. */
	async advance(ms: number): Promise<void> {
		const end = this.time + ms;
		for (let guard = 0; guard < 100_000; guard++) {
			await settle();
			const next = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
			if (!next) break;
			this.timers = this.timers.filter((timer) => timer !== next);
			this.time = Math.max(this.time, next.at);
			next.resolve();
		}
		this.time = end;
		await settle();
	}
}

/** Lets every pending promise callback run. */
export async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
