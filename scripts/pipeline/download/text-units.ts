/** Byte counts and durations for progress lines and messages. */
export const sizeText = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);

/** Seconds, with a decimal below ten (test limits are fractions of a second). */
export const durationText = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
