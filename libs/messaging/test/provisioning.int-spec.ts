import { AckPolicy, jetstreamManager, JetStreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { natsUrl, uniqueNamespace } from '@icb/testing';
import { DEFAULT_BACKOFF_MS } from '../src/ack-policy';
import type { MessagingOptions } from '../src/messaging.options';
import { consumerConfig, StreamProvisioner, UNLIMITED_DELIVERIES } from '../src/stream-provisioner';
import { SubjectSpace } from '../src/subject-space';

describe('provisioning durable consumers', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let space: SubjectSpace;
  let options: MessagingOptions;
  let provisioner: StreamProvisioner;

  beforeEach(async () => {
    nc = await connect({ servers: natsUrl() });
    jsm = await jetstreamManager(nc);
    space = new SubjectSpace(uniqueNamespace());
    options = {
      party: 'coordinator',
      service: 'probe',
      servers: [natsUrl()],
      namespace: space.namespace,
      maxInFlight: 8,
      ackWaitMs: 5_000,
      maxDeliver: 3,
      backoffMs: DEFAULT_BACKOFF_MS,
      eventsMaxAgeMs: 0,
      duplicateWindowMs: 60_000,
    };
    provisioner = new StreamProvisioner(options);
    await provisioner.ensureStreams(jsm, space);
  });

  afterEach(async () => {
    await jsm.streams.delete(space.eventsStream).catch(() => undefined);
    await jsm.streams.delete(space.deadLetterStream).catch(() => undefined);
    await nc.close();
  });

  const filters = async (durable: string) => {
    const c = (await jsm.consumers.info(space.eventsStream, durable)).config;
    return [
      ...(c.filter_subjects?.length
        ? c.filter_subjects
        : c.filter_subject
          ? [c.filter_subject]
          : []),
    ].sort();
  };

  it('a consumer with one subject is created with `filter_subject` (the form NATS permissions can check)', async () => {
    const one = `${space.namespace}.evt.coordinator.review.requested.v1.dod`;
    await provisioner.ensureConsumer(
      jsm,
      space.eventsStream,
      consumerConfig('dod-adapter', [one], options),
    );
    const info = await jsm.consumers.info(space.eventsStream, 'dod-adapter');
    expect(info.config.filter_subject).toBe(one);
    expect(info.config.ack_policy).toBe(AckPolicy.Explicit);
  });

  it('a consumer follows the handlers when they change between one subject and several, and back', async () => {
    const a = `${space.namespace}.evt.*.signoff.submitted.v1`;
    const b = `${space.namespace}.evt.*.consultation.opened.v1`;
    await provisioner.ensureConsumer(
      jsm,
      space.eventsStream,
      consumerConfig('svc', [a, b], options),
    );
    expect(await filters('svc')).toEqual([a, b].sort());
    await provisioner.ensureConsumer(jsm, space.eventsStream, consumerConfig('svc', [a], options));
    expect(await filters('svc')).toEqual([a]);
    await provisioner.ensureConsumer(
      jsm,
      space.eventsStream,
      consumerConfig('svc', [a, b], options),
    );
    expect(await filters('svc')).toEqual([a, b].sort());
  });

  it('a consumer is created with unlimited deliveries: the ack policy counts, not the server', async () => {
    const one = `${space.namespace}.evt.coordinator.review.requested.v1.dod`;
    await provisioner.ensureConsumer(
      jsm,
      space.eventsStream,
      consumerConfig('fresh', [one], options),
    );
    const info = await jsm.consumers.info(space.eventsStream, 'fresh');
    expect(info.config.max_deliver).toBe(UNLIMITED_DELIVERIES);
  });

  it('an existing consumer with a max_deliver is moved to unlimited; the operator’s other settings stay', async () => {
    const one = `${space.namespace}.evt.coordinator.review.requested.v1.dod`;
    // As an earlier version provisioned it, then tuned by an operator.
    await jsm.consumers.add(space.eventsStream, {
      ...consumerConfig('old', [one], options),
      max_deliver: 8,
      max_ack_pending: 1234,
      ack_wait: 45_000_000_000,
    });
    await provisioner.ensureConsumer(
      jsm,
      space.eventsStream,
      consumerConfig('old', [one], options),
    );
    const info = await jsm.consumers.info(space.eventsStream, 'old');
    expect(info.config.max_deliver).toBe(UNLIMITED_DELIVERIES);
    expect(info.config.max_ack_pending).toBe(1234);
    expect(info.config.ack_wait).toBe(45_000_000_000);
    expect(info.config.filter_subject).toBe(one);
  });
});
