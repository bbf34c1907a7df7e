import { PipeTransform, SetMetadata, Type } from '@nestjs/common';
import { assignMetadata } from '@nestjs/common/decorators/http/route-params.decorator';
import type { MessageName } from '@icb/contracts';

export const MESSAGE_HANDLER = 'icb:messaging:handler';
export const MESSAGE_HANDLER_PARAMS = 'icb:messaging:params';

export interface MessageHandlerOptions {
  /**
   * Durable consumer the handler belongs to; defaults to the service name.
   * One consumer per service keeps every message about one matter in order.
   */
  consumer?: string;
  /** Only messages from this publisher (e.g. an adapter reading only the coordinator's events). */
  publisher?: string;
  /** Only messages addressed to this party (e.g. `review.requested` for DoD). */
  addressee?: string;
}

export interface MessageHandlerMetadata extends MessageHandlerOptions {
  message: MessageName;
}

/**
 * Marks a provider method as the handler of one message. The message is
 * validated against its contract before the method runs; the method's
 * successful return acks it; an exception decides nak or dead-letter (see
 * ack-policy.ts). Guards, interceptors and pipes apply as on a controller.
 */
export const OnMessage = (
  message: MessageName,
  options: MessageHandlerOptions = {},
): MethodDecorator =>
  SetMetadata<string, MessageHandlerMetadata>(MESSAGE_HANDLER, { message, ...options });

export enum MessageParamType {
  DATA = 0,
  ENVELOPE = 1,
  CONTEXT = 2,
}

function paramDecorator(type: MessageParamType) {
  return (...pipes: (Type<PipeTransform> | PipeTransform)[]): ParameterDecorator =>
    (target, key, index) => {
      const existing = (Reflect.getMetadata(MESSAGE_HANDLER_PARAMS, target.constructor, key!) ??
        {}) as object;
      Reflect.defineMetadata(
        MESSAGE_HANDLER_PARAMS,
        assignMetadata(existing, type, index, undefined, ...pipes),
        target.constructor,
        key!,
      );
    };
}

/** The message's payload (`envelope.data`). */
export const MessageData = paramDecorator(MessageParamType.DATA);
/** The whole CloudEvents envelope. */
export const MessageEnvelope = paramDecorator(MessageParamType.ENVELOPE);
/** Delivery details: subject, delivery count, stream sequence, `working()`. */
export const MessageCtx = paramDecorator(MessageParamType.CONTEXT);
