/**
 * The hash chain of the consultations' event log: defined in @icb/contracts
 * (audit-log.ts), so that `icb audit verify` computes the same hashes
 * without the coordinator.
 */
export {
  canonicalJson,
  chain,
  entryHash,
  GENESIS,
  signedEnvelopeOf,
  verifyChain,
  verifyLogSignatures,
} from '@icb/contracts';
export type { LogEntry, LoggedSignature, VerifyResult, SignatureReport } from '@icb/contracts';
