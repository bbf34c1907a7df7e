import {
  ArgumentsHost,
  CallHandler,
  Catch,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  RpcExceptionFilter,
} from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { JetStreamContext } from './jetstream.context';

/**
 * The microservice's last exception filter (connectJetStream installs it):
 * hands the handler's exception on unchanged, so the ack policy classifies
 * the real error (transient → nak with backoff, permanent → dead letter with
 * its reason). Nest's default RPC filter would replace an unknown error with
 * `{ status: 'error', message: 'Internal server error' }`. The exception is
 * also recorded on the JetStreamContext, where JetStreamServer reads it
 * first, so a message whose handler threw is never acked.
 */
@Catch()
export class JetStreamExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const context: unknown = host.getArgByIndex(1);
    if (context instanceof JetStreamContext) context.fail(exception);
    return throwError(() => exception);
  }
}

/**
 * For a handler with an exception filter of its own: records on the
 * JetStreamContext every exception of the handler, its pipes and the
 * interceptors inside this one, before that filter sees it, so even a filter
 * that turns the exception into a value leaves the message failed (nak or
 * dead letter), never acked. Opt-in (`@UseInterceptors`), not global: Nest's
 * interceptor chain costs about 60 µs per message, twenty times the rest of
 * the pipeline. Without it, a filter must hand the exception on (the global
 * JetStreamExceptionFilter, and Nest's own, do).
 */
@Injectable()
export class JetStreamFailureInterceptor implements NestInterceptor {
  intercept(host: ExecutionContext, next: CallHandler): Observable<unknown> {
    const context: unknown = host.getArgByIndex(1);
    if (!(context instanceof JetStreamContext)) return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        context.fail(error);
        return throwError(() => error);
      }),
    );
  }
}
