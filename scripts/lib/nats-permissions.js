// @ts-check
// The NATS identities' permissions (ADR 6): the users, the buckets they may
// use and what each may publish and subscribe to. Plain CommonJS with no
// dependency outside Node's standard library (see nats-auth.js, which renders
// them into the server's configuration).
'use strict';

/** The agencies that run an adapter; each publishes as itself. */
const AGENCIES = Object.freeze(['state-pm', 'dod', 'nsc', 'cia', 'treasury']);

/** Every party that may name itself as a publisher (and be an addressee). */
const PARTIES = Object.freeze([...AGENCIES, 'coordinator']);

/** The NATS users: the six services, and `operator` for the CLI and tests. */
const USERS = Object.freeze([
  'coordinator',
  ...AGENCIES.map((agency) => `${agency}-adapter`),
  'operator',
]);

/**
 * Message versions the subscribe and consumer-filter patterns cover. The last
 * token of an allowed pattern is a literal (`v1`, or the addressee), never a
 * wildcard: a trailing `*` in a permission also matches a literal `>` token,
 * so `icb.evt.*.*.*.*` would let `icb.evt.*.*.*.>` through (every addressed
 * message). Adding a v2 message means regenerating with versions [1, 2].
 */
const DEFAULT_VERSIONS = Object.freeze([1]);

/**
 * @typedef {{ allow: string[], deny?: string[] }} PermissionList
 * @typedef {{ publish: PermissionList, subscribe: PermissionList }} Permissions
 * @typedef {{ namespace?: string, versions?: readonly number[] }} LayoutOptions
 */

/** @param {string} user */
function assertUser(user) {
  if (!USERS.includes(user)) {
    throw new Error(`unknown NATS user "${user}" (known: ${USERS.join(', ')})`);
  }
}

/** @param {string} namespace */
function assertNamespace(namespace) {
  if (!/^[a-z][a-z0-9]*$/.test(namespace)) {
    throw new Error(`namespace must be lower-case letters and digits, got "${namespace}"`);
  }
}

/**
 * The Key-Value bucket where an agency's adapter keeps its state (webhook
 * subscriptions and deliveries, released assessments):
 * `<NAMESPACE>_ADAPTER_<AGENCY>`, e.g. `ICB_ADAPTER_STATE_PM`. Its stream is
 * `KV_<bucket>`, its subjects `$KV.<bucket>.>`. libs/agency-adapter
 * (adapterBucketName) names it the same way.
 * @param {string} agency @param {string} [namespace]
 */
