import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpCode,
  HttpStatus,
  Injectable,
  NestInterceptor,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import { RefusalDto, type VerdictDto } from './verdict.dto';

/** What the interceptor reads of an answer: its verdict. */
interface WithVerdict {
  verdict?: Pick<VerdictDto, 'outcome' | 'statusUrl'>;
}

/** What the interceptor needs of Express's response. */
interface StatusResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

/**
 * Answers 202 with `Location: <statusUrl>` when the answer's verdict is
 * still `pending`; otherwise the route's own status (200 or 201) stands.
 */
@Injectable()
export class PendingVerdictInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const verdict = (body as WithVerdict | undefined)?.verdict;
        if (verdict?.outcome === 'pending') {
          const res = context.switchToHttp().getResponse<StatusResponse>();
          res.status(HttpStatus.ACCEPTED);
          res.setHeader('Location', verdict.statusUrl);
        }
        return body;
      }),
    );
  }
}

const LOCATION_HEADER = {
  Location: {
    description: 'The status URL (`verdict.statusUrl`): GET it for the verdict later.',
    schema: { type: 'string' },
  },
};

/**
 * An endpoint that publishes a message and answers the coordinator's verdict
 * on it (ADR 11): 200 (201 with `created`) when accepted, 409 or 422 when
 * refused, 202 with a status URL when no verdict came within
 * VERDICT_TIMEOUT_MS. `type` is the answer's body, which carries `verdict`.
 */
export function AnswersWithVerdict(type: Type<unknown>, opts: { created?: boolean } = {}) {
  const accepted = opts.created ? ApiCreatedResponse : ApiOkResponse;
  return applyDecorators(
    HttpCode(opts.created ? HttpStatus.CREATED : HttpStatus.OK),
    UseInterceptors(PendingVerdictInterceptor),
    accepted({
      type,
      description:
        'The coordinator accepted it: `verdict.consultation` has the new status, revision and ' +
        'version (`verdict.changed` false when it was already so).',
    }),
    ApiAcceptedResponse({
      type,
      headers: LOCATION_HEADER,
      description:
        'Published on the bus (JetStream stored it), but the coordinator gave no verdict within ' +
        '`VERDICT_TIMEOUT_MS` (default 5 s): `verdict.outcome` is `pending`; GET `verdict.statusUrl` ' +
        '(the `Location`) later.',
    }),
    ApiConflictResponse({
      type: RefusalDto,
      description:
        'Refused: by the coordinator, because of the consultation as it stands (`code`, e.g. ' +
        '`STALE_REVISION`, `NOT_A_CLEARING_PARTY`, `CONSULTATION_CLOSED`; `message` says why; ' +
        '`verdict` in full), or by this agency’s own rule before anything was published (no `verdict`).',
    }),
    ApiUnprocessableEntityResponse({
      type: RefusalDto,
      description:
        'Refused by the coordinator whatever the consultation’s state: the content breaks a rule ' +
        '(e.g. `RATIONALE_REQUIRED`) or this agency may not say it (e.g. `NOT_THE_IMPOSING_AGENCY`); ' +
        'or, before anything was published (`code` `REVIEW_REQUEST_INVALID`, `message` lists each ' +
        'problem, no `verdict`), the request matches this document but breaks a rule it states only ' +
        'in words (ids unique across items, a banner marking in canonical order, the contract’s limits).',
    }),
  );
}
