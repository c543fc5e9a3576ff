import type { IncomingMessage } from 'node:http';

export declare const PEER_ADDRESS_HEADER: string;
export declare const PEER_HEADER_MARK: symbol;
export declare function stampPeerAddress(req: IncomingMessage): void;
export declare const SIGN_IN_PATH: string;
export declare const MAX_SIGN_INS_IN_FLIGHT: number;
export declare const SIGN_INS_PER_SECOND: number;
export declare const SIGN_IN_BURST: number;
export declare function createSignInRate(perSecond?: number, burst?: number, now?: () => number): () => boolean;
