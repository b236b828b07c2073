// Which database engine a DATABASE_URL names. PostgreSQL is the production engine (several app
// instances share it); a SQLite file is the embedded default.
export type Engine = 'sqlite' | 'postgresql';

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
}

/** The file path of a `file:` SQLite URL (relative paths are relative to the working directory). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, '');
}
