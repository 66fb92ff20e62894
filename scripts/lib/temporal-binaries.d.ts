export declare const ROOT: string;
export declare const VENV_DIR: string;
export declare const VENV_BIN: string;
export type TemporalBinary = 'cli' | 'testServer';
export declare function locate(kind: TemporalBinary): { path: string; source: 'env' | 'path' | 'venv' } | undefined;
export declare function requireBinary(kind: TemporalBinary): string;
