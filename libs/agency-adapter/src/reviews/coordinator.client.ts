import { Injectable } from '@nestjs/common';
import type { Agency } from '@icb/contracts';
import { AppConfig } from '@icb/config';
import type { CoordinatorConsultation, CoordinatorQueue } from './coordinator.types';
import { CoordinatorUnavailableError, ReviewNotFoundError } from './reviews.errors';

/** How long a request to the coordinator may take before it counts as unreachable. */
export const COORDINATOR_TIMEOUT_MS = 10_000;
/** The coordinator's largest page. */
const QUEUE_PAGE = 200;

/**
 * The coordinator's REST API (`COORDINATOR_URL`) as the adapter reads it: an
 * agency's queue and one consultation. Unreachable or broken answers become
 * CoordinatorUnavailableError, a 404 ReviewNotFoundError.
 */
@Injectable()
export class CoordinatorClient {
  readonly baseUrl: string;
  private readonly headers: Record<string, string>;

  constructor(config: AppConfig) {
    this.baseUrl = config.COORDINATOR_URL.replace(/\/+$/, '');
    // The adapter's service account (ADR 8): the coordinator answers nobody who has not signed in.
    this.headers = {
      accept: 'application/json',
      ...(config.COORDINATOR_TOKEN ? { authorization: `Bearer ${config.COORDINATOR_TOKEN}` } : {}),
    };
  }

  /** Every consultation awaiting the agency's answer, its closest deadline first. */
  async queue(agency: Agency): Promise<CoordinatorQueue> {
    const first = await this.get<CoordinatorQueue>(
      `/agencies/${encodeURIComponent(agency)}/queue?limit=${QUEUE_PAGE}`,
    );
    const items = [...first.items];
    while (items.length < first.total) {
      const page = await this.get<CoordinatorQueue>(
        `/agencies/${encodeURIComponent(agency)}/queue?limit=${QUEUE_PAGE}&offset=${items.length}`,
      );
      if (page.items.length === 0) break;
      items.push(...page.items);
    }
    return { ...first, offset: 0, limit: items.length, items };
  }

  async consultation(id: string): Promise<CoordinatorConsultation> {
    return this.get<CoordinatorConsultation>(`/consultations/${encodeURIComponent(id)}`, {
      notFound: `no consultation ${id}`,
    });
  }

  /**
   * Any other read of the coordinator's REST API (e.g. NSC's list of
   * escalated matters), with the adapter's credentials and the same errors.
   */
  async get<T>(path: string, opts: { notFound?: string } = {}): Promise<T> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: this.headers,
        signal: AbortSignal.timeout(COORDINATOR_TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new CoordinatorUnavailableError(
        timedOut
          ? `the coordinator at ${this.baseUrl} did not answer within ${COORDINATOR_TIMEOUT_MS} ms`
          : `cannot reach the coordinator at ${this.baseUrl}`,
        { cause: error },
      );
    }
    if (response.status === 404 && opts.notFound) {
      await response.body?.cancel();
      throw new ReviewNotFoundError(opts.notFound);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new CoordinatorUnavailableError(
        `the coordinator at ${this.baseUrl} refused this adapter (HTTP ${response.status}): ` +
          (this.headers.authorization
            ? 'check COORDINATOR_TOKEN against its operator accounts'
            : 'set COORDINATOR_TOKEN to the adapter’s service-account token'),
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new CoordinatorUnavailableError(
        `the coordinator at ${this.baseUrl} answered GET ${path} with HTTP ${response.status}`,
      );
    }
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new CoordinatorUnavailableError(
        `the coordinator at ${this.baseUrl} answered GET ${path} with a body that is not JSON`,
        { cause: error },
      );
    }
  }
}
