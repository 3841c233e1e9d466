/** The public consultation page's catalogues: the only place its words come from. */
import type { PublicLang } from '../../routes/public/codes';
import { en } from './en';
import { jaEasy } from './ja-easy';
import type { PublicCatalogue } from './types';

export type { PublicCatalogue } from './types';

export const PUBLIC_CATALOGUES: Record<PublicLang, PublicCatalogue> = { 'ja-easy': jaEasy, en };
