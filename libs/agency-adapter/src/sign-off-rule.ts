import type { components as Coordinator } from '@icb/contracts/http/coordinator.api';
import type { components as Adapter } from '@icb/contracts/http/dod-adapter.api';

/** The consultation as the coordinator's `GET /consultations/{id}` reports it. */
type CoordinatorConsultation = Coordinator['schemas']['ConsultationDetailDto'];
/** The body of `POST /reviews/{id}/sign-off`, the same in every adapter's document. */
type SignOffBody = Adapter['schemas']['SignOffBodyDto'];

/** Why an agency's own rule refuses a sign-off: a stable code and a reason for the caller. */
export interface SignOffRefusal {
  code: string;
  message: string;
}

/**
 * An agency's own rule on the sign-offs its systems post to `POST
 * /reviews/{id}/sign-off`, checked before anything is published: a refusal
 * (answered 409) or undefined. Pure: it sees the consultation as the
 * coordinator reports it and the request body.
 */
export type SignOffRule = (
  consultation: CoordinatorConsultation,
  signOff: SignOffBody,
) => SignOffRefusal | undefined;

/** Injection token of the adapter's SignOffRule (absent: every sign-off goes to the coordinator). */
export const SIGN_OFF_RULE = Symbol('SIGN_OFF_RULE');
