/**
 * GENERATED from docs/openapi/nsc-adapter.json by scripts/generate-api-types.ts
 * (openapi-typescript): do not edit. Run `npm run generate` after changing
 * the service's controllers or DTOs; scripts/generate-api-types.spec.ts fails
 * when this file is out of date.
 */

export interface paths {
    "/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open escalations (consultations with status escalated) */
        get: operations["EscalationsController_open"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/escalations/{consultationId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the chair’s decision at the current level (escalation.decided)
         * @description A 409 without `verdict` (`NOT_ESCALATED`) is NSC’s own check: the consultation is not escalated.
         */
        post: operations["EscalationsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an access token (OAuth2 client credentials, RFC 6749 §4.4)
         * @description Client authentication with HTTP Basic (client id and secret). Answers a JWT for this adapter, valid for `expires_in` seconds. Errors carry the OAuth2 `error` code (`invalid_request`, `invalid_client`, `unsupported_grant_type`, `invalid_scope`). Not served (404) where the agency’s identity provider issues the tokens.
         */
        post: operations["TokenController_token"];
        delete?: never;
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
         * The coordinator’s verdict on a message this agency published (a status URL)
         * @description `accepted` (with the consultation’s new status, revision and version), `refused` (with the code and sentence), or `pending`: no verdict yet (the coordinator has not judged it, or no such message of this agency’s exists).
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
    "/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reviews awaiting this agency, its closest deadline first */
        get: operations["ReviewsController_pending"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/{consultationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One consultation as this agency may see it (its own review only) */
        get: operations["ReviewsController_review"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/{consultationId}/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign off (signoff.submitted), on the current revision by default
         * @description A 409 without `verdict` is the agency’s own rule (DoD: no concurrence while it holds its review). The signing officer is the one the access token names (`officer` claim), never the body: 403 `OFFICER_REQUIRED` when it names none.
         */
        post: operations["ReviewsController_signOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/{consultationId}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge receipt of the review request (review.acknowledged) */
        post: operations["ReviewsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/{consultationId}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hold the review open (review.hold-placed) */
        post: operations["ReviewsController_placeHold"];
        /** Release the hold (review.hold-released) */
        delete: operations["ReviewsController_releaseHold"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/{consultationId}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for more days (clock.extension-requested) */
        post: operations["ReviewsController_requestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/{consultationId}/conditions/{conditionId}/removal-answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the action office’s request to drop a condition this agency imposed (condition.removal-answered)
         * @description `agreed: true` drops the condition, `false` keeps it; the comment is recorded either way. The coordinator refuses an answer nobody asked for (`NO_REMOVAL_REQUESTED`).
         */
        post: operations["ReviewsController_answerConditionRemoval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This agency’s subscriptions, oldest first (without secrets) */
        get: operations["WebhookSubscriptionsController_list"];
        put?: never;
        /** Subscribe an endpoint; the answer carries its secret, shown once */
        post: operations["WebhookSubscriptionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a subscription */
        delete: operations["WebhookSubscriptionsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription’s delivery attempts, newest first */
        get: operations["WebhookSubscriptionsController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/{consultationId}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assessments released to this agency (with content), and the metadata of those that were not */
        get: operations["AssessmentsController_list"];
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
        OpenEscalationDto: {
            /**
             * Format: uuid
             * @description Consultation id.
             */
            id: string;
            /** @enum {string} */
            kind: "fms-case" | "security-cooperation" | "nonproliferation" | "arms-control" | "regional-security" | "technology-transfer";
            title: string;
            /** @enum {string|null} */
            ladder: "nsc" | "licensing" | null;
            /**
             * @description The level it is at.
             * @enum {string|null}
             */
            level: "pcc" | "deputies" | "principals" | "nsc" | "operating-committee" | "acep" | "earb" | "president" | null;
            /** @enum {string} */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /** @description Banner marking. */
            classification: string;
            revision: number;
            /** Format: date-time */
            openedAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        OpenEscalationListDto: {
            total: number;
            items: components["schemas"]["OpenEscalationDto"][];
        };
        EscalationDecisionBodyDto: {
            /** @enum {string} */
            outcome: "approve" | "deny" | "refer-up" | "remand";
            rationale: string;
            /** @example NSC Senior Director */
            chair: string;
        };
        VerdictConsultationDto: {
            /** @example in-review */
            status: string;
            revision: number;
            /** @description The consultation’s version once the message was judged. */
            version: number;
        };
        VerdictDto: {
            /**
             * @description `accepted`: the coordinator applied it (or it was already in effect: `changed: false`). `refused`: it did not, for `code`/`reason`. `pending`: no verdict yet; read `statusUrl` later.
             * @enum {string}
             */
            outcome: "accepted" | "refused" | "pending";
            /**
             * Format: uuid
             * @description The event put on the bus.
             */
            eventId: string;
            /**
             * @description The message; always set in an answer, at the status URL once judged.
             * @example signoff.submitted
             */
            message?: string;
            /**
             * Format: uuid
             * @description The consultation; always set in an answer, at the status URL once judged.
             */
            consultationId?: string;
            /**
             * @description Where this adapter answers the verdict later (GET; also the `Location` of a 202).
             * @example /messages/0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21/verdict
             */
            statusUrl: string;
            /** @description Once judged: false when it changed nothing (refused, or already so). */
            changed?: boolean;
            /**
             * @description The refusal’s code; accepted without a change, why nothing changed.
             * @example STALE_REVISION
             */
            code?: string;
            /** @description The refusal’s sentence. */
            reason?: string;
            /** @description The consultation as the verdict left it: its new status, revision and version. */
            consultation?: components["schemas"]["VerdictConsultationDto"];
            /**
             * Format: date-time
             * @description When it was judged.
             */
            decidedAt?: string;
        };
        DecisionAcceptedDto: {
            /** Format: uuid */
            consultationId: string;
            /**
             * Format: uuid
             * @description The `escalation.decided` event put on the bus.
             */
            eventId: string;
            /**
             * @description The ladder decided on (current).
             * @enum {string}
             */
            ladder: "nsc" | "licensing";
            /**
             * @description The level decided at (current).
             * @enum {string}
             */
            level: "pcc" | "deputies" | "principals" | "nsc" | "operating-committee" | "acep" | "earb" | "president";
            /** @description The coordinator’s verdict: `accepted` (with the consultation’s new status) or, when it did not come in time, `pending` with its `statusUrl`. */
            verdict: components["schemas"]["VerdictDto"];
        };
        RefusalDto: {
            /** @example 409 */
            statusCode: number;
            /** @example Conflict */
            error: string;
            /**
             * @description The refusal’s code.
             * @example STALE_REVISION
             */
            code: string;
            /**
             * @description The refusal’s sentence.
             * @example revision 1 is not the current revision 2
             */
            message: string;
            /** @description The verdict in full (`outcome: refused`). */
            verdict: components["schemas"]["VerdictDto"];
        };
        AccessTokenResponseDto: {
            /** @description The access token (a JWT): send it as `Authorization: Bearer`. */
            access_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            /**
             * @description Seconds until it expires.
             * @example 900
             */
            expires_in: number;
            /** @description The scopes granted, space-separated. */
            scope: string;
        };
        ReviewHoldDto: {
            reason: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            placedAt: string;
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
        PendingReviewDto: {
            /**
             * Format: uuid
             * @description Consultation id.
             * @example 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21
             */
            id: string;
            /** @description `[withheld]` when marked above AGENCY_CLEARANCE. */
            title: string;
            /** @description True when the consultation is marked above the adapter’s AGENCY_CLEARANCE: its title and reasons read `[withheld]`. */
            withheld?: boolean;
            /** @enum {string} */
            kind: "fms-case" | "security-cooperation" | "nonproliferation" | "arms-control" | "regional-security" | "technology-transfer";
            /** @description The revision under review. */
            revision: number;
            /**
             * Format: date-time
             * @description This agency’s deadline (holds and extension included).
             * @example 2026-03-02T14:30:00.000Z
             */
            dueAt: string;
            /** @description Calendar days until `dueAt`, rounded up; negative when overdue. */
            daysLeft: number;
            overdue: boolean;
            /**
             * Format: date-time
             * @description Receipt must be acknowledged by then.
             * @example 2026-03-02T14:30:00.000Z
             */
            acknowledgeBy?: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            acknowledgedAt?: string;
            /** @enum {string} */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /**
             * @description Banner marking.
             * @example CUI//SP-EXPT//NOFORN
             */
            classification: string;
            /** @description Open hold: the clock is stopped. */
            hold?: components["schemas"]["ReviewHoldDto"];
            extension?: components["schemas"]["ReviewExtensionDto"];
        };
        PendingReviewListDto: {
            /** @enum {string} */
            agency: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            total: number;
            /** @description Closest deadline first. */
            items: components["schemas"]["PendingReviewDto"][];
        };
        AgencyReviewDto: {
            revision: number;
            /**
             * @description pending, answered, deemed or waived.
             * @example pending
             */
            state: string;
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
            hold?: components["schemas"]["ReviewHoldDto"];
            extension?: components["schemas"]["ReviewExtensionDto"];
        };
        SignOffConditionViewDto: {
            id: string;
            text: string;
            /** @enum {string} */
            category?: "security" | "technology-security" | "end-use-monitoring" | "retransfer" | "reporting" | "other";
        };
        SigningOfficerViewDto: {
            name: string;
            title: string;
        };
        OwnSignOffDto: {
            revision: number;
            /** @enum {string} */
            decision: "concur" | "concur-with-conditions" | "non-concur" | "no-equity";
            conditions?: components["schemas"]["SignOffConditionViewDto"][];
            rationale?: string;
            officer?: components["schemas"]["SigningOfficerViewDto"];
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
            /**
             * @description submitted or deemed-concurrence.
             * @example submitted
             */
            basis: string;
        };
        ConditionRemovalViewDto: {
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
        OwnConditionDto: {
            id: string;
            text: string;
            /** @enum {string} */
            category?: "security" | "technology-security" | "end-use-monitoring" | "retransfer" | "reporting" | "other";
            revision: number;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            imposedAt: string;
            /**
             * @description active, removal-requested, removed, retained or superseded.
             * @example active
             */
            status: string;
            /** @description The action office’s request to drop it, and this agency’s answer once given. */
            removal?: components["schemas"]["ConditionRemovalViewDto"];
        };
        TimelineEntryViewDto: {
            seq: number;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            at: string;
            /** @example signoff.submitted */
            type: string;
            /**
             * @description This agency or `coordinator`.
             * @example dod
             */
            actor: string;
            summary: string;
            eventId: string;
        };
        ReviewDetailDto: {
            /**
             * Format: uuid
             * @example 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21
             */
            id: string;
            /** @enum {string} */
            kind: "fms-case" | "security-cooperation" | "nonproliferation" | "arms-control" | "regional-security" | "technology-transfer";
            /** @example PM/DS */
            actionOffice: string;
            /** @description `[withheld]` when marked above AGENCY_CLEARANCE. */
            title: string;
            /** @description `[withheld]` when marked above AGENCY_CLEARANCE. */
            summary: string;
            /** @description True when the consultation is marked above the adapter’s AGENCY_CLEARANCE: every free text (title, summary, reasons, rationales, condition texts, comments, timeline summaries) reads `[withheld]`. */
            withheld?: boolean;
            classification: string;
            /** @enum {string} */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            reference?: string;
            /** @example in-review */
            status: string;
            /** @description Current revision. */
            revision: number;
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
            /** @description This agency’s review of the current revision. */
            review: components["schemas"]["AgencyReviewDto"];
            /** @description This agency’s sign-offs, every revision. */
            signOffs: components["schemas"]["OwnSignOffDto"][];
            /** @description Conditions this agency imposed. */
            conditions: components["schemas"]["OwnConditionDto"][];
            /** @description Timeline entries by this agency or the coordinator about it, in order. */
            timeline: components["schemas"]["TimelineEntryViewDto"][];
        };
        SignOffConditionBodyDto: {
            /**
             * @description Chosen by the agency, unique within the consultation.
             * @example DOD-AT-1
             */
            id: string;
            text: string;
            /** @enum {string} */
            category?: "security" | "technology-security" | "end-use-monitoring" | "retransfer" | "reporting" | "other";
        };
        SignOffBodyDto: {
            /** @enum {string} */
            decision: "concur" | "concur-with-conditions" | "non-concur" | "no-equity";
            /** @description Required (at least one) with `concur-with-conditions`, refused otherwise. */
            conditions?: components["schemas"]["SignOffConditionBodyDto"][];
            /** @description Required with `non-concur`. */
            rationale?: string;
            /** @description The revision answered; the consultation’s current one when left out. */
            revision?: number;
        } & ((unknown | Record<string, never>) & ({
            /** @enum {unknown} */
            decision: "concur-with-conditions";
        } | unknown) & (unknown | Record<string, never>));
        PublishedEventDto: {
            /**
             * Format: uuid
             * @description The id of the event put on the bus.
             * @example 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21
             */
            eventId: string;
            /**
             * Format: uuid
             * @description The consultation (CloudEvents `subject`).
             * @example 0b9f6a52-7d1e-4c53-9a57-2f0a1c8e4d21
             */
            subject: string;
            /** @description The coordinator’s verdict: `accepted` (with the consultation’s new status, revision and version) or, when it did not come in time, `pending` with its `statusUrl`. */
            verdict: components["schemas"]["VerdictDto"];
        };
        AcknowledgeBodyDto: {
            /** @description The revision acknowledged; the current one when left out. */
            revision?: number;
        };
        HoldBodyDto: {
            reason: string;
        };
        ExtensionBodyDto: {
            days: number;
            reason: string;
        };
        ConditionRemovalAnswerBodyDto: {
            /** @description true: the condition is dropped; false: it stays. */
            agreed: boolean;
            /** @description Why, for the record. */
            comment: string;
        };
        CreateWebhookBodyDto: {
            /**
             * Format: uri
             * @description http or https, no credentials, no fragment, on the adapter’s allow-list (WEBHOOK_ALLOWED_TARGETS). Redirects are not followed.
             * @example https://reviews.example.mil/icb
             */
            url: string;
            /**
             * @description Message-name prefixes to receive (`review.requested`, or `review` for all).
             * @example [
             *       "review.requested"
             *     ]
             */
            events: string[];
        };
        CreatedWebhookDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            agency: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            /** Format: uri */
            url: string;
            events: string[];
            /** @description False once retired (410 Gone from the endpoint). */
            active: boolean;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            deactivatedAt?: string;
            deactivatedReason?: string;
            /**
             * @description The Standard Webhooks signing secret (`whsec_` + base64 key of the `webhook-signature` HMAC-SHA256), shown this once: store it.
             * @example whsec_…
             */
            secret: string;
        };
        WebhookSubscriptionDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            agency: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            /** Format: uri */
            url: string;
            events: string[];
            /** @description False once retired (410 Gone from the endpoint). */
            active: boolean;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            deactivatedAt?: string;
            deactivatedReason?: string;
        };
        DeliveryAttemptDto: {
            /**
             * Format: uuid
             * @description The same on every attempt.
             */
            deliveryId: string;
            eventId: string;
            /** @example gov.icb.review.requested.v1 */
            eventType: string;
            attempt: number;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            at: string;
            /** @enum {string} */
            outcome: "delivered" | "retry" | "failed" | "deactivated";
            httpStatus?: number;
            error?: string;
            durationMs: number;
            /**
             * Format: date-time
             * @description When a redelivery is expected (outcome `retry`).
             * @example 2026-03-02T14:30:00.000Z
             */
            nextAttemptAt?: string;
        };
        ReleasedAssessmentDto: {
            /** Format: uuid */
            assessmentId: string;
            /** @enum {string} */
            originator: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            title: string;
            /**
             * @description Banner marking.
             * @example SECRET//ORCON/NOFORN
             */
            classification: string;
            /** @description Originator controlled: ask CIA before passing it on. */
            orcon: boolean;
            noforn: boolean;
            approvedRecipients: ("state-pm" | "dod" | "nsc" | "cia" | "treasury")[];
            content: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            releasedAt: string;
            /**
             * Format: date-time
             * @example 2026-03-02T14:30:00.000Z
             */
            receivedAt: string;
        };
        WithheldAssessmentDto: {
            /** Format: uuid */
            assessmentId: string;
            /** @enum {string} */
            originator: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            /**
             * @description Banner marking.
             * @example SECRET//ORCON/NOFORN
             */
            classification: string;
            /**
             * @description `not-released`: the originator did not release it to this agency (ORCON: ask CIA); `above-clearance`: released, but marked above the adapter’s AGENCY_CLEARANCE.
             * @enum {string}
             */
            reason: "not-released" | "above-clearance";
            /**
             * Format: date-time
             * @description When the coordinator recorded it.
             * @example 2026-03-02T14:30:00.000Z
             */
            sharedAt: string;
        };
        ConsultationAssessmentsDto: {
            /** Format: uuid */
            consultationId: string;
            /**
             * @description This adapter’s agency.
             * @enum {string}
             */
            agency: "state-pm" | "dod" | "nsc" | "cia" | "treasury";
            /** @description Released to this agency. */
            released: components["schemas"]["ReleasedAssessmentDto"][];
            /** @description Not released to this agency, or above its clearance: that they exist, without title or content. */
            withheld: components["schemas"]["WithheldAssessmentDto"][];
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
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    EscalationsController_open: {
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
                    "application/json": components["schemas"]["OpenEscalationListDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The coordinator or the bus cannot be reached. */
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
    EscalationsController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                consultationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EscalationDecisionBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionAcceptedDto"];
                };
            };
            /** @description Published on the bus (JetStream stored it), but the coordinator gave no verdict within `VERDICT_TIMEOUT_MS` (default 5 s): `verdict.outcome` is `pending`; GET `verdict.statusUrl` (the `Location`) later. */
            202: {
                headers: {
                    /** @description The status URL (`verdict.statusUrl`): GET it for the verdict later. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionAcceptedDto"];
                };
            };
            /** @description `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such consultation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Refused: by the coordinator, because of the consultation as it stands (`code`, e.g. `STALE_REVISION`, `NOT_A_CLEARING_PARTY`, `CONSULTATION_CLOSED`; `message` says why; `verdict` in full), or by this agency’s own rule before anything was published (no `verdict`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
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
            /** @description Refused by the coordinator whatever the consultation’s state: the content breaks a rule (e.g. `RATIONALE_REQUIRED`) or this agency may not say it (e.g. `NOT_THE_IMPOSING_AGENCY`); or, before anything was published (`code` `REVIEW_REQUEST_INVALID`, `message` lists each problem, no `verdict`), the request matches this document but breaks a rule it states only in words (ids unique across items, a banner marking in canonical order, the contract’s limits). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many writes from this client address (WRITE_RATE_LIMIT_PER_MINUTE): wait the seconds `Retry-After` gives. */
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
            /** @description The coordinator or the bus cannot be reached. */
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
        };
    };
    TokenController_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @enum {string} */
                    grant_type: "client_credentials";
                    /** @description Space-separated scopes; all the client may have when left out. */
                    scope?: string;
                    /** @description The officer the system acts for (with officer_title). */
                    officer_name?: string;
                    officer_title?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenResponseDto"];
                };
            };
            /** @description An invalid request, grant type or scope (`error`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Unknown client or wrong secret (`invalid_client`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description This deployment does not issue tokens (an IdP does). */
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
            /** @description The body is not form-encoded. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many writes from this client address (WRITE_RATE_LIMIT_PER_MINUTE): wait the seconds `Retry-After` gives. */
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
        };
    };
    VerdictsController_verdict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event id of the answer. */
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
                    "application/json": components["schemas"]["VerdictDto"];
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
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The coordinator cannot be reached: try again after `Retry-After` seconds. */
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
    ReviewsController_pending: {
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
                    "application/json": components["schemas"]["PendingReviewListDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The coordinator or the bus is slow or unavailable: nothing was confirmed. Try again after `Retry-After` seconds (with the same `Idempotency-Key` for an answer). `code` is `COORDINATOR_UNAVAILABLE` or `BUS_UNAVAILABLE`. */
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
    ReviewsController_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                consultationId: string;
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
                    "application/json": components["schemas"]["ReviewDetailDto"];
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
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such consultation, or this agency does not clear it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The coordinator or the bus is slow or unavailable: nothing was confirmed. Try again after `Retry-After` seconds (with the same `Idempotency-Key` for an answer). `code` is `COORDINATOR_UNAVAILABLE` or `BUS_UNAVAILABLE`. */
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
    ReviewsController_signOff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key (1 to 255 visible ASCII characters, e.g. a UUID made once per intended answer) on the same endpoint and consultation gives the same event id, which the bus stores once (its duplicate window is 2 minutes) and the coordinator applies once. Send it when you may retry after a lost answer or a 503; without it every request publishes a new event. Reusing a key for a different answer publishes nothing new. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Consultation id (UUID). */
                consultationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignOffBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description Published on the bus (JetStream stored it), but the coordinator gave no verdict within `VERDICT_TIMEOUT_MS` (default 5 s): `verdict.outcome` is `pending`; GET `verdict.statusUrl` (the `Location`) later. */
            202: {
                headers: {
                    /** @description The status URL (`verdict.statusUrl`): GET it for the verdict later. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such consultation, or this agency does not clear it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Refused: by the coordinator, because of the consultation as it stands (`code`, e.g. `STALE_REVISION`, `NOT_A_CLEARING_PARTY`, `CONSULTATION_CLOSED`; `message` says why; `verdict` in full), or by this agency’s own rule before anything was published (no `verdict`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
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
            /** @description Refused by the coordinator whatever the consultation’s state: the content breaks a rule (e.g. `RATIONALE_REQUIRED`) or this agency may not say it (e.g. `NOT_THE_IMPOSING_AGENCY`); or, before anything was published (`code` `REVIEW_REQUEST_INVALID`, `message` lists each problem, no `verdict`), the request matches this document but breaks a rule it states only in words (ids unique across items, a banner marking in canonical order, the contract’s limits). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many writes from this client address (WRITE_RATE_LIMIT_PER_MINUTE): wait the seconds `Retry-After` gives. */
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
            /** @description The coordinator or the bus is slow or unavailable: nothing was confirmed. Try again after `Retry-After` seconds (with the same `Idempotency-Key` for an answer). `code` is `COORDINATOR_UNAVAILABLE` or `BUS_UNAVAILABLE`. */
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
    ReviewsController_acknowledge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key (1 to 255 visible ASCII characters, e.g. a UUID made once per intended answer) on the same endpoint and consultation gives the same event id, which the bus stores once (its duplicate window is 2 minutes) and the coordinator applies once. Send it when you may retry after a lost answer or a 503; without it every request publishes a new event. Reusing a key for a different answer publishes nothing new. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Consultation id (UUID). */
                consultationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description Published on the bus (JetStream stored it), but the coordinator gave no verdict within `VERDICT_TIMEOUT_MS` (default 5 s): `verdict.outcome` is `pending`; GET `verdict.statusUrl` (the `Location`) later. */
            202: {
                headers: {
                    /** @description The status URL (`verdict.statusUrl`): GET it for the verdict later. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such consultation, or this agency does not clear it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Refused: by the coordinator, because of the consultation as it stands (`code`, e.g. `STALE_REVISION`, `NOT_A_CLEARING_PARTY`, `CONSULTATION_CLOSED`; `message` says why; `verdict` in full), or by this agency’s own rule before anything was published (no `verdict`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
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
            /** @description Refused by the coordinator whatever the consultation’s state: the content breaks a rule (e.g. `RATIONALE_REQUIRED`) or this agency may not say it (e.g. `NOT_THE_IMPOSING_AGENCY`); or, before anything was published (`code` `REVIEW_REQUEST_INVALID`, `message` lists each problem, no `verdict`), the request matches this document but breaks a rule it states only in words (ids unique across items, a banner marking in canonical order, the contract’s limits). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many writes from this client address (WRITE_RATE_LIMIT_PER_MINUTE): wait the seconds `Retry-After` gives. */
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
            /** @description The coordinator or the bus is slow or unavailable: nothing was confirmed. Try again after `Retry-After` seconds (with the same `Idempotency-Key` for an answer). `code` is `COORDINATOR_UNAVAILABLE` or `BUS_UNAVAILABLE`. */
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
    ReviewsController_placeHold: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key (1 to 255 visible ASCII characters, e.g. a UUID made once per intended answer) on the same endpoint and consultation gives the same event id, which the bus stores once (its duplicate window is 2 minutes) and the coordinator applies once. Send it when you may retry after a lost answer or a 503; without it every request publishes a new event. Reusing a key for a different answer publishes nothing new. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Consultation id (UUID). */
                consultationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description Published on the bus (JetStream stored it), but the coordinator gave no verdict within `VERDICT_TIMEOUT_MS` (default 5 s): `verdict.outcome` is `pending`; GET `verdict.statusUrl` (the `Location`) later. */
            202: {
                headers: {
                    /** @description The status URL (`verdict.statusUrl`): GET it for the verdict later. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such consultation, or this agency does not clear it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Refused: by the coordinator, because of the consultation as it stands (`code`, e.g. `STALE_REVISION`, `NOT_A_CLEARING_PARTY`, `CONSULTATION_CLOSED`; `message` says why; `verdict` in full), or by this agency’s own rule before anything was published (no `verdict`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
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
            /** @description Refused by the coordinator whatever the consultation’s state: the content breaks a rule (e.g. `RATIONALE_REQUIRED`) or this agency may not say it (e.g. `NOT_THE_IMPOSING_AGENCY`); or, before anything was published (`code` `REVIEW_REQUEST_INVALID`, `message` lists each problem, no `verdict`), the request matches this document but breaks a rule it states only in words (ids unique across items, a banner marking in canonical order, the contract’s limits). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many writes from this client address (WRITE_RATE_LIMIT_PER_MINUTE): wait the seconds `Retry-After` gives. */
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
            /** @description The coordinator or the bus is slow or unavailable: nothing was confirmed. Try again after `Retry-After` seconds (with the same `Idempotency-Key` for an answer). `code` is `COORDINATOR_UNAVAILABLE` or `BUS_UNAVAILABLE`. */
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
    ReviewsController_releaseHold: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key (1 to 255 visible ASCII characters, e.g. a UUID made once per intended answer) on the same endpoint and consultation gives the same event id, which the bus stores once (its duplicate window is 2 minutes) and the coordinator applies once. Send it when you may retry after a lost answer or a 503; without it every request publishes a new event. Reusing a key for a different answer publishes nothing new. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Consultation id (UUID). */
                consultationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description Published on the bus (JetStream stored it), but the coordinator gave no verdict within `VERDICT_TIMEOUT_MS` (default 5 s): `verdict.outcome` is `pending`; GET `verdict.statusUrl` (the `Location`) later. */
            202: {
                headers: {
                    /** @description The status URL (`verdict.statusUrl`): GET it for the verdict later. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such consultation, or this agency does not clear it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Refused: by the coordinator, because of the consultation as it stands (`code`, e.g. `STALE_REVISION`, `NOT_A_CLEARING_PARTY`, `CONSULTATION_CLOSED`; `message` says why; `verdict` in full), or by this agency’s own rule before anything was published (no `verdict`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
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
            /** @description Refused by the coordinator whatever the consultation’s state: the content breaks a rule (e.g. `RATIONALE_REQUIRED`) or this agency may not say it (e.g. `NOT_THE_IMPOSING_AGENCY`); or, before anything was published (`code` `REVIEW_REQUEST_INVALID`, `message` lists each problem, no `verdict`), the request matches this document but breaks a rule it states only in words (ids unique across items, a banner marking in canonical order, the contract’s limits). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many writes from this client address (WRITE_RATE_LIMIT_PER_MINUTE): wait the seconds `Retry-After` gives. */
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
            /** @description The coordinator or the bus is slow or unavailable: nothing was confirmed. Try again after `Retry-After` seconds (with the same `Idempotency-Key` for an answer). `code` is `COORDINATOR_UNAVAILABLE` or `BUS_UNAVAILABLE`. */
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
    ReviewsController_requestExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key (1 to 255 visible ASCII characters, e.g. a UUID made once per intended answer) on the same endpoint and consultation gives the same event id, which the bus stores once (its duplicate window is 2 minutes) and the coordinator applies once. Send it when you may retry after a lost answer or a 503; without it every request publishes a new event. Reusing a key for a different answer publishes nothing new. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Consultation id (UUID). */
                consultationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description Published on the bus (JetStream stored it), but the coordinator gave no verdict within `VERDICT_TIMEOUT_MS` (default 5 s): `verdict.outcome` is `pending`; GET `verdict.statusUrl` (the `Location`) later. */
            202: {
                headers: {
                    /** @description The status URL (`verdict.statusUrl`): GET it for the verdict later. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such consultation, or this agency does not clear it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Refused: by the coordinator, because of the consultation as it stands (`code`, e.g. `STALE_REVISION`, `NOT_A_CLEARING_PARTY`, `CONSULTATION_CLOSED`; `message` says why; `verdict` in full), or by this agency’s own rule before anything was published (no `verdict`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
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
            /** @description Refused by the coordinator whatever the consultation’s state: the content breaks a rule (e.g. `RATIONALE_REQUIRED`) or this agency may not say it (e.g. `NOT_THE_IMPOSING_AGENCY`); or, before anything was published (`code` `REVIEW_REQUEST_INVALID`, `message` lists each problem, no `verdict`), the request matches this document but breaks a rule it states only in words (ids unique across items, a banner marking in canonical order, the contract’s limits). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many writes from this client address (WRITE_RATE_LIMIT_PER_MINUTE): wait the seconds `Retry-After` gives. */
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
            /** @description The coordinator or the bus is slow or unavailable: nothing was confirmed. Try again after `Retry-After` seconds (with the same `Idempotency-Key` for an answer). `code` is `COORDINATOR_UNAVAILABLE` or `BUS_UNAVAILABLE`. */
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
    ReviewsController_answerConditionRemoval: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key (1 to 255 visible ASCII characters, e.g. a UUID made once per intended answer) on the same endpoint and consultation gives the same event id, which the bus stores once (its duplicate window is 2 minutes) and the coordinator applies once. Send it when you may retry after a lost answer or a 503; without it every request publishes a new event. Reusing a key for a different answer publishes nothing new. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Consultation id (UUID). */
                consultationId: string;
                /** @description The condition’s id, as the agency gave it. */
                conditionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConditionRemovalAnswerBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description Published on the bus (JetStream stored it), but the coordinator gave no verdict within `VERDICT_TIMEOUT_MS` (default 5 s): `verdict.outcome` is `pending`; GET `verdict.statusUrl` (the `Location`) later. */
            202: {
                headers: {
                    /** @description The status URL (`verdict.statusUrl`): GET it for the verdict later. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEventDto"];
                };
            };
            /** @description `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such consultation, or no such condition imposed by this agency. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Refused: by the coordinator, because of the consultation as it stands (`code`, e.g. `STALE_REVISION`, `NOT_A_CLEARING_PARTY`, `CONSULTATION_CLOSED`; `message` says why; `verdict` in full), or by this agency’s own rule before anything was published (no `verdict`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
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
            /** @description Refused by the coordinator whatever the consultation’s state: the content breaks a rule (e.g. `RATIONALE_REQUIRED`) or this agency may not say it (e.g. `NOT_THE_IMPOSING_AGENCY`); or, before anything was published (`code` `REVIEW_REQUEST_INVALID`, `message` lists each problem, no `verdict`), the request matches this document but breaks a rule it states only in words (ids unique across items, a banner marking in canonical order, the contract’s limits). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalDto"] | components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many writes from this client address (WRITE_RATE_LIMIT_PER_MINUTE): wait the seconds `Retry-After` gives. */
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
            /** @description The coordinator or the bus is slow or unavailable: nothing was confirmed. Try again after `Retry-After` seconds (with the same `Idempotency-Key` for an answer). `code` is `COORDINATOR_UNAVAILABLE` or `BUS_UNAVAILABLE`. */
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
    WebhookSubscriptionsController_list: {
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
                    "application/json": components["schemas"]["WebhookSubscriptionDto"][];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    WebhookSubscriptionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookBodyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookDto"];
                };
            };
            /** @description `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
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
            /** @description The url is not on the adapter’s allow-list (`code` WEBHOOK_TARGET_NOT_ALLOWED; none configured: WEBHOOK_TARGETS_NOT_CONFIGURED), its host resolves to a link-local or metadata address (WEBHOOK_TARGET_FORBIDDEN_ADDRESS) or does not resolve (WEBHOOK_TARGET_UNRESOLVABLE). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many writes from this client address (WRITE_RATE_LIMIT_PER_MINUTE): wait the seconds `Retry-After` gives. */
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
        };
    };
    WebhookSubscriptionsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id (UUID). */
                id: string;
            };
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
            /** @description Invalid parameters or body: `message` lists each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many writes from this client address (WRITE_RATE_LIMIT_PER_MINUTE): wait the seconds `Retry-After` gives. */
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
        };
    };
    WebhookSubscriptionsController_deliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Subscription id (UUID). */
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
                    "application/json": components["schemas"]["DeliveryAttemptDto"][];
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
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AssessmentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                consultationId: string;
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
                    "application/json": components["schemas"]["ConsultationAssessmentsDto"];
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
            /** @description No access token, or one that is not valid here: malformed, not signed by a trusted key, expired, for another issuer or audience, or for another agency. `WWW-Authenticate: Bearer` says which (`error="invalid_token"`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The token is valid but lacks a scope this operation needs (`code: insufficient_scope`; `WWW-Authenticate` names the scopes). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such consultation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The coordinator cannot be reached. */
            503: {
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
