import type { IncomingMessage } from 'node:http';

export declare const PEER_ADDRESS_HEADER: string;
export declare const PEER_HEADER_MARK: symbol;
export declare function stampPeerAddress(req: IncomingMessage): void;
