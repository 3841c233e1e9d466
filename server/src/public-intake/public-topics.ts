import type { ConcernCategory } from '../consultation/concern-categories.js';

/**
 * The short list of worries a resident can tick on the public form, in plain words, and the
 * 相談受付票 checklist items (○) each one marks. Together they reach all 16 categories; the
 * worker who takes the consultation corrects the ○ and sets the ◎.
 */
export const PUBLIC_TOPICS = [
  { code: 'health', categories: ['health_disability'] },
  { code: 'housing', categories: ['housing'] },
  { code: 'money', categories: ['living_costs'] },
  { code: 'payments', categories: ['rent_loan', 'tax_utilities'] },
  { code: 'debt', categories: ['debt'] },
  { code: 'work', categories: ['job_search', 'work_trouble'] },
  { code: 'neighbours', categories: ['community'] },
  { code: 'family', categories: ['family'] },
  { code: 'children', categories: ['childcare'] },
  { code: 'care', categories: ['care'] },
  { code: 'withdrawal', categories: ['withdrawal'] },
  { code: 'violence', categories: ['dv_abuse'] },
  { code: 'food', categories: ['no_food'] },
  { code: 'other', categories: ['other'] },
] as const satisfies readonly { code: string; categories: readonly ConcernCategory[] }[];

export type PublicTopic = (typeof PUBLIC_TOPICS)[number]['code'];
export const PUBLIC_TOPIC_CODES = PUBLIC_TOPICS.map((t) => t.code) as [PublicTopic, ...PublicTopic[]];

/** The checklist items for the ticked topics, each once, in the order of the 相談受付票. */
export function categoriesForTopics(topics: readonly string[], order: readonly string[]): ConcernCategory[] {
  const marked = new Set<string>();
  for (const topic of PUBLIC_TOPICS) if (topics.includes(topic.code)) for (const c of topic.categories) marked.add(c);
  return order.filter((code) => marked.has(code)) as ConcernCategory[];
}