function adapterBucketFor(agency, namespace = 'icb') {
  if (!AGENCIES.includes(agency)) throw new Error(`unknown agency "${agency}"`);
  assertNamespace(namespace);
  return `${namespace.toUpperCase()}_ADAPTER_${agency.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * The coordinator's read model (ADR 9): `<NAMESPACE>_COORDINATOR_VIEW`, e.g.
 * `ICB_COORDINATOR_VIEW`. apps/coordinator (coordinatorViewBucket) names it the
 * same way. Only the coordinator may use it.
 * @param {string} [namespace]
 */
function coordinatorViewBucketFor(namespace = 'icb') {
  assertNamespace(namespace);
  return `${namespace.toUpperCase()}_COORDINATOR_VIEW`;
}

/**
 * The coordinator's table of failed sign-ins (ADR 8), shared by its
 * instances: `<NAMESPACE>_COORDINATOR_SIGN_IN`. apps/coordinator
 * (coordinatorSignInBucket) names it the same way. Only the coordinator may use it.
 * @param {string} [namespace]
 */
function coordinatorSignInBucketFor(namespace = 'icb') {
  assertNamespace(namespace);
  return `${namespace.toUpperCase()}_COORDINATOR_SIGN_IN`;
}

/**
 * What the KV client (@nats-io/kv) sends to use one bucket: create it when
 * missing (`STREAM.INFO`, then `STREAM.CREATE`), read a key (`DIRECT.GET` with
 * the key's subject appended; `STREAM.MSG.GET` on a stream without direct
 * get), write, delete and purge a key (a JetStream publish on `$KV.<bucket>.<key>`),
 * list keys (an ordered push consumer: `CONSUMER.CREATE.<stream>.<name>.<filter>`,
 * its `CONSUMER.INFO` and `CONSUMER.DELETE`, and answers to the server's flow
 * control on `$JS.FC.<stream>.>`; the messages come to the user's own inbox).
 * @param {string} bucket
 */
function kvBucketPermissions(bucket) {
  const api = '$JS.API';
  const stream = `KV_${bucket}`;
  return [
    `$KV.${bucket}.>`,
    `${api}.STREAM.INFO.${stream}`,
    `${api}.STREAM.CREATE.${stream}`,
    `${api}.DIRECT.GET.${stream}`,
    `${api}.DIRECT.GET.${stream}.>`,
    `${api}.STREAM.MSG.GET.${stream}`,
    `${api}.CONSUMER.CREATE.${stream}.>`,
    `${api}.CONSUMER.INFO.${stream}.*`,
    `${api}.CONSUMER.DELETE.${stream}.*`,
    `$JS.FC.${stream}.>`,
  ];
}

/**
 * Everything touching another adapter's bucket, for deny lists: its subjects,
 * any JetStream API call naming its stream (third or fourth token after
 * `$JS.API`), flow control of its consumers.
 * @param {string} bucket
 */
function kvBucketDenials(bucket) {
  const stream = `KV_${bucket}`;
  return [
    `$KV.${bucket}.>`,
    `$JS.API.*.*.${stream}`,
    `$JS.API.*.*.${stream}.>`,
    `$JS.API.*.*.*.${stream}`,
    `$JS.API.*.*.*.${stream}.>`,
    `$JS.FC.${stream}.>`,
  ];
}

/**
 * The inbox prefix a user's connection must use (`inboxPrefix` in the
 * client's connect options): replies, publish acks and pulled messages come
 * back on it, and only that user may subscribe to it. With the client's
 * default `_INBOX.` every user could read every other user's pulled messages.
 * @param {string} user
 */
function inboxPrefixFor(user) {
  assertUser(user);
  return `_INBOX_${user}`;
}

/**
 * The permissions of one user.
 * @param {string} user @param {LayoutOptions} [options] @returns {Permissions}
 */
function permissionsFor(user, options = {}) {
  const namespace = options.namespace ?? 'icb';
  const versions = options.versions ?? DEFAULT_VERSIONS;
  assertUser(user);
  assertNamespace(namespace);
  if (versions.length === 0 || !versions.every((v) => Number.isInteger(v) && v > 0)) {
    throw new Error('versions must be positive integers');
  }
  const ns = namespace;
  const EVENTS = `${ns.toUpperCase()}_EVENTS`;
  const DLQ = `${ns.toUpperCase()}_DLQ`;
  const api = '$JS.API';
  const inbox = `${inboxPrefixFor(user)}.>`;

  if (user === 'operator') {
    // Operators read (the event and dead-letter streams, for inspection) and
    // manage nothing. They publish nothing on the bus: not as an agency, not
    // as the coordinator (ADR 15). A replay of a dead letter goes through the
    // coordinator's REST API; `icb` publishes an agency's message with that
    // agency's own credentials.
    return {
      publish: {
        allow: [
          `${api}.INFO`,
          `${api}.STREAM.NAMES`,
          `${api}.STREAM.LIST`,
          `${api}.STREAM.INFO.*`,
          `${api}.STREAM.MSG.GET.*`,
          `${api}.DIRECT.GET.*`,
          `${api}.DIRECT.GET.*.>`,
          `${api}.CONSUMER.NAMES.*`,
          `${api}.CONSUMER.LIST.*`,
          `${api}.CONSUMER.INFO.*.*`,
        ],
        deny: [
          // Already outside the allow list; stated so that a later, broader
          // allow cannot open them by accident.
          `${ns}.evt.>`,
          `${ns}.dlq.>`,
          `${ns}.rpc.>`,
          '$KV.>',
          `$JS.ACK.>`,
          `${api}.STREAM.CREATE.>`,
          `${api}.STREAM.UPDATE.>`,
          `${api}.STREAM.DELETE.>`,
          `${api}.STREAM.PURGE.>`,
          `${api}.STREAM.MSG.DELETE.>`,
          `${api}.CONSUMER.CREATE.>`,
          `${api}.CONSUMER.DURABLE.CREATE.>`,
          `${api}.CONSUMER.DELETE.>`,
          `${api}.CONSUMER.MSG.NEXT.>`,
        ],
      },
      subscribe: { allow: [`${ns}.evt.>`, inbox] },
    };
  }

  // What every service does with its own durable pull consumer.
  /** @param {string} durable */
  const ownConsumer = (durable) => [
    `${api}.INFO`,
    `${api}.STREAM.INFO.${EVENTS}`,
    `${api}.STREAM.INFO.${DLQ}`,
    `${api}.CONSUMER.INFO.${EVENTS}.${durable}`,
    `${api}.CONSUMER.MSG.NEXT.${EVENTS}.${durable}`,
    `$JS.ACK.${EVENTS}.${durable}.>`,
  ];

  if (user === 'coordinator') {
    return {
      publish: {
        allow: [
          // Its own events, and any event subject: a dead-letter replay
          // republishes the original message on its original (agency)
          // subject. The coordinator is trusted (ADR 6).
          `${ns}.evt.>`,
          `${ns}.dlq.>`,
          ...ownConsumer('coordinator'),
          // It creates the streams: nobody else may, because whoever creates
          // a stream chooses its config (subjects, republish, sources).
          `${api}.STREAM.CREATE.${EVENTS}`,
          `${api}.STREAM.CREATE.${DLQ}`,
          // With NATS_LEAF_AGENCIES it makes those two streams source each
          // agency's leaf node (ADR 21): an update of its own streams, no more
          // than their creation already lets it choose.
          `${api}.STREAM.UPDATE.${EVENTS}`,
          `${api}.STREAM.UPDATE.${DLQ}`,
          // Its consumer has several filter subjects: the client sends those
          // to DURABLE.CREATE (or CREATE.<stream>.<name>), whose subject does
          // not carry the filter. It reads every event anyway.
          `${api}.CONSUMER.DURABLE.CREATE.${EVENTS}.coordinator`,
          `${api}.CONSUMER.CREATE.${EVENTS}.coordinator`,
          `${api}.CONSUMER.CREATE.${EVENTS}.coordinator.>`,
          // Dead letters: list, read, remove after a replay.
          `${api}.STREAM.MSG.GET.${DLQ}`,
          `${api}.DIRECT.GET.${DLQ}`,
          `${api}.DIRECT.GET.${DLQ}.>`,
          `${api}.STREAM.MSG.DELETE.${DLQ}`,
          // A replay takes the original from the events stream by its
          // sequence, never the dead letter's copy (ADR 15).
          `${api}.STREAM.MSG.GET.${EVENTS}`,
          `${api}.DIRECT.GET.${EVENTS}`,
          // Its read model, kept in a KV bucket (ADR 9).
          ...kvBucketPermissions(coordinatorViewBucketFor(ns)),
          // Failed sign-ins, shared by its instances (ADR 8); it sets the
          // bucket's limits (key count, max age) and may change them.
          ...kvBucketPermissions(coordinatorSignInBucketFor(ns)),
          `${api}.STREAM.UPDATE.KV_${coordinatorSignInBucketFor(ns)}`,
          // Its verdict on each party's messages, announced to that party (ADR 11).
          `${ns}.rpc.coordinator.verdict.*`,
        ],
      },
      // The change feed (/events) is a core subscription on every event.
      subscribe: { allow: [`${ns}.evt.>`, inbox] },
    };
  }

  const agency = user.slice(0, -'-adapter'.length);
  const others = PARTIES.filter((p) => p !== agency);
  // Need to know (ADR 15): only the events addressed to this agency (7
  // tokens, the last one the addressee). What it may know of the others'
  // messages the coordinator sends it, addressed, as policy says
  // (`notice.forwarded`); the broadcasts themselves (6 tokens) it cannot read.
  const readable = versions.map((v) => `${ns}.evt.*.*.*.v${v}.${agency}`);
  return {
    publish: {
      allow: [
        `${ns}.evt.${agency}.>`,
        `${ns}.dlq.${user}`,
        ...ownConsumer(user),
        // Only the single-filter create, whose subject carries the filter:
        // the server checks that the filter in the request equals it, so the
        // durable can only ever see `readable`. No DURABLE.CREATE, no
        // CREATE.<stream>.<name> (filter not in the subject), no ephemerals.
        ...readable.map((filter) => `${api}.CONSUMER.CREATE.${EVENTS}.${user}.${filter}`),
        // Its own KV bucket (state that must survive a restart), and no other.
        ...kvBucketPermissions(adapterBucketFor(agency, ns)),
      ],
      deny: [
        // Already outside the allow list; stated so that a later, broader
        // allow cannot open them by accident. (A deny wins over an allow, so
        // stream creation and reads by sequence are denied stream by stream:
        // the adapter creates and reads its own bucket's stream.)
        `${api}.CONSUMER.DURABLE.CREATE.>`,
        `${api}.CONSUMER.CREATE.${EVENTS}`,
        `${api}.CONSUMER.CREATE.${EVENTS}.${user}`,
        `${api}.STREAM.UPDATE.>`,
        `${api}.STREAM.DELETE.>`,
        `${api}.STREAM.PURGE.>`,
        ...[EVENTS, DLQ].flatMap((stream) => [
          `${api}.STREAM.CREATE.${stream}`,
          `${api}.STREAM.MSG.GET.${stream}`,
          `${api}.DIRECT.GET.${stream}`,
          `${api}.DIRECT.GET.${stream}.>`,
        ]),
        ...others.map((p) => `${ns}.evt.${p}.>`),
        // Only the coordinator announces verdicts: an agency forging one would be believed.
        `${ns}.rpc.coordinator.>`,
        ...AGENCIES.filter((a) => a !== agency).flatMap((a) =>
          kvBucketDenials(adapterBucketFor(a, ns)),
        ),
        ...kvBucketDenials(coordinatorViewBucketFor(ns)),
        ...kvBucketDenials(coordinatorSignInBucketFor(ns)),
      ],
    },
    subscribe: {
      // The coordinator's verdicts on this agency's own messages (ADR 11), and no other's.
      allow: [...readable, `${ns}.rpc.coordinator.verdict.${agency}`, inbox],
      deny: [
        // Not addressed (every broadcast), addressed to another party, or
        // longer than any event subject. For a wildcard subscription the
        // server also drops these at delivery.
        `${ns}.evt.*.*.*.*`,
        ...others.map((p) => `${ns}.evt.*.*.*.*.${p}`),
        `${ns}.evt.*.*.*.*.*.>`,
        ...others.map((p) => `${ns}.rpc.coordinator.verdict.${p}`),
        '_INBOX.>',
      ],
    },
  };
}

module.exports = {
  AGENCIES,
  PARTIES,
  USERS,
  DEFAULT_VERSIONS,
  assertUser,
  permissionsFor,
  inboxPrefixFor,
  adapterBucketFor,
  coordinatorViewBucketFor,
  coordinatorSignInBucketFor,
};
