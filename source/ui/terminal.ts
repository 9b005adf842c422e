/**
 * The alternate screen (like vim or less): the dashboard draws on its own screen and, on `q`,
 * Ctrl+C, a signal or a crash, the terminal gets back exactly what it showed before, with its
 * cursor. Restoring is idempotent and synchronous (a TTY write), so it also works in 'exit'.
 */
const ENTER = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';
const LEAVE = '\u001B[?25h\u001B[?1049l';

export type FullScreen = {
	/** Back to the normal screen; safe to call more than once. */
	leave(): void;
};

type Output = {write(text: string): unknown};

export type FullScreenOptions = {
	/** Where a crash is reported once the screen is restored. @default process.stderr */
	errors?: Output;
	/** @default process */
	proc?: NodeJS.Process;
	/**
	 * False for a screen reader (INK_SCREEN_READER=true): the terminal's own screen, its cursor
	 * shown; signals and crashes are handled the same. @default true
	 */
	isAlternate?: boolean;
};

const SIGNALS = {SIGTERM: 15, SIGHUP: 1, SIGINT: 2} as const;

export function enterFullScreen(
	output: Output,
	options: FullScreenOptions = {},
): FullScreen {
	const proc = options.proc ?? process;
	const errors = options.errors ?? process.stderr;
	const isAlternate = options.isAlternate ?? true;
	let isOn = true;
	const leave = () => {
		if (!isOn) return;
		isOn = false;
		if (isAlternate) output.write(LEAVE);
		proc.off('exit', leave);
		proc.off('uncaughtException', crash);
		proc.off('unhandledRejection', crash);
		for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) {
			proc.off(signal, onSignal);
		}
	};
	const crash = (error: unknown) => {
		leave();
		const text =
			error instanceof Error
				? process.env.MYQ_DEBUG
					? (error.stack ?? error.message)
					: error.message
				: String(error);
		errors.write(`myq-license: the dashboard stopped: ${text}\n`);
		proc.exit(1);
	};
	const onSignal = (signal: NodeJS.Signals) => {
		leave();
		proc.exit(128 + (SIGNALS[signal as keyof typeof SIGNALS] ?? 0));
	};
	if (isAlternate) output.write(ENTER);
	proc.on('exit', leave);
	proc.on('uncaughtException', crash);
	proc.on('unhandledRejection', crash);
	for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) {
		proc.on(signal, onSignal);
	}
	return {leave};
}

export const ALTERNATE_SCREEN = {enter: ENTER, leave: LEAVE};

/**
 * The first rows of the "starting" frame as plain text, written the moment the screen opens
 * (before Ink and React have loaded), the cursor then back at the top left where Ink draws its
 * first frame over it with the same rows.
 */
export function splashText(rows: readonly string[]): string {
	return `${rows.join('\r\n')}\u001B[H`;
}
