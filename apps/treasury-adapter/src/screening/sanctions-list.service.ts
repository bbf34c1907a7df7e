import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@icb/config';
import { EventPublisher } from '@icb/messaging';
import type { SanctionsList } from '../sanctions/sanctions-list';
import {
  loadSanctionsList,
  resolveListDir,
  type LoadedSanctionsList,
} from './sanctions-list.loader';

/** What `GET /sanctions/list` shows. */
export interface SanctionsListInfo {
  name: string;
  versionDate: string;
  entryCount: number;
  aliasCount: number;
  loadedAt: string;
  problems: number;
}

/**
 * The sanctions list in use. Loaded from SANCTIONS_LIST_DIR at boot (a list
 * that cannot be used stops the adapter with SanctionsListUnusableError), and
 * announced on the bus (`sanctions.list-loaded`) once the bus is up. A reload
 * that fails keeps the list in use.
 */
@Injectable()
export class SanctionsListService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('SanctionsList');
  private loaded?: LoadedSanctionsList & { loadedAt: string };

  constructor(
    private readonly config: AppConfig,
    private readonly publisher: EventPublisher,
  ) {}

  onModuleInit(): void {
    this.load();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.announce();
  }

  /** The list in use. */
  get list(): SanctionsList {
    return this.current().list;
  }

  info(): SanctionsListInfo {
    const { list, loadedAt, problems } = this.current();
    return {
      name: list.name,
      versionDate: list.versionDate,
      entryCount: list.entries.length,
      aliasCount: list.entries.reduce((n, e) => n + e.aliases.length, 0),
      loadedAt,
      problems: problems.length,
    };
  }

  /** Reads the folder again; on success the new list is in use and announced. */
  async reload(): Promise<SanctionsList> {
    this.load();
    await this.announce();
    return this.list;
  }

  private load(): void {
    const dir = resolveListDir(this.config.SANCTIONS_LIST_DIR);
    const loaded = loadSanctionsList({
      dir,
      name: this.config.SANCTIONS_LIST_NAME,
      versionDate: this.config.SANCTIONS_LIST_VERSION_DATE,
    });
    for (const p of loaded.problems) {
      this.logger.warn(`sanctions list ${p.file}:${p.line}: ${p.message}`);
    }
    this.loaded = { ...loaded, loadedAt: new Date().toISOString() };
    this.logger.log(
      `loaded ${loaded.list.name} of ${loaded.list.versionDate}: ${loaded.list.entries.length} entries from ${loaded.sdnFile}` +
        (loaded.altFile ? ` and ${loaded.altFile}` : ' (no ALT.CSV: aliases are not screened)'),
    );
  }

  private async announce(): Promise<void> {
    const { list, loadedAt } = this.current();
    await this.publisher.publish('sanctions.list-loaded', list.toListLoaded(loadedAt));
  }

  private current(): LoadedSanctionsList & { loadedAt: string } {
    if (!this.loaded) throw new Error('the sanctions list is not loaded yet');
    return this.loaded;
  }
}
