/**
 * GENERATED from docs/openapi/coordinator.json by scripts/generate-api-types.ts
 * (openapi-typescript): do not edit. Run `npm run generate` after changing
 * the service's controllers or DTOs; scripts/generate-api-types.spec.ts fails
 * when this file is out of date.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: every part this service depends on (NATS, consumers, database) */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (messages published, consumed, acked, nak’d, dead-lettered, ...) */
        get: operations["MetricsController_metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a username and password
         * @description Answers a session token and sets the `icb_session` cookie (HttpOnly, SameSite=Strict). After 10 failed attempts in 15 minutes (counted across every coordinator instance) a username is refused with 429 for the rest of the window; a client address is also limited to SIGN_IN_RATE_LIMIT_PER_MINUTE attempts (default 20).
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends the session and clears the cookie */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in operator */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consultations matching filters, one page at a time */
        get: operations["ConsultationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One consultation in full, with its timeline (the event log in order) */
        get: operations["ConsultationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agencies/{agency}/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consultations awaiting an agency’s answer, its closest deadline first */
        get: operations["ConsultationsController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts by status, kind and precedence; open, overdue, escalated; the closest clocks */
        get: operations["ConsultationsController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The coordinator's time (DEV_CLOCK=true only) */
        get: operations["DevClockController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the coordinator’s time forward and fire the clocks that fall due (DEV_CLOCK=true only) */
        post: operations["DevClockController_advance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the hash chain of a consultation’s event log
         * @description Answers 200 whether or not the log checks out: read `ok`.
         */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/audit/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a consultation’s hash-chained event log, one page at a time
         * @description The entries exactly as stored and hashed, each agency position with the signature it carried (ADR 15), and the head the consultation records: `icb audit verify <id> --keys <registry>` re-computes the chain and checks every signature against the agencies’ public keys, without trusting this service. Only for readers cleared for the consultation’s marking.
         */
        get: operations["AuditController_log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live bus events as server-sent events
         * @description Each event: `id:` the envelope id, `event:` the message name, `data:` the CloudEvents envelope as JSON. An envelope marked above your clearance, or about a consultation classified above it (whatever its own marking), comes without `data` and `jws` and with `withheld: true`. A comment line every 15 s keeps the stream alive. Nothing is replayed.
         */
        get: operations["EventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dead-lettered messages, oldest first, with the reason and the original message
         * @description An entry that is not a dead-letter record (not JSON, or not shaped like one) is listed with `unreadable: true`, code `UNREADABLE_RECORD` and its raw body; the others are listed as usual.
         */
        get: operations["DeadLettersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters/{seq}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the original message again on its subject and remove the entry
         * @description What is published is the original as the events stream holds it: the entry must repeat that message byte for byte (and an agency’s message must carry that agency’s valid signature), or the replay is refused with 409 and the entry stays (ADR 15).
         */
        post: operations["DeadLettersController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters/{seq}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an entry without replaying it */
        delete: operations["DeadLettersController_discard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages/{eventId}/verdict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The coordinator’s verdict on one message: accepted (with the new status) or refused
         * @description Recorded when the coordinator judged the message, before it was acknowledged on the bus. An agency’s service account reads only the verdicts on its agency’s messages.
         */
        get: operations["VerdictsController_verdict"];
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
        LoginDto: {
            /** @example officer */
            username: string;
            /** Format: password */
            password: string;
        };
        OperatorDto: {
            username: string;
            name: string;
            roles: ("viewer" | "action-officer")[];
            /**
             * @description Content marked above it is withheld.
             * @enum {string}
             */
            clearance: "UNCLASSIFIED" | "CONFIDENTIAL" | "SECRET" | "TOP SECRET";
            /** @description A service account's agency. */
            agency?: string;
            /** @enum {string} */
            kind: "person" | "service";
        };
        SessionDto: {
            /** @description Session token: send it as `Authorization: Bearer <token>` (the response also sets the `icb_session` cookie). */
            token: string;
            /** Format: date-time */
            expiresAt: string;
            user: components["schemas"]["OperatorDto"];
        };
        ApiErrorDto: {
            /** @example 404 */
            statusCode: number;
            /** @example Not Found */
            error?: string;
            /**
             * @description A stable code for programs (the adapters’ errors and refusals).
             * @example REVIEW_NOT_FOUND
             */
            code?: string;
            /**
             * @description What went wrong; one line per problem for invalid parameters.
             * @example no consultation 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21
             */
            message: string | string[];
        };
        ConsultationSummaryDto: {
            /**
             * Format: uuid
             * @example 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21
             */
            id: string;
            /** @enum {string} */
            kind: "fms-case" | "security-cooperation" | "nonproliferation" | "arms-control" | "regional-security" | "technology-transfer";
            title: string;
            /** @enum {string} */
            status: "in-review" | "escalated" | "approved" | "denied" | "congressional-review" | "cleared-for-offer" | "disapproved" | "withdrawn";
            /** @enum {string} */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /**
             * @description Banner marking.
             * @example CUI//SP-EXPT//NOFORN
             */
            classification: string;
            /** @description Current revision (1 = as opened). */
            revision: number;
            /** @description Agencies whose answer is awaited. */
            pendingAgencies: ("state-pm" | "dod" | "nsc" | "cia" | "treasury")[];
            /**
             * Format: date-time
             * @description Earliest open review deadline.
             * @example 2026-03-02T14:30:00.000Z
             */
            nextDueAt: string | null;
            /** @description Calendar days (24 h, UTC) until `nextDueAt`, rounded up; negative when overdue (-1: less than a day). */
            daysLeft: number | null;
            /** @description A review is past its deadline. */
            overdue: boolean;
            /**
             * @description Level of the open escalation, if any.
             * @enum {string|null}
             */
            escalationLevel: "pcc" | "deputies" | "principals" | "nsc" | "operating-committee" | "acep" | "earb" | "president" | null;
            /**
             * @description Congressional notification step (FMS cases).
             * @enum {string|null}
             */
            congressStep: "awaiting-clearance" | "not-required" | "awaiting-informal" | "informal-review" | "formal-review" | "cleared-for-offer" | "waived" | "disapproved" | null;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            openedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            updatedAt: string;
            /** @description Present and true when the consultation is classified above your clearance: the title reads `[withheld]`. */
            withheld?: boolean;
        };
        ConsultationPageDto: {
            /** @description Matching consultations, over all pages. */
            total: number;
            offset: number;
            limit: number;
            items: components["schemas"]["ConsultationSummaryDto"][];
        };
        ReviewExtensionDto: {
            days: number;
            reason: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            grantedAt: string;
        };
        ReviewHoldDto: {
            reason: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            placedAt: string;
        };
        ReviewHoldRecordDto: {
            reason: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            placedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            releasedAt: string;
            releaseReason: string;
            pausedDays: number;
        };
        RuleRefDto: {
            id: string;
            /** @example EAA 1979 §10(e) */
            source: string;
        };
        ReviewWaiverDto: {
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            at: string;
            /** @enum {string} */
            by: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            rule: components["schemas"]["RuleRefDto"];
            citedRule: string;
            justification: string;
            eventId: string;
        };
        ReviewDto: {
            /** @enum {string} */
            agency: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            revision: number;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            requestedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            dueAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            acknowledgeBy?: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            acknowledgedAt?: string;
            extension?: components["schemas"]["ReviewExtensionDto"];
            hold?: components["schemas"]["ReviewHoldDto"];
            /** @enum {string} */
            state: "pending" | "answered" | "deemed" | "waived";
            /** @description Days the deadline moved for released holds. */
            pausedDays?: number;
            holdHistory?: components["schemas"]["ReviewHoldRecordDto"][];
            /** @description The action office proceeded without this agency. */
            waived?: components["schemas"]["ReviewWaiverDto"];
        };
        SignOffConditionDto: {
            id: string;
            text: string;
            /** @enum {string} */
            category?: "security" | "technology-security" | "end-use-monitoring" | "retransfer" | "reporting" | "other";
        };
        OfficerDto: {
            name: string;
            title: string;
        };
        SignOffRecordDto: {
            /** @enum {string} */
            agency: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            revision: number;
            /** @enum {string} */
            decision: "concur" | "concur-with-conditions" | "non-concur" | "no-equity";
            conditions?: components["schemas"]["SignOffConditionDto"][];
            rationale?: string;
            officer?: components["schemas"]["OfficerDto"];
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            submittedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            recordedAt: string;
            eventId: string;
            /** @enum {string} */
            basis: "submitted" | "deemed-concurrence";
            rule?: components["schemas"]["RuleRefDto"];
        };
        ConditionRemovalDto: {
            justification: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            requestedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            answeredAt?: string;
            agreed?: boolean;
            comment?: string;
        };
        ConditionRecordDto: {
            id: string;
            text: string;
            /** @enum {string} */
            category?: "security" | "technology-security" | "end-use-monitoring" | "retransfer" | "reporting" | "other";
            /**
             * @description The agency that imposed it.
             * @enum {string}
             */
            agency: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            revision: number;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            imposedAt: string;
            /** @enum {string} */
            status: "active" | "removal-requested" | "removed" | "retained" | "superseded";
            removal?: components["schemas"]["ConditionRemovalDto"];
        };
        ClockRecordDto: {
            id: string;
            /** @enum {string} */
            kind: "acknowledgement" | "review" | "escalation" | "condition-removal" | "reminder" | "congress-review";
            /** @enum {string} */
            agency?: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            revision: number;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            dueAt: string;
            /**
             * Format: date-time
             * @description Set once the clock fired.
             * @example 2026-03-02T14:30:00.000Z
             */
            firedAt?: string;
            /**
             * Format: date-time
             * @description For a reminder: the deadline it reminds of.
             * @example 2026-03-02T14:30:00.000Z
             */
            remindsOf?: string;
        };
        EscalationStepDto: {
            /** @enum {string} */
            level: "pcc" | "deputies" | "principals" | "nsc" | "operating-committee" | "acep" | "earb" | "president";
            chair: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            raisedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            dueAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            decidedAt?: string;
            /** @enum {string} */
            outcome?: "approve" | "deny" | "refer-up" | "remand";
            rationale?: string;
            decidedBy?: string;
        };
        EscalationStateDto: {
            /** @enum {string} */
            ladder: "nsc" | "licensing";
            /**
             * @description The level the matter is at.
             * @enum {string}
             */
            level: "pcc" | "deputies" | "principals" | "nsc" | "operating-committee" | "acep" | "earb" | "president";
            /** @enum {string} */
            cause: "non-concur" | "missed-deadline" | "missed-acknowledgement" | "referral";
            /** @enum {string} */
            agency?: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            reason: string;
            /** @description Every level reached, oldest first. */
            history: components["schemas"]["EscalationStepDto"][];
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            resolvedAt?: string;
            /** @enum {string} */
            outcome?: "approve" | "deny" | "refer-up" | "remand";
            /**
             * Format: date-time
             * @description An amendment re-opened review while escalated.
             * @example 2026-03-02T14:30:00.000Z
             */
            supersededAt?: string;
            /** @description Earlier escalations of this consultation, oldest first. */
            earlier?: components["schemas"]["EscalationStateDto"][];
        };
        CongressHoldDto: {
            holdId: string;
            /** @enum {string} */
            committee: "SFRC" | "HFAC";
            member?: string;
            note: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            placedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            liftedAt?: string;
        };
        CongressWaiverDto: {
            justification: string;
            /**
             * Format: date-time
             * @description The date of the certification, as State gave it.
             * @example 2026-03-02T14:30:00.000Z
             */
            certifiedAt: string;
            /**
             * Format: date-time
             * @description When the coordinator recorded it.
             * @example 2026-03-02T14:30:00.000Z
             */
            recordedAt?: string;
        };
        CongressDisapprovalDto: {
            resolution: string;
            /**
             * Format: date-time
             * @description The date of enactment, as State gave it.
             * @example 2026-03-02T14:30:00.000Z
             */
            enactedAt: string;
            /**
             * Format: date-time
             * @description When the coordinator recorded it.
             * @example 2026-03-02T14:30:00.000Z
             */
            recordedAt?: string;
        };
        CongressStateDto: {
            required: boolean;
            countryGroup: string;
            reviewDays: number;
            /** @enum {string} */
            step: "awaiting-clearance" | "not-required" | "awaiting-informal" | "informal-review" | "formal-review" | "cleared-for-offer" | "waived" | "disapproved";
            committees?: ("SFRC" | "HFAC")[];
            /**
             * Format: date-time
             * @description When the coordinator recorded the informal notice; the tiered review runs from it.
             * @example 2026-03-02T14:30:00.000Z
             */
            informalAt?: string;
            /**
             * Format: date-time
             * @description The date State gave the informal notice (information only).
             * @example 2026-03-02T14:30:00.000Z
             */
            informalSentAt?: string;
            holds: components["schemas"]["CongressHoldDto"][];
            /**
             * Format: date-time
             * @description When the coordinator recorded the formal notice; the statutory review runs from it.
             * @example 2026-03-02T14:30:00.000Z
             */
            formalAt?: string;
            /**
             * Format: date-time
             * @description The date State gave the formal notice (information only; it never shortens the review).
             * @example 2026-03-02T14:30:00.000Z
             */
            formalSentAt?: string;
            transmittalNumber?: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            reviewEndsAt?: string;
            waiver?: components["schemas"]["CongressWaiverDto"];
            disapproval?: components["schemas"]["CongressDisapprovalDto"];
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            clearedAt?: string;
            /** @enum {string} */
            basis?: "review-period-ended" | "emergency-waiver" | "below-threshold";
            triggeredBy?: ("major-defense-equipment" | "defense-articles-services" | "design-construction")[];
            source?: string;
        };
        ScreenedListDto: {
            name: string;
            /** Format: date */
            versionDate: string;
        };
        ScreeningMatchDto: {
            partyName: string;
            listEntryUid: string;
            listEntryName: string;
            /** @enum {string} */
            basis: "direct" | "ownership-50";
            ownershipPercent?: number;
        };
        ScreeningRecordDto: {
            screeningId?: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            screenedAt?: string;
            list: components["schemas"]["ScreenedListDto"];
            /** @enum {string} */
            result: "clear" | "hit";
            partiesScreened: number;
            matches: components["schemas"]["ScreeningMatchDto"][];
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            recordedAt: string;
            eventId: string;
        };
        AssessmentRecordDto: {
            assessmentId: string;
            title: string;
            classification: string;
            /** @enum {string} */
            originator: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            orcon: boolean;
            noforn: boolean;
            approvedRecipients: ("state-pm" | "dod" | "nsc" | "cia" | "treasury")[];
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            sharedAt: string;
        };
        DecisionDto: {
            /** @enum {string} */
            outcome: "approved" | "denied";
            /** @enum {string} */
            basis: "unanimous-concurrence" | "deemed-concurrence" | "escalation" | "proceeded-without-clearance";
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            decidedAt: string;
            rationale?: string;
        };
        TimelineSignatureDto: {
            /**
             * @description The agency key that signed it.
             * @example dod-2026-01
             */
            kid: string;
            /**
             * @description Verified by the coordinator when the message arrived (an unverified message is never applied); `icb audit verify --keys` checks it again from the exported log.
             * @enum {boolean}
             */
            verified: true;
            /**
             * Format: date-time
             * @description When the bus stored the message: the key was effective then.
             * @example 2026-03-02T14:30:00.000Z
             */
            receivedAt: string;
        };
        TimelineEntryDto: {
            /** @description 1, 2, 3, … in the order recorded. */
            seq: number;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            at: string;
            /** @example signoff.submitted */
            type: string;
            /**
             * @description The party, `coordinator` or `clock`.
             * @example dod
             */
            actor: string;
            summary: string;
            /** @description The event recorded, or the cause of a note. */
            eventId: string;
            data?: {
                [key: string]: unknown;
            };
            /** @description On an agency’s position: the signature it carried, verified. */
            signature?: components["schemas"]["TimelineSignatureDto"];
        };
        ConsultationDetailDto: {
            /**
             * Format: uuid
             * @example 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21
             */
            id: string;
            /** @enum {string} */
            kind: "fms-case" | "security-cooperation" | "nonproliferation" | "arms-control" | "regional-security" | "technology-transfer";
            /** @example PM/DS */
            actionOffice: string;
            title: string;
            summary: string;
            /** @description Country, values, items and parties (the `ConsultationAttributesV1` contract). */
            attributes: {
                [key: string]: unknown;
            };
            /** @example CUI//SP-EXPT//NOFORN */
            classification: string;
            /** @enum {string} */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /** @description Requester’s reference, e.g. the Letter of Request number. */
            reference?: string;
            /** @enum {string} */
            status: "in-review" | "escalated" | "approved" | "denied" | "congressional-review" | "cleared-for-offer" | "disapproved" | "withdrawn";
            revision: number;
            /** @description Agencies that must clear. */
            clearers: ("state-pm" | "dod" | "nsc" | "cia" | "treasury")[];
            /** @description The current revision’s reviews, one per clearer. */
            reviews: components["schemas"]["ReviewDto"][];
            /** @description Reviews of earlier revisions, replaced by an amendment or a remand (oldest first). */
            earlierReviews?: components["schemas"]["ReviewDto"][];
            /** @description Every sign-off, for every revision. */
            signOffs: components["schemas"]["SignOffRecordDto"][];
            conditions: components["schemas"]["ConditionRecordDto"][];
            clocks: components["schemas"]["ClockRecordDto"][];
            escalation?: components["schemas"]["EscalationStateDto"];
            /** @description AECA §36(b) notification (FMS cases). */
            congress?: components["schemas"]["CongressStateDto"];
            screenings: components["schemas"]["ScreeningRecordDto"][];
            assessments: components["schemas"]["AssessmentRecordDto"][];
            decision?: components["schemas"]["DecisionDto"];
            pendingAgencies: ("state-pm" | "dod" | "nsc" | "cia" | "treasury")[];
            /**
             * Format: date-time
             * @description Earliest open review deadline.
             * @example 2026-03-02T14:30:00.000Z
             */
            nextDueAt?: string;
            /**
             * Format: date-time
             * @description Earliest unfired clock.
             * @example 2026-03-02T14:30:00.000Z
             */
            nextClockAt?: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            openedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            updatedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            closedAt?: string;
            /** @description Incremented by every change. */
            version: number;
            /** @description The event log, in order. */
            timeline: components["schemas"]["TimelineEntryDto"][];
        };
        WithheldConsultationDto: {
            /**
             * Format: uuid
             * @example 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21
             */
            id: string;
            /** @enum {string} */
            kind: "fms-case" | "security-cooperation" | "nonproliferation" | "arms-control" | "regional-security" | "technology-transfer";
            title: string;
            /** @enum {string} */
            status: "in-review" | "escalated" | "approved" | "denied" | "congressional-review" | "cleared-for-offer" | "disapproved" | "withdrawn";
            /** @enum {string} */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /**
             * @description Banner marking.
             * @example CUI//SP-EXPT//NOFORN
             */
            classification: string;
            /** @description Current revision (1 = as opened). */
            revision: number;
            /** @description Agencies whose answer is awaited. */
            pendingAgencies: ("state-pm" | "dod" | "nsc" | "cia" | "treasury")[];
            /**
             * Format: date-time
             * @description Earliest open review deadline.
             * @example 2026-03-02T14:30:00.000Z
             */
            nextDueAt: string | null;
            /** @description Calendar days (24 h, UTC) until `nextDueAt`, rounded up; negative when overdue (-1: less than a day). */
            daysLeft: number | null;
            /** @description A review is past its deadline. */
            overdue: boolean;
            /**
             * @description Level of the open escalation, if any.
             * @enum {string|null}
             */
            escalationLevel: "pcc" | "deputies" | "principals" | "nsc" | "operating-committee" | "acep" | "earb" | "president" | null;
            /**
             * @description Congressional notification step (FMS cases).
             * @enum {string|null}
             */
            congressStep: "awaiting-clearance" | "not-required" | "awaiting-informal" | "informal-review" | "formal-review" | "cleared-for-offer" | "waived" | "disapproved" | null;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            openedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            updatedAt: string;
            /**
             * @description Present and true when the consultation is classified above your clearance: the title reads `[withheld]`.
             * @enum {boolean}
             */
            withheld: true;
            timeline: components["schemas"]["TimelineEntryDto"][];
        };
        AgencyReviewDto: {
            revision: number;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            requestedAt: string;
            /**
             * Format: date-time
             * @description This agency’s deadline (holds and extension included).
             * @example 2026-03-02T14:30:00.000Z
             */
            dueAt: string;
            /** @description Calendar days until `dueAt`; negative when overdue. */
            daysLeft: number;
            overdue: boolean;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            acknowledgeBy?: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            acknowledgedAt?: string;
            /** @description Open hold: the clock is stopped. */
            hold?: components["schemas"]["ReviewHoldDto"];
            extension?: components["schemas"]["ReviewExtensionDto"];
        };
        AgencyQueueItemDto: {
            /**
             * Format: uuid
             * @example 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21
             */
            id: string;
            /** @enum {string} */
            kind: "fms-case" | "security-cooperation" | "nonproliferation" | "arms-control" | "regional-security" | "technology-transfer";
            title: string;
            /** @enum {string} */
            status: "in-review" | "escalated" | "approved" | "denied" | "congressional-review" | "cleared-for-offer" | "disapproved" | "withdrawn";
            /** @enum {string} */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /**
             * @description Banner marking.
             * @example CUI//SP-EXPT//NOFORN
             */
            classification: string;
            /** @description Current revision (1 = as opened). */
            revision: number;
            /** @description Agencies whose answer is awaited. */
            pendingAgencies: ("state-pm" | "dod" | "nsc" | "cia" | "treasury")[];
            /**
             * Format: date-time
             * @description Earliest open review deadline.
             * @example 2026-03-02T14:30:00.000Z
             */
            nextDueAt: string | null;
            /** @description Calendar days (24 h, UTC) until `nextDueAt`, rounded up; negative when overdue (-1: less than a day). */
            daysLeft: number | null;
            /** @description A review is past its deadline. */
            overdue: boolean;
            /**
             * @description Level of the open escalation, if any.
             * @enum {string|null}
             */
            escalationLevel: "pcc" | "deputies" | "principals" | "nsc" | "operating-committee" | "acep" | "earb" | "president" | null;
            /**
             * @description Congressional notification step (FMS cases).
             * @enum {string|null}
             */
            congressStep: "awaiting-clearance" | "not-required" | "awaiting-informal" | "informal-review" | "formal-review" | "cleared-for-offer" | "waived" | "disapproved" | null;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            openedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            updatedAt: string;
            /** @description Present and true when the consultation is classified above your clearance: the title reads `[withheld]`. */
            withheld?: boolean;
            review: components["schemas"]["AgencyReviewDto"];
        };
        AgencyQueueDto: {
            /** @enum {string} */
            agency: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            total: number;
            offset: number;
            limit: number;
            /** @description Closest deadline (this agency’s) first. */
            items: components["schemas"]["AgencyQueueItemDto"][];
        };
        UpcomingClockDto: {
            /**
             * Format: uuid
             * @example 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21
             */
            consultationId: string;
            title: string;
            /**
             * @description The agency the clock runs for, if any.
             * @enum {string|null}
             */
            agency: "state-pm" | "dod" | "nsc" | "cia" | "treasury" | null;
            /**
             * @description What runs out.
             * @enum {string}
             */
            kind: "acknowledgement" | "review" | "escalation" | "condition-removal" | "reminder" | "congress-review";
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            dueAt: string;
            /** @description The consultation's banner marking. */
            classification: string;
            /** @description True when the title is withheld. */
            withheld?: boolean;
        };
        ConsultationStatsDto: {
            /**
             * Format: date-time
             * @description The time the figures were computed at.
             * @example 2026-03-02T14:30:00.000Z
             */
            asOf: string;
            /**
             * @description Every status, with 0 for none.
             * @example {
             *       "in-review": 3
             *     }
             */
            byStatus: {
                [key: string]: number;
            };
            /**
             * @description Every kind, with 0 for none.
             * @example {
             *       "fms-case": 2
             *     }
             */
            byKind: {
                [key: string]: number;
            };
            /**
             * @description Every precedence, with 0 for none.
             * @example {
             *       "FLASH": 1
             *     }
             */
            byPrecedence: {
                [key: string]: number;
            };
            /** @description Open consultations (in review, escalated, or in congressional review). */
            open: number;
            /** @description Consultations with a review past its deadline. */
            overdue: number;
            /** @description Consultations with an escalation not yet resolved. */
            escalated: number;
            /** @description The 10 unfired clocks (reminders excepted) closest to running out, soonest first. */
            closestClocks: components["schemas"]["UpcomingClockDto"][];
        };
        DevClockDto: {
            /**
             * @description The coordinator's current time
             * @example 2026-03-02T14:00:00.000Z
             */
            now: string;
            /** @description How far ahead of the system clock it runs (ms) */
            offsetMs: number;
            /** @description Consultations changed by the clocks that fell due */
            fired?: number;
        };
        AdvanceClockDto: {
            /** @example 30 */
            days?: number;
            hours?: number;
            minutes?: number;
        };
        AuditVerificationDto: {
            /** @description The log is complete and unaltered. */
            ok: boolean;
            /** @description Entries found in the log. */
            entries: number;
            /** @description When ok: the hash of the last entry. */
            head?: string;
            /** @description When not ok: the first sequence number that does not check out. */
            firstBadSeq?: number;
            /**
             * @description When not ok: what is wrong there.
             * @enum {string}
             */
            problem?: "altered" | "removed" | "reordered" | "truncated";
            /** @description When not ok: a sentence for the operator. */
            detail?: string;
        };
        LoggedSignatureDto: {
            /** @description The agency key that signed the message. */
            kid: string;
            /** @description The detached compact JWS (RFC 7515 Appendix F, alg EdDSA) the message carried. */
            jws: string;
            /**
             * Format: date-time
             * @description When the bus stored the message.
             */
            receivedAt: string;
            /** @description The envelope’s attributes without `data` and `jws`: with the entry’s `data` and this `jws` put back, its RFC 8785 canonical form without `jws` is what the JWS signs. */
            envelope: {
                [key: string]: unknown;
            };
        };
        AuditLogEntryDto: {
            /** Format: uuid */
            consultationId: string;
            /** @description 1, 2, 3, … with no gaps. */
            seq: number;
            eventId: string;
            type: string;
            actor: string;
            summary: string;
            at: string;
            data?: {
                [key: string]: unknown;
            };
            signature?: components["schemas"]["LoggedSignatureDto"];
            /** @description The previous entry’s hash (64 zeros for the first). */
            prevHash: string;
            /** @description SHA-256 over `prevHash` and the canonical JSON of the rest of the entry. */
            hash: string;
        };
        AuditLogPageDto: {
            /** Format: uuid */
            consultationId: string;
            /** @description The last entry the consultation records: the log must end there. */
            head?: {
                seq: number;
                hash: string;
            };
            entries: components["schemas"]["AuditLogEntryDto"][];
            /** @description When more entries follow: the `after` of the next page. */
            next?: number;
        };
        DeadLetterRecordDto: {
            /**
             * @description Why: INVALID_MESSAGE, MALFORMED_JSON, INVALID_UTF8, TOO_DEEP, CONTROL_CHARACTER, UNKNOWN_SUBJECT, PUBLISHER_NOT_ALLOWED, SOURCE_MISMATCH, IMPLAUSIBLE_TIME, AGENCY_MISMATCH, EVENT_ID_CONFLICT, MAX_DELIVERIES, ...; UNREADABLE_RECORD for an entry that is no record
             * @example INVALID_MESSAGE
             */
            code: string;
            reason: string;
            /** @description Validation errors, path and message */
            errors?: string[];
            /** @description Subject the message was published on */
            subject: string;
            consumer: string;
            stream: string;
            streamSequence: number;
            deliveryCount: number;
            /** @description Envelope id, when the body could be read */
            eventId?: string;
            headers: {
                [key: string]: string[];
            };
            /** @description The original body; `[withheld]` (and so are `reason` and `errors`, which may quote it) when it is meant for its addressee alone, when its marking or its consultation’s is above your clearance, or when it is unmarked or unreadable and you are not cleared TOP SECRET */
            data: string;
            /** @description True when `data`, `reason` and `errors` are withheld */
            withheld?: boolean;
            /** @enum {string} */
            encoding: "utf8" | "base64";
            deadLetteredAt: string;
        };
        DeadLetterEntryDto: {
            /** @description Sequence in the dead-letter stream: the id to replay or discard it by */
            seq: number;
            record: components["schemas"]["DeadLetterRecordDto"];
            /** @description True when the stored entry is not a dead-letter record: `record` describes it and holds its raw body; discard it, it cannot be replayed */
            unreadable?: boolean;
        };
        DeadLetterListDto: {
            /** @description Entries in the dead-letter stream */
            total: number;
            items: components["schemas"]["DeadLetterEntryDto"][];
        };
        ReplayResultDto: {
            seq: number;
            /** @description Subject it was published on again */
            subject: string;
            /** @description Its new sequence in the events stream */
            streamSequence: number;
        };
        VerdictConsultationDto: {
            /** @example in-review */
            status: string;
            revision: number;
            /** @description The consultation’s version once the message was judged. */
            version: number;
        };
        MessageVerdictDto: {
            /**
             * Format: uuid
             * @description The envelope id of the message judged.
             */
            eventId: string;
            /** @example signoff.submitted */
            message: string;
            /**
             * @description Who published it.
             * @enum {string}
             */
            party: "state-pm" | "dod" | "nsc" | "cia" | "treasury" | "coordinator";
            /** Format: uuid */
            consultationId: string;
            /**
             * @description `accepted` (applied, or already in effect) or `refused`.
             * @enum {string}
             */
            outcome: "accepted" | "refused";
            /** @description False when it changed nothing: refused, or what it asked for was already so. */
            changed: boolean;
            /**
             * @description The refusal’s code; when accepted without a change, why nothing changed.
             * @example STALE_REVISION
             */
            code?: string;
            /** @description The refusal’s sentence (`[withheld]` above your clearance). */
            reason?: string;
            /** @description The consultation as the verdict left it (absent when refused before it was read). */
            consultation?: components["schemas"]["VerdictConsultationDto"];
            /** Format: date-time */
            decidedAt: string;
            /** @description The reason is above your clearance. */
            withheld?: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description All parts are up
             *
             *     The Health Check is successful
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /**
             * @description At least one part is down; the body says which
             *
             *     The Health Check is not successful
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    } | components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MetricsController_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Invalid parameters or body: `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Wrong username or password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The body is JSON in a charset other than UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The username is locked out (10 failures in 15 minutes, on any coordinator instance), or this client address sent more sign-ins than SIGN_IN_RATE_LIMIT_PER_MINUTE. Retry-After says when to try again. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The shared table of failed sign-ins (NATS KV) cannot be reached: sign-in fails closed. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ConsultationsController_list: {
        parameters: {
            query?: {
                /** @description How many items to skip. */
                offset?: number;
                /** @description Page size. */
                limit?: number;
                /** @description Statuses to include: comma-separated (`in-review,escalated`) or repeated. */
                status?: ("in-review" | "escalated" | "approved" | "denied" | "congressional-review" | "cleared-for-offer" | "disapproved" | "withdrawn")[];
                /** @description Kinds to include: comma-separated or repeated. */
                kind?: ("fms-case" | "security-cooperation" | "nonproliferation" | "arms-control" | "regional-security" | "technology-transfer")[];
                /** @description Precedences to include: comma-separated or repeated. */
                precedence?: ("FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE")[];
                /** @description Only consultations still awaiting this agency’s answer. */
                pendingAgency?: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
                /** @description `true`: only consultations with a review past its deadline. */
                overdue?: boolean;
                /** @description Case-insensitive text searched in title, summary, reference and id; in a consultation classified above your clearance, in its id alone (a search never matches what is withheld from you). */
                q?: string;
                /** @description `precedence` sorts FLASH first in ascending order. Consultations without a deadline sort before the others by `nextDueAt` ascending. */
                sort?: "updatedAt" | "openedAt" | "nextDueAt" | "precedence";
                /** @description Default: `asc` for `nextDueAt` and `precedence`, `desc` otherwise. */
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationPageDto"];
                };
            };
            /** @description Invalid parameters; `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ConsultationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The consultation; when it is classified above your clearance, only what may be said of it (`withheld: true`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationDetailDto"] | components["schemas"]["WithheldConsultationDto"];
                };
            };
            /** @description Invalid parameters; `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No consultation with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ConsultationsController_queue: {
        parameters: {
            query?: {
                /** @description How many items to skip. */
                offset?: number;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path: {
                agency: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyQueueDto"];
                };
            };
            /** @description Invalid parameters; `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ConsultationsController_stats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationStatsDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DevClockController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevClockDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description DEV_CLOCK is off */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DevClockController_advance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdvanceClockDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevClockDto"];
                };
            };
            /** @description Invalid parameters or body: `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Action officers only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description DEV_CLOCK is off */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The body is JSON in a charset other than UTF-8. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerificationDto"];
                };
            };
            /** @description The id is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No consultation with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuditController_log: {
        parameters: {
            query?: {
                /** @description Entries after this sequence number (the last of the previous page; 0 from the start). */
                after?: number;
                /** @description Most entries in the page. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogPageDto"];
                };
            };
            /** @description Invalid id or parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The consultation is classified above your clearance. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No consultation with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    EventsController_stream: {
        parameters: {
            query?: {
                /** @description Only events about this consultation. */
                consultationId?: string;
                /** @description Only messages whose name starts with this (`signoff.`, `consultation.status-changed`). */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A stream of events (text/event-stream). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DeadLettersController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only entries of this durable consumer (e.g. coordinator) */
                consumer?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterListDto"];
                };
            };
            /** @description Invalid parameters or body: `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DeadLettersController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The entry’s sequence number in the dead-letter stream. */
                seq: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayResultDto"];
                };
            };
            /** @description Invalid parameters or body: `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Action officers only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such entry */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not the copy of a message the bus stored (`DEAD_LETTER_NOT_ORIGINAL`), its original is gone (`DEAD_LETTER_ORIGINAL_GONE`), or its publisher’s signature does not check out (`DEAD_LETTER_SIGNATURE_REFUSED`): nothing is published. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The entry is not a dead-letter record (`unreadable`): discard it instead */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DeadLettersController_discard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The entry’s sequence number in the dead-letter stream. */
                seq: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid parameters or body: `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Action officers only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such entry */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    VerdictsController_verdict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The envelope id of the message. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageVerdictDto"];
                };
            };
            /** @description Not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in: no valid session, API token, or username and password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No verdict (yet): the coordinator has not judged such a message (it may still be on its way), or forgot it after 30 days. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many failed sign-ins for this username: refused for the rest of the window. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
}
