/** Size limits shared by the payload classes (characters or items). */
export const LIMITS = {
  title: 200,
  name: 200,
  summary: 4000,
  reason: 2000,
  rationale: 8000,
  conditionText: 2000,
  /** Intelligence assessment body; the whole message stays under MAX_MESSAGE_BYTES. */
  content: 100_000,
  reference: 64,
  rule: 100,
  parties: 50,
  ownership: 20,
  items: 200,
  conditions: 25,
  matches: 200,
  programs: 20,
} as const;

/** Shortest written justification for an emergency waiver of the §36(b) review period. */
export const MIN_WAIVER_JUSTIFICATION = 50;
