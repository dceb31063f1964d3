export declare const STAMP_FILE: string;
export declare function inputFingerprint(root: string): string;
export declare function buildIsStale(root: string): boolean;
export declare function writeStamp(root: string, fingerprint: string): void;
