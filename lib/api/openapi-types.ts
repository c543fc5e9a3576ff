/**
 * GENERATED from the partner API's OpenAPI document (lib/api/openapi.ts) by `npm run api:types`.
 * Do not edit: change the schemas, then run the command again.
 */

export interface paths {
    "/api/v1/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List programs
         * @description Every program, with its unit (cities, institutions or a percentage) and its target.
         */
        get: operations["listPrograms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{slug}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Coverage of a program as of a date
         * @description Counts per status, the share live against the stated denominator, per province for city programs, and the projection to the target date.
         */
        get: operations["getCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who scans whom, as of a date
         * @description For one mode, rows are the paying rails and columns the accepting rails; each cell lists the programs linking them with coverage, denominator, health and a sparkline, and is empty when no program covers that direction. Rails that group institutions (bank apps) list one row per institution. The same figures as each program's coverage.
         */
        get: operations["getMatrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every program, riskiest first
         * @description One item per program: progress with its denominator, health, baseline and current target date, projected completion, the change over the last week and stale status rows; sorted by risk (off track, at risk, on track, complete, not started).
         */
        get: operations["getPortfolio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{slug}/cities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the cities of a program
         * @description Every city the program tracks, by code, with its status. Partners see every row's status and dates, but the note, evidence link, verification and the people behind a change only of their own institution's rows: elsewhere these fields are null (items) or left out (history snapshots), and other rows' verifications are not listed. Staff roles see everything.
         */
        get: operations["listCities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{slug}/cities/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One city
         * @description One city's status in the program, with the `version` to send back when changing it. Partners see every row's status and dates, but the note, evidence link, verification and the people behind a change only of their own institution's rows: elsewhere these fields are null (items) or left out (history snapshots), and other rows' verifications are not listed. Staff roles see everything.
         */
        get: operations["getCity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update or confirm one city
         * @description Program managers and admins. Every accepted write raises `version` by exactly 1 and is recorded in the history (source API).
         */
        patch: operations["updateCity"];
        trace?: never;
    };
    "/api/v1/programs/{slug}/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the institutions of a program
         * @description Every institution the program tracks, by code, with its status. Partners see every row's status and dates, but the note, evidence link, verification and the people behind a change only of their own institution's rows: elsewhere these fields are null (items) or left out (history snapshots), and other rows' verifications are not listed. Staff roles see everything.
         */
        get: operations["listInstitutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{slug}/institutions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One institution
         * @description One institution's status in the program, with the `version` to send back when changing it. Partners see every row's status and dates, but the note, evidence link, verification and the people behind a change only of their own institution's rows: elsewhere these fields are null (items) or left out (history snapshots), and other rows' verifications are not listed. Staff roles see everything.
         */
        get: operations["getInstitution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update or confirm one institution
         * @description Program managers, admins, and partners for their own institution only. Every accepted write raises `version` by exactly 1 and is recorded in the history (source API).
         */
        patch: operations["updateInstitution"];
        trace?: never;
    };
    "/api/v1/programs/{slug}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Status changes of a program
         * @description Oldest first; `limit` defaults to 200 (at most 1000); pass `nextCursor` as `cursor` for the next page. Partners see every row's status and dates, but the note, evidence link, verification and the people behind a change only of their own institution's rows: elsewhere these fields are null (items) or left out (history snapshots), and other rows' verifications are not listed. Staff roles see everything.
         */
        get: operations["listHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ProgramList: {
            items: components["schemas"]["Program"][];
        };
        Program: {
            slug: string;
            /** @description Chinese name. */
            name: string;
            nameEn: string;
            /** @enum {string} */
            unit: "CITY" | "INSTITUTION" | "PERCENT";
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            startDate: string;
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            baselineTargetDate: string;
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            targetDate: string;
            /** @description PERCENT programs: the target share in percent. */
            targetValue: number | null;
            /**
             * @description How the payment crosses from payer to acceptor; null while not stated.
             * @enum {string|null}
             */
            mode: "CONSUMER_SCANS" | "MERCHANT_SCANS" | "ONLINE_CHECKOUT" | null;
            /** @description Rail codes of the paying side (whose app or payment code pays), e.g. UNIONPAY_QUICKPASS. */
            payers: string[];
            /** @description Rail codes of the accepting side (whose merchant code or checkout accepts), e.g. ALIPAY. */
            acceptors: string[];
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "VALIDATION" | "RATE_LIMITED" | "INTERNAL";
                message: string;
                /** @description CONFLICT: `{ current }`, the item as it is now. VALIDATION: see ValidationError. */
                details?: unknown;
            };
        };
        ValidationError: {
            error: {
                /** @enum {string} */
                code: "VALIDATION";
                message: string;
                details: components["schemas"]["ValidationIssue"][];
            };
        };
        ValidationIssue: {
            /** @description Dotted path of the field, parameter or header at fault; '' for the request as a whole. */
            path: string;
            /** @description Stable machine-readable code, e.g. `required`, `tooLong`, `unknownField`, `liveDateInFuture`. */
            code: string;
            /** @description A sentence for people, in the Accept-Language locale (zh-CN or en; English otherwise). */
            message: string;
        };
        Coverage: {
            /** @description Program slug. */
            program: string;
            /** @enum {string} */
            unit: "CITY" | "INSTITUTION" | "PERCENT";
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            asOf: string;
            denominator: number;
            live: number;
            /** @description live / denominator in percent, one decimal; null when the denominator is 0. */
            percent: number | null;
            counts: components["schemas"]["StatusCounts"];
            provinces: components["schemas"]["ProvinceCoverage"][];
            /** @description PERCENT programs only: the latest value on or before asOf. */
            metric: {
                value: number | null;
                /**
                 * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
                 * @example 2021-10-02
                 */
                date: string | null;
                target: number | null;
            } | null;
            /** @description Null when there is nothing to project toward. */
            projection: {
                /**
                 * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
                 * @example 2021-10-02
                 */
                completionDate: string | null;
                health: components["schemas"]["Health"];
                /**
                 * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
                 * @example 2021-10-02
                 */
                targetDate: string;
                velocityPerWeek: number;
            } | null;
        };
        StatusCounts: {
            NOT_STARTED: number;
            PLANNED: number;
            IN_PROGRESS: number;
            PILOT: number;
            LIVE: number;
            PAUSED: number;
        };
        ProvinceCoverage: {
            code: string;
            name: string;
            nameEn: string;
            total: number;
            live: number;
            percent: number | null;
        };
        /** @enum {string} */
        Health: "COMPLETE" | "ON_TRACK" | "AT_RISK" | "OFF_TRACK";
        Matrix: {
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            asOf: string;
            mode: components["schemas"]["InteropMode"];
            /** @description Rows (paying side) and columns (accepting side) alike, in this order. */
            rails: components["schemas"]["Rail"][];
            rows: components["schemas"]["MatrixRow"][];
        };
        /**
         * @description CONSUMER_SCANS: the consumer scans the merchant's collection code (收款码); MERCHANT_SCANS: the merchant scans the consumer's payment code (付款码); ONLINE_CHECKOUT: online checkout.
         * @enum {string}
         */
        InteropMode: "CONSUMER_SCANS" | "MERCHANT_SCANS" | "ONLINE_CHECKOUT";
        Rail: {
            /** @description Stable rail code, e.g. ALIPAY, WECHAT_PAY, UNIONPAY_QUICKPASS, BANK_APPS, DEVICE_WALLETS. */
            code: string;
            /** @description Chinese name. */
            name: string;
            nameEn: string;
            /** @description True for the banks' own apps as a group: rows list its institutions. */
            groupsInstitutions: boolean;
        };
        MatrixRow: {
            payer: string;
            cells: components["schemas"]["MatrixCell"][];
            /** @description For a rail that groups institutions: one row per institution enrolled in its programs. */
            institutions: components["schemas"]["MatrixInstitutionRow"][];
        };
        MatrixCell: {
            acceptor: string;
            isSameRail: boolean;
            /** @description Empty: no program covers this direction in this mode. */
            programs: components["schemas"]["MatrixProgram"][];
        };
        MatrixProgram: {
            slug: string;
            name: string;
            nameEn: string;
            /** @enum {string} */
            unit: "CITY" | "INSTITUTION" | "PERCENT";
            /** @description False before the program's start date; the figures are then null. */
            isStarted: boolean;
            /** @description Count programs: live cities or institutions; null for PERCENT. */
            live: number | null;
            /** @description Count programs: the cities or institutions in scope; null for PERCENT. */
            denominator: number | null;
            /** @description live / denominator, or the metric's value, in percent. */
            percent: number | null;
            /** @description PERCENT programs: the target share. */
            targetValue: number | null;
            /**
             * @description The day the goal was reached, when it is.
             * @example 2021-10-02
             */
            completedOn: string | null;
            health: components["schemas"]["Health"] & (string | null);
            /**
             * @description Projected (or actual) completion.
             * @example 2021-10-02
             */
            completionDate: string | null;
            /**
             * @description Target in force on asOf.
             * @example 2021-10-02
             */
            targetDate: string;
            /** @description Percent of the goal at weekly steps from the start to asOf (at most 40). */
            sparkline: number[];
        };
        MatrixInstitutionRow: {
            code: string;
            name: string;
            nameEn: string;
            cells: {
                acceptor: string;
                programs: {
                    slug: string;
                    isLive: boolean;
                    /**
                     * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
                     * @example 2021-10-02
                     */
                    liveSince: string | null;
                }[];
            }[];
        };
        Portfolio: {
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            asOf: string;
            /** @description Every program, riskiest first. */
            items: components["schemas"]["PortfolioItem"][];
        };
        PortfolioItem: {
            slug: string;
            name: string;
            nameEn: string;
            /** @enum {string} */
            unit: "CITY" | "INSTITUTION" | "PERCENT";
            isStarted: boolean;
            live: number | null;
            denominator: number | null;
            percent: number | null;
            targetValue: number | null;
            health: components["schemas"]["Health"] & (string | null);
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            completionDate: string | null;
            daysLate: number | null;
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            baselineTargetDate: string;
            /**
             * @description Target in force on asOf.
             * @example 2021-10-02
             */
            targetDate: string;
            isReplanned: boolean;
            /** @description Gained since 7 days before asOf (count, or percentage points). */
            changeSinceLastWeek: number;
            /** @description Status rows not confirmed within staleAfterDays on asOf; null for PERCENT programs and before the start. */
            staleness: {
                stale: number;
                rows: number;
            } | null;
            staleAfterDays: number;
        };
        CityStatusList: {
            items: components["schemas"]["CityStatus"][];
        };
        CityStatus: {
            code: string;
            name: string;
            nameEn: string;
            status: components["schemas"]["RolloutStatus"];
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            plannedDate: string | null;
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            liveDate: string | null;
            /** @description Link to evidence of the status. Null on rows whose details the caller may not read (a partner gets them for its own institution only). */
            evidenceUrl: string | null;
            /** @description Free-text note. Null on rows whose details the caller may not read (a partner gets them for its own institution only). */
            note: string | null;
            /**
             * @description An instant, ISO 8601 with offset (+08:00).
             * @example 2021-10-02T10:00:00.000+08:00
             */
            lastConfirmedAt: string | null;
            /** @description False while a partner report awaits verification. Null on rows whose details the caller may not read (a partner gets them for its own institution only). */
            verified: boolean | null;
            /** @description Send it back with the next PATCH; every accepted write raises it by exactly 1. */
            version: number;
            /**
             * @description An instant, ISO 8601 with offset (+08:00).
             * @example 2021-10-02T10:00:00.000+08:00
             */
            updatedAt: string;
            provinceCode: string;
        };
        /** @enum {string} */
        RolloutStatus: "NOT_STARTED" | "PLANNED" | "IN_PROGRESS" | "PILOT" | "LIVE" | "PAUSED";
        /** @description The version you last read, and the fields to change (left out: unchanged; null or "": cleared). `version` alone confirms the row as still accurate. Unknown fields are refused (422). */
        StatusPatch: {
            version: number;
            /** @enum {string} */
            status?: "NOT_STARTED" | "PLANNED" | "IN_PROGRESS" | "PILOT" | "LIVE" | "PAUSED";
            plannedDate?: string | null;
            liveDate?: string | null;
            evidenceUrl?: string | null;
            note?: string | null;
        };
        InstitutionStatusList: {
            items: components["schemas"]["InstitutionStatus"][];
        };
        InstitutionStatus: {
            code: string;
            name: string;
            nameEn: string;
            status: components["schemas"]["RolloutStatus"];
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            plannedDate: string | null;
            /**
             * @description A calendar date YYYY-MM-DD (Asia/Shanghai).
             * @example 2021-10-02
             */
            liveDate: string | null;
            /** @description Link to evidence of the status. Null on rows whose details the caller may not read (a partner gets them for its own institution only). */
            evidenceUrl: string | null;
            /** @description Free-text note. Null on rows whose details the caller may not read (a partner gets them for its own institution only). */
            note: string | null;
            /**
             * @description An instant, ISO 8601 with offset (+08:00).
             * @example 2021-10-02T10:00:00.000+08:00
             */
            lastConfirmedAt: string | null;
            /** @description False while a partner report awaits verification. Null on rows whose details the caller may not read (a partner gets them for its own institution only). */
            verified: boolean | null;
            /** @description Send it back with the next PATCH; every accepted write raises it by exactly 1. */
            version: number;
            /**
             * @description An instant, ISO 8601 with offset (+08:00).
             * @example 2021-10-02T10:00:00.000+08:00
             */
            updatedAt: string;
            /** @enum {string} */
            type: "STATE_OWNED_BANK" | "JOINT_STOCK_BANK" | "CITY_COMMERCIAL_BANK" | "RURAL_BANK" | "PAYMENT_INSTITUTION" | "DEVICE_WALLET";
        };
        HistoryPage: {
            items: components["schemas"]["HistoryEntry"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        HistoryEntry: {
            id: string;
            /**
             * @description An instant, ISO 8601 with offset (+08:00).
             * @example 2021-10-02T10:00:00.000+08:00
             */
            changedAt: string;
            /**
             * @description STATUS: the status moved; DETAILS: other fields only (e.g. a note); CONFIRM: confirmed unchanged; VERIFY: verified.
             * @enum {string}
             */
            kind: "STATUS" | "DETAILS" | "CONFIRM" | "VERIFY";
            /**
             * @description Role of the actor at the time; SYSTEM for seeded and imported facts without a person. Null on rows whose details the caller may not read (a partner gets them for its own institution only).
             * @enum {string|null}
             */
            actorKind: "ADMIN" | "PROGRAM_MANAGER" | "PARTNER" | "EXECUTIVE" | "SYSTEM" | null;
            /** @description Who made the change; null for the system. Null on rows whose details the caller may not read (a partner gets them for its own institution only). */
            actorName: string | null;
            entity: {
                /** @enum {string} */
                type: "CITY" | "INSTITUTION";
                code: string;
            };
            before: components["schemas"]["StatusSnapshot"];
            after: components["schemas"]["StatusSnapshot"];
            /** @enum {string} */
            source: "SEED" | "FORM" | "API" | "IMPORT";
            version: number;
        };
        /** @description The fields of the row a change recorded. `evidenceUrl`, `note` and `verified` are left out on rows whose details the caller may not read (a partner gets them for its own institution only). */
        StatusSnapshot: {
            status?: components["schemas"]["RolloutStatus"];
            plannedDate?: string | null;
            liveDate?: string | null;
            evidenceUrl?: string | null;
            note?: string | null;
            verified?: boolean;
            version?: number;
        } | null;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listPrograms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every program. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramList"];
                };
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCoverage: {
        parameters: {
            query?: {
                /** @description Coverage as of the end of this day; default today (Asia/Shanghai). */
                asOf?: string;
            };
            header?: {
                /** @description The `ETag` of an answer you kept: while the coverage is unchanged the answer is 304 without a body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description Program slug. */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Coverage, per province, and the projection. */
            200: {
                headers: {
                    /** @description Changes whenever the answer changes (a write to the program’s history); send it back in `If-None-Match`. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coverage"];
                };
            };
            /** @description Unchanged since the answer whose `ETag` was sent in `If-None-Match`. */
            304: {
                headers: {
                    /** @description Changes whenever the answer changes (a write to the program’s history); send it back in `If-None-Match`. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such program, city or institution in the program. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMatrix: {
        parameters: {
            query?: {
                /** @description The matrix as of the end of this day; default today (Asia/Shanghai). */
                asOf?: string;
                /** @description Which mode to draw; default CONSUMER_SCANS. */
                mode?: "CONSUMER_SCANS" | "MERCHANT_SCANS" | "ONLINE_CHECKOUT";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matrix. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Matrix"];
                };
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPortfolio: {
        parameters: {
            query?: {
                /** @description The portfolio as of the end of this day; default today (Asia/Shanghai). */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The portfolio. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Portfolio"];
                };
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCities: {
        parameters: {
            query?: {
                /** @description Two-digit province code, e.g. 44. */
                province?: string;
                status?: components["schemas"]["RolloutStatus"];
            };
            header?: never;
            path: {
                /** @description Program slug. */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cities with their status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CityStatusList"];
                };
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such program, city or institution in the program. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Program slug. */
                slug: string;
                /** @description GB/T 2260 city code (e.g. 4401) or institution code (e.g. ICBC). */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CityStatus"];
                };
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such program, city or institution in the program. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateCity: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any 1-255 visible ASCII characters, unique per logical write; a retry with the same key replays the first answer. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Program slug. */
                slug: string;
                /** @description GB/T 2260 city code (e.g. 4401) or institution code (e.g. ICBC). */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusPatch"];
            };
        };
        responses: {
            /** @description The updated item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CityStatus"];
                };
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the role may not do this (a partner writing outside its institution); audited. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such program, city or institution in the program. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT: `version` is stale; `details.current` is the item as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInstitutions: {
        parameters: {
            query?: {
                status?: components["schemas"]["RolloutStatus"];
                /** @description Institution type, e.g. STATE_OWNED_BANK. */
                type?: string;
            };
            header?: never;
            path: {
                /** @description Program slug. */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The institutions with their status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionStatusList"];
                };
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such program, city or institution in the program. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInstitution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Program slug. */
                slug: string;
                /** @description GB/T 2260 city code (e.g. 4401) or institution code (e.g. ICBC). */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionStatus"];
                };
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such program, city or institution in the program. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateInstitution: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any 1-255 visible ASCII characters, unique per logical write; a retry with the same key replays the first answer. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Program slug. */
                slug: string;
                /** @description GB/T 2260 city code (e.g. 4401) or institution code (e.g. ICBC). */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusPatch"];
            };
        };
        responses: {
            /** @description The updated item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstitutionStatus"];
                };
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the role may not do this (a partner writing outside its institution); audited. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such program, city or institution in the program. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT: `version` is stale; `details.current` is the item as it is now. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listHistory: {
        parameters: {
            query?: {
                /** @description Changes at or after this date (start of the Shanghai day) or instant. */
                from?: string;
                /** @description Changes at or before this date (end of the Shanghai day) or instant. */
                to?: string;
                /** @description Page size, 1-1000. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Program slug. */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of changes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPage"];
                };
            };
            /** @description UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such program, city or institution in the program. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
