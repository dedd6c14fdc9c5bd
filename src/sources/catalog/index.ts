import type { SourceDeclaration } from '../../domain/source.ts';
import { feedsCatalog } from './feeds-catalog.ts';
import { termsCatalog } from './terms-catalog.ts';

/** Every source clausewatch watches out of the box; `catalog: false` in the config switches it off. */
export const builtInCatalog: readonly SourceDeclaration[] = [...termsCatalog, ...feedsCatalog];
