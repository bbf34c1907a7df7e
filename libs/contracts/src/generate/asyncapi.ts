import { stringify } from 'yaml';
import { MESSAGES, MESSAGE_NAMES, type MessageName } from '../catalog';
import { cloudEventType, type MessageDefinition } from '../define';
import {
  buildClassSchemas,
  envelopeProperties,
  ENVELOPE_REQUIRED,
  payloadClassName,
  rewriteRefs,
  type ContractSchemas,
  type JsonSchema,
} from '../json-schema';
import { AGENCIES, PARTIES, type Party } from '../parties';

export const ASYNCAPI_PATH = 'docs/asyncapi.yaml';
const COMPONENT_SCHEMAS = '#/components/schemas/';

/** Key of a message in channels, operations and components: `signoff.submitted.v1`. */
export function messageKey(name: MessageName): string {
  return `${name}.v${MESSAGES[name].version}`;
}

function def(name: MessageName): MessageDefinition {
  return MESSAGES[name] as unknown as MessageDefinition;
}

function isAddressed(name: MessageName): boolean {
  return def(name).addressee !== undefined;
}

/** Channel address with parameters: `icb.evt.{publisher}.<name>.v<version>[.{addressee}]`. */
export function channelAddress(name: MessageName): string {
  const d = def(name);
  const base = `icb.evt.{publisher}.${d.name}.v${d.version}`;
  return isAddressed(name) ? `${base}.{addressee}` : base;
}

/**
 * Who consumes a message: the coordinator consumes what the agencies publish;
 * the agencies' adapters consume what the coordinator publishes (an addressed
 * message only by its addressee).
 */
export function consumersOf(name: MessageName): readonly Party[] {
  const publishers = def(name).publishers;
  // Coordinator events go to the agencies; an agency's addressed message
  // (intelligence released to a recipient) goes to that agency; the rest to
  // the coordinator.
  if (publishers.includes('coordinator')) return AGENCIES;
  return isAddressed(name) ? AGENCIES : ['coordinator'];
}

function describeParties(parties: readonly Party[]): string {
  return AGENCIES.every((a) => parties.includes(a)) && parties.length === AGENCIES.length
    ? 'any agency'
    : parties.join(', ');
}

/** The AsyncAPI 3.0 document of the whole catalog, as YAML. */
export function generateAsyncApi(schemas: ContractSchemas = buildClassSchemas()): string {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const componentSchemas: Record<string, JsonSchema> = {};

  for (const className of Object.keys(schemas.classes).sort()) {
    componentSchemas[className] = rewriteRefs(schemas.classes[className], COMPONENT_SCHEMAS);
  }

  for (const name of MESSAGE_NAMES) {
    const d = def(name);
    const key = messageKey(name);
    const envelopeName = `${payloadClassName(name)}Envelope`;
    componentSchemas[envelopeName] = {
      type: 'object',
      description: `CloudEvents 1.0 envelope (structured mode) of ${name} v${d.version}.`,
      properties: envelopeProperties(d, { $ref: `${COMPONENT_SCHEMAS}${payloadClassName(name)}` }),
      required: [...ENVELOPE_REQUIRED],
      additionalProperties: false,
    };

    messages[key] = {
      name: key,
      title: `${name} v${d.version}`,
      summary: d.summary,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          'Nats-Msg-Id': {
            type: 'string',
            description: 'The envelope id: JetStream drops a re-publish with the same id.',
          },
        },
        required: ['Nats-Msg-Id'],
      },
      correlationId: {
        description: 'Shared by every event of one conversation.',
        location: '$message.payload#/correlationid',
      },
      payload: { $ref: `${COMPONENT_SCHEMAS}${envelopeName}` },
      'x-cloudevents-type': cloudEventType(d),
    };

    const parameters: Record<string, unknown> = {
      publisher: { enum: [...d.publishers], description: 'The publishing party.' },
    };
    if (isAddressed(name)) {
      parameters.addressee = {
        enum: [...PARTIES],
        description: 'The one party the message is for.',
      };
    }
    channels[key] = {
      address: channelAddress(name),
      title: name,
      summary: d.summary,
      messages: { [key]: { $ref: `#/components/messages/${key}` } },
      parameters,
    };

    const channelRef = { $ref: `#/channels/${key}` };
    const messageRef = { $ref: `#/channels/${key}/messages/${key}` };
    operations[`send.${key}`] = {
      action: 'send',
      channel: channelRef,
      summary: `Published by ${describeParties(d.publishers)}.`,
      messages: [messageRef],
    };
    operations[`receive.${key}`] = {
      action: 'receive',
      channel: channelRef,
      summary: `Consumed by ${describeParties(consumersOf(name))}${isAddressed(name) ? ' (the addressee only)' : ''}.`,
      messages: [messageRef],
    };
  }

  const doc = {
    asyncapi: '3.0.0',
    info: {
      title: 'Interagency Coordination Bus',
      version: '1.0.0',
      description:
        'Events between State/PM, DoD, NSC, CIA, Treasury and the coordinator over NATS JetStream. ' +
        'Every message is a CloudEvents 1.0 event in structured mode. Generated from libs/contracts: do not edit; run `npm run generate`.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:4222',
        protocol: 'nats',
        description: 'Local nats-server with JetStream (development and tests).',
      },
    },
    channels,
    operations,
    components: { messages, schemas: componentSchemas },
  };
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
