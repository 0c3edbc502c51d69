import type { Subscription } from 'rxjs';
import type { CatalogEntry, CatalogEntryOf } from '../../shared/catalog/catalog-entry';
import type { CatalogKind } from '../../shared/catalog/catalog-kinds';
import { entriesInForce, versionInForce } from '../../shared/catalog/entry-in-force';
import { buildIcd10SearchIndex, searchIcd10, type Icd10SearchIndex } from '../../shared/catalog/icd10-search-index';
import { foldVietnamese } from '../../shared/text/fold-vietnamese';
import type { SenDatabase, Stored } from '../db/collections';
import { localDay } from './local-day';

type Icd10Entry = CatalogEntryOf<'icd10'>;

const SEARCH_LIMIT = 20;

function body(document: { toMutableJSON(): Stored<CatalogEntry> }): CatalogEntry {
  const { syncMeta: _envelope, ...entry } = document.toMutableJSON();
  return entry;
}

/**
 * The province's catalogs as this PC holds them (pulled, never written here): the versions in
 * force on a day, lookups by code, and searches as a clinician types. ICD-10 words are searched
 * in an index held in memory (shared/catalog/icd10-search-index.ts), built once and again
 * whenever the catalog changes; other lists by folded-name prefix over the stored index.
 */
export class CatalogRepository {
  private icd10Index: Promise<Icd10SearchIndex<Icd10Entry>> | undefined;
  /** Per kind, the same word index over the entries in force: "xquang" finds "Chụp Xquang…". */
  private wordIndexes = new Map<CatalogKind, Promise<Icd10SearchIndex<CatalogEntry>>>();
  private readonly watch: Subscription;

  constructor(
    private readonly database: SenDatabase,
    private readonly today: () => string = () => localDay(new Date()),
  ) {
    // A new catalog version arriving makes the next search rebuild the index.
    this.watch = database.catalog.$.subscribe(() => {
      this.icd10Index = undefined;
      this.wordIndexes.clear();
    });
  }

  close(): void {
    this.watch.unsubscribe();
  }

  /** ICD-10 codes by code prefix (`J18`, `j189`) or by words without diacritics (`viem phoi`). */
  async searchIcd10(query: string, limit = SEARCH_LIMIT): Promise<Icd10Entry[]> {
    if (query.trim() === '') return [];
    return searchIcd10(await this.icd10(), query, limit);
  }

  /** The version of an entry in force on `date` (today by default), or null. */
  async entry<K extends CatalogKind>(kind: K, code: string, date = this.today()): Promise<CatalogEntryOf<K> | null> {
    const versions = await this.database.catalog.find({ selector: { kind, code } }).exec();
    return versionInForce(versions.map(body), date) as CatalogEntryOf<K> | null;
  }

  /**
   * Entries of a kind whose folded name starts with what was typed, or whose code does, then
   * those with a word of their name starting with each word typed (`xquang nguc` finds "Chụp
   * Xquang ngực thẳng", `amoxi` a drug whose name has Amoxicillin anywhere).
   */
  async search<K extends CatalogKind>(kind: K, query: string, limit = SEARCH_LIMIT): Promise<CatalogEntryOf<K>[]> {
    const folded = foldVietnamese(query).trim();
    if (folded === '') return [];
    const upper = query.trim().toUpperCase();
    const [byName, byCode, byWords] = await Promise.all([
      this.database.catalog
        .find({ selector: { kind, searchKey: { $gte: folded, $lt: `${folded}\uffff` } }, limit: limit * 2 })
        .exec(),
      this.database.catalog
        .find({ selector: { kind, code: { $gte: upper, $lt: `${upper}\uffff` } }, limit: limit * 2 })
        .exec(),
      this.wordIndex(kind).then((index) => searchIcd10(index, query, limit)),
    ]);
    const inForce = entriesInForce([...byName, ...byCode].map(body), this.today());
    const unique = new Map(inForce.map((entry) => [entry.code, entry]));
    for (const entry of byWords) if (!unique.has(entry.code)) unique.set(entry.code, entry);
    return [...unique.values()].slice(0, limit) as CatalogEntryOf<K>[];
  }

  /** Every entry of a kind in force today, by name (departments, a facility's rooms…). */
  async all<K extends CatalogKind>(kind: K): Promise<CatalogEntryOf<K>[]> {
    const entries = (await this.database.catalog.find({ selector: { kind } }).exec()).map(body);
    return entriesInForce(entries, this.today()).sort((a, b) =>
      a.name.localeCompare(b.name, 'vi'),
    ) as CatalogEntryOf<K>[];
  }

  /** Built from the entries in force, so a word search returns those only. */
  private wordIndex(kind: CatalogKind): Promise<Icd10SearchIndex<CatalogEntry>> {
    let index = this.wordIndexes.get(kind);
    if (!index) {
      index = this.all(kind).then((entries) => buildIcd10SearchIndex<CatalogEntry>(entries));
      this.wordIndexes.set(kind, index);
    }
    return index;
  }

  private icd10(): Promise<Icd10SearchIndex<Icd10Entry>> {
    this.icd10Index ??= this.all('icd10').then((entries) => buildIcd10SearchIndex(entries));
    return this.icd10Index;
  }
}
