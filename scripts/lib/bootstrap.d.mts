export function run(command: string, args: string[], env?: NodeJS.ProcessEnv): void;
export function mtime(path: string): number;
export function ensureInstalled(): void;
export function buildIfChanged(env: NodeJS.ProcessEnv): void;
