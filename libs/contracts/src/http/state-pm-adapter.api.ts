/**
 * GENERATED from docs/openapi/state-pm-adapter.json by scripts/generate-api-types.ts
 * (openapi-typescript): do not edit. Run `npm run generate` after changing
 * the service's controllers or DTOs; scripts/generate-api-types.spec.ts fails
 * when this file is out of date.
 */

export interface paths {
    "/requests/fms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An FMS Letter of Request → fms-case (PM/DS) */
        post: operations["RequestsController_fms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/export-license": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A DSP-5-like export licence application → technology-transfer (PM/DDTC) */
        post: operations["RequestsController_exportLicense"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/security-cooperation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A security-cooperation program → security-cooperation (PM/M) */
        post: operations["RequestsController_securityCooperation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/arms-control-finding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An arms-control compliance finding → arms-control (PM/CAT) */
        post: operations["RequestsController_armsControlFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/nonproliferation-concern": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A nonproliferation concern → nonproliferation (PM/NP) */
        post: operations["RequestsController_nonproliferationConcern"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/regional-security": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A regional-security matter → regional-security (PM/RA) */
        post: operations["RequestsController_regionalSecurity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/amendments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Amend: a new revision (the current one + 1), which re-opens review */
        post: operations["ConsultationsController_amend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the consultation */
        post: operations["ConsultationsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/proceed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Present for decision without the delaying offices’ concurrence (2 FAM 1211) */
        post: operations["ConsultationsController_proceed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/clearing-parties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add or remove clearing agencies (2 FAM 1211-1213) */
        post: operations["ConsultationsController_clearingParties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/conditions/{conditionId}/removal-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the imposing agency to agree to drop one of its conditions (condition.removal-requested)
         * @description The condition stays until the agency that imposed it answers (`condition.removal-answered`, on its adapter: `POST /reviews/{id}/conditions/{conditionId}/removal-answer`). The coordinator refuses a second request while one waits (`REMOVAL_ALREADY_REQUESTED`).
         */
        post: operations["ConsultationsController_requestConditionRemoval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/congress/informal-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Informal (tiered review) notice to the committees, sent now */
        post: operations["ConsultationsController_informalNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/congress/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A committee member placed a hold */
        post: operations["ConsultationsController_placeHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/congress/holds/{holdId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** The hold was lifted */
        delete: operations["ConsultationsController_liftHold"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/congress/formal-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Formal notification, sent now: the review period starts */
        post: operations["ConsultationsController_formalNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/congress/emergency-waiver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The President certified an emergency (certified now): period waived */
        post: operations["ConsultationsController_emergencyWaiver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/congress/disapproval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A joint resolution of disapproval was enacted (now): the sale is blocked */
        post: operations["ConsultationsController_disapproval"];
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
        NativePartyDto: {
            name: string;
            /** @example SAU */
            country: string;
        };
        FmsArticleDto: {
            /** @example PAC-3 MSE missile */
            description: string;
            quantity: number;
            /** @example IV */
            usmlCategory?: string;
            /** @description Major defense equipment. */
            mde: boolean;
            /** @description Whole US dollars. */
            valueUsd: number;
        };
        FmsServiceDto: {
            /** @example Operator training */
            description: string;
            /** @description Whole US dollars. */
            valueUsd: number;
        };
        NativeOwnerDto: {
            name: string;
            percent: number;
        };
        NativeIntermediaryDto: {
            name: string;
            /** @example SAU */
            country: string;
            owners?: components["schemas"]["NativeOwnerDto"][];
        };
        FmsLetterOfRequestDto: {
            /** @description Built from the request when left out. */
            title?: string;
            summary: string;
            /**
             * @description A banner marking. In canonical form, or 422: CUI categories specified (SP-) ones first, each group alphabetical; REL TO USA, then the other countries alphabetical, without repeats.
             * @default UNCLASSIFIED
             * @example CUI//SP-EXPT//NOFORN
             */
            classification: string;
            /**
             * @default ROUTINE
             * @enum {string}
             */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /** @example SR-D-QAB */
            lorNumber: string;
            /** @description The purchasing government. */
            purchaser: components["schemas"]["NativePartyDto"];
            articles: components["schemas"]["FmsArticleDto"][];
            services: components["schemas"]["FmsServiceDto"][];
            /** @description Whole US dollars. */
            designAndConstructionUsd?: number;
            endUser?: components["schemas"]["NativePartyDto"];
            consignee?: components["schemas"]["NativePartyDto"];
            /** @description With the purchaser, end user and consignee, the parties screened. */
            intermediaries?: components["schemas"]["NativeIntermediaryDto"][];
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
        AcceptedDto: {
            /**
             * Format: uuid
             * @description The consultation.
             */
            consultationId: string;
            /**
             * Format: uuid
             * @description The id of the event published on the bus.
             */
            eventId: string;
            /** @description The coordinator’s verdict: `accepted` (with the consultation’s new status, revision and version) or, when it did not come in time, `pending` with its `statusUrl`. */
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
        ExportCommodityDto: {
            description: string;
            quantity: number;
            /** @example XI */
            usmlCategory: string;
            /** @description Major defense equipment. */
            mde?: boolean;
        };
        ExportLicenseApplicationDto: {
            /** @description Built from the request when left out. */
            title?: string;
            summary: string;
            /**
             * @description A banner marking. In canonical form, or 422: CUI categories specified (SP-) ones first, each group alphabetical; REL TO USA, then the other countries alphabetical, without repeats.
             * @default UNCLASSIFIED
             * @example CUI//SP-EXPT//NOFORN
             */
            classification: string;
            /**
             * @default ROUTINE
             * @enum {string}
             */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /** @example DSP5-26-000123 */
            applicationNumber: string;
            /** @description The U.S. applicant. */
            applicant: string;
            /**
             * @description Country of ultimate destination.
             * @example SAU
             */
            country: string;
            foreignConsignee: components["schemas"]["NativePartyDto"];
            endUser: components["schemas"]["NativePartyDto"];
            /** @description With the foreign consignee and the end user, the parties screened. */
            intermediaries?: components["schemas"]["NativeIntermediaryDto"][];
            commodity: components["schemas"]["ExportCommodityDto"];
            /** @description Whole US dollars. */
            valueUsd: number;
        };
        ActivityDto: {
            description: string;
            quantity: number;
        };
        SecurityCooperationRequestDto: {
            /** @description Built from the request when left out. */
            title?: string;
            summary: string;
            /**
             * @description A banner marking. In canonical form, or 422: CUI categories specified (SP-) ones first, each group alphabetical; REL TO USA, then the other countries alphabetical, without repeats.
             * @default UNCLASSIFIED
             * @example CUI//SP-EXPT//NOFORN
             */
            classification: string;
            /**
             * @default ROUTINE
             * @enum {string}
             */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /** @example IMET-2026-PHL */
            program: string;
            /** @description The partner (its forces). */
            partner: components["schemas"]["NativePartyDto"];
            activities: components["schemas"]["ActivityDto"][];
            /** @description Whole US dollars. */
            valueUsd?: number;
        };
        ArmsControlFindingRequestDto: {
            /** @description Built from the request when left out. */
            title?: string;
            summary: string;
            /**
             * @description A banner marking. In canonical form, or 422: CUI categories specified (SP-) ones first, each group alphabetical; REL TO USA, then the other countries alphabetical, without repeats.
             * @default UNCLASSIFIED
             * @example CUI//SP-EXPT//NOFORN
             */
            classification: string;
            /**
             * @default ROUTINE
             * @enum {string}
             */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /** @example New START */
            agreement: string;
            /**
             * @description The party whose compliance is assessed.
             * @example SAU
             */
            country: string;
            findingReference?: string;
        };
        NonproliferationItemDto: {
            description: string;
            quantity: number;
            usmlCategory?: string;
        };
        NonproliferationConcernRequestDto: {
            /** @description Built from the request when left out. */
            title?: string;
            summary: string;
            /**
             * @description A banner marking. In canonical form, or 422: CUI categories specified (SP-) ones first, each group alphabetical; REL TO USA, then the other countries alphabetical, without repeats.
             * @default UNCLASSIFIED
             * @example CUI//SP-EXPT//NOFORN
             */
            classification: string;
            /**
             * @default ROUTINE
             * @enum {string}
             */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /**
             * @description Country of concern.
             * @example SAU
             */
            country: string;
            entities: components["schemas"]["NativeIntermediaryDto"][];
            items?: components["schemas"]["NonproliferationItemDto"][];
            reference?: string;
        };
        RegionalSecurityRequestDto: {
            /** @description Built from the request when left out. */
            title?: string;
            summary: string;
            /**
             * @description A banner marking. In canonical form, or 422: CUI categories specified (SP-) ones first, each group alphabetical; REL TO USA, then the other countries alphabetical, without repeats.
             * @default UNCLASSIFIED
             * @example CUI//SP-EXPT//NOFORN
             */
            classification: string;
            /**
             * @default ROUTINE
             * @enum {string}
             */
            precedence: "FLASH" | "IMMEDIATE" | "PRIORITY" | "ROUTINE";
            /** @example Indo-Pacific */
            region: string;
            /**
             * @description The country the matter centres on.
             * @example SAU
             */
            country: string;
            reference?: string;
        };
        AmendmentBodyDto: {
            /**
             * @description What changes, as the contract’s `ConsultationChangesV1`: `title`, `summary`, `classification`, `attributes` (replaced as a whole). Checked against the contract (422 for a rule it states in words, e.g. a banner marking in canonical order).
             * @example {
             *       "summary": "Quantity reduced to 200 missiles."
             *     }
             */
            changes: components["schemas"]["ConsultationChangesV1"];
            reason: string;
        };
        WithdrawalBodyDto: {
            reason: string;
        };
        ProceedBodyDto: {
            /** @description The delaying offices. */
            delayingAgencies: ("state-pm" | "dod" | "nsc" | "cia" | "treasury")[];
            justification: string;
        };
        ClearingPartiesBodyDto: {
            add: ("state-pm" | "dod" | "nsc" | "cia" | "treasury")[];
            remove: ("state-pm" | "dod" | "nsc" | "cia" | "treasury")[];
            reason: string;
        };
        ConditionRemovalRequestBodyDto: {
            /** @description Why the condition should go, for the imposing agency and the record. */
            justification: string;
        };
        InformalNoticeBodyDto: {
            committees: ("SFRC" | "HFAC")[];
        };
        CongressHoldBodyDto: {
            /** @enum {string} */
            committee: "SFRC" | "HFAC";
            member?: string;
            /** @example SFRC-1 */
            holdId: string;
            note: string;
        };
        CongressHoldLiftBodyDto: {
            /** @enum {string} */
            committee: "SFRC" | "HFAC";
            member?: string;
            note: string;
        };
        FormalNoticeBodyDto: {
            /** @example 26-17 */
            transmittalNumber: string;
            /** @enum {integer} */
            reviewDays: 15 | 30;
        };
        EmergencyWaiverBodyDto: {
            justification: string;
        };
        DisapprovalBodyDto: {
            /** @example S.J.Res. 123 */
            resolution: string;
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
        ConsultationChangesV1: {
            title?: string;
            summary?: string;
            attributes?: components["schemas"]["ConsultationAttributesV1"];
            /** Format: icb-marking */
            classification?: string;
        };
        ConsultationAttributesV1: {
            country: string;
            values: components["schemas"]["TransactionValueV1"][];
            items: components["schemas"]["TransactionItemV1"][];
            parties: components["schemas"]["TransactionPartyV1"][];
        };
        TransactionValueV1: {
            /** @enum {string} */
            category: "major-defense-equipment" | "defense-articles-services" | "design-construction";
            amountUsd: number;
        };
        TransactionItemV1: {
            description: string;
            quantity: number;
            usmlCategory?: string;
        };
        TransactionPartyV1: {
            name: string;
            /** @enum {string} */
            role: "end-user" | "consignee" | "intermediary" | "owner" | "purchaser";
            country: string;
            ownership?: components["schemas"]["OwnershipShareV1"][];
        };
        OwnershipShareV1: {
            ownerName: string;
            percent: number;
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
    RequestsController_fms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FmsLetterOfRequestDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description `message` lists each problem (request shape, then the contract). */
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
            /** @description The bus cannot be reached: nothing was opened. */
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
    RequestsController_exportLicense: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExportLicenseApplicationDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description `message` lists each problem (request shape, then the contract). */
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
            /** @description The bus cannot be reached: nothing was opened. */
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
    RequestsController_securityCooperation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecurityCooperationRequestDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description `message` lists each problem (request shape, then the contract). */
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
            /** @description The bus cannot be reached: nothing was opened. */
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
    RequestsController_armsControlFinding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArmsControlFindingRequestDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description `message` lists each problem (request shape, then the contract). */
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
            /** @description The bus cannot be reached: nothing was opened. */
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
    RequestsController_nonproliferationConcern: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NonproliferationConcernRequestDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description `message` lists each problem (request shape, then the contract). */
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
            /** @description The bus cannot be reached: nothing was opened. */
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
    RequestsController_regionalSecurity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegionalSecurityRequestDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
            /** @description `message` lists each problem (request shape, then the contract). */
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
            /** @description The bus cannot be reached: nothing was opened. */
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
    ConsultationsController_amend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AmendmentBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
    ConsultationsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawalBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
    ConsultationsController_proceed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProceedBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
    ConsultationsController_clearingParties: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClearingPartiesBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
    ConsultationsController_requestConditionRemoval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
                /** @description The condition’s id, as its agency gave it. */
                conditionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConditionRemovalRequestBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
    ConsultationsController_informalNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InformalNoticeBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
    ConsultationsController_placeHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CongressHoldBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
    ConsultationsController_liftHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
                /** @description The hold id given when it was placed. */
                holdId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CongressHoldLiftBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
    ConsultationsController_formalNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FormalNoticeBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
    ConsultationsController_emergencyWaiver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmergencyWaiverBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
    ConsultationsController_disapproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Consultation id (UUID). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisapprovalBodyDto"];
            };
        };
        responses: {
            /** @description The coordinator accepted it: `verdict.consultation` has the new status, revision and version (`verdict.changed` false when it was already so). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
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
                    "application/json": components["schemas"]["AcceptedDto"];
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
            /** @description No such consultation (or, for a condition, no such condition on it). */
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
