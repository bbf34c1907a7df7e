import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type {
  AsyncMicroserviceOptions,
  MicroserviceOptions,
  NestMicroservice,
} from '@nestjs/microservices';
import { JetStreamExceptionFilter } from './jetstream.exception-filter';
import { JetStreamServer } from './jetstream.server';

/**
 * The microservice options of the bus: the JetStreamServer of the module
 * (MessagingModule provides it) as the custom transport strategy. For a
 * service without HTTP: `NestFactory.createMicroservice(Module, jetStreamMicroservice())`
 * (or `moduleRef.createNestMicroservice(...)` in a test), then startJetStreamMicroservice.
 */
export function jetStreamMicroservice(): AsyncMicroserviceOptions {
  return {
    inject: [JetStreamServer],
    useFactory: (strategy: JetStreamServer) => ({ strategy }),
  };
}

/** Whether the application has the bus (MessagingModule) to connect. */
export function hasJetStream(app: INestApplication): boolean {
  // Looked up among the modules' providers, not with app.get(): a missing
  // token there aborts an application created with abortOnError (the default).
  for (const module of app.get(ModulesContainer).values()) {
    if (module.providers.has(JetStreamServer)) return true;
  }
  return false;
}

/**
 * Connects the bus to an application as a Nest microservice (hybrid app):
 * `app.connectMicroservice({ strategy: JetStreamServer })` with
 * JetStreamExceptionFilter as its global filter, so a handler's exception
 * reaches the ack policy as thrown (not as Nest's "Internal server error").
 * that builds an application with handlers call it, then `app.init()` and
 * `app.startAllMicroservices()` (startJetStream does all three).
 */
export function connectJetStream(app: INestApplication): NestMicroservice {
  const microservice = app.connectMicroservice<MicroserviceOptions>(
    { strategy: app.get(JetStreamServer) },
    // Deferred: the filter must be in place before Nest wraps the handlers.
    { deferInitialization: true },
  ) as NestMicroservice;
  microservice.useGlobalFilters(new JetStreamExceptionFilter());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
  return microservice;
}

/** connectJetStream, then init the application and start consuming. */
export async function startJetStream<A extends INestApplication>(app: A): Promise<A> {
  connectJetStream(app);
  await app.init();
  await app.startAllMicroservices();
  return app;
}

/** A microservice made with jetStreamMicroservice(): installs the filter and listens. */
export async function startJetStreamMicroservice<M extends INestMicroservice>(
  microservice: M,
): Promise<M> {
  microservice.useGlobalFilters(new JetStreamExceptionFilter());
  await microservice.listen();
  return microservice;
}
