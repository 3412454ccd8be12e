import { describe, expect, it } from '@jest/globals';
import englishMessages from 'ra-language-english';
import { germanMessages } from './de';
import { englishConsoleMessages } from './en';

type Tree = { [key: string]: string | Tree };

const leafKeys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );

const at = (tree: Tree, key: string): string => {
  const value = key.split('.').reduce<string | Tree | undefined>(
    (node, part) => (node && typeof node === 'object' ? node[part] : undefined),
    tree,
  );
  if (typeof value !== 'string') throw new Error(`no message at ${key}`);
  return value;
};

const placeholders = (message: string) => (message.match(/%\{\w+\}/g) ?? []).sort();

describe('console translations', () => {
  const german = germanMessages as unknown as Tree;
  const english = englishConsoleMessages as unknown as Tree;
  const reactAdminKeys = leafKeys(englishMessages as unknown as Tree);

  it('translates every react-admin UI string into German', () => {
    const germanKeys = new Set(leafKeys(german));
    expect(reactAdminKeys.filter((key) => !germanKeys.has(key))).toEqual([]);
  });

  it('offers the same keys in German and English', () => {
    expect(leafKeys(english).sort()).toEqual(leafKeys(german).sort());
  });

  it('keeps plural forms and placeholders of react-admin strings', () => {
    // German capitalises nouns, so the sort label uses the field name as is.
    const intentional = new Set(['ra.sort.sort_by']);
    const drift = reactAdminKeys
      .filter((key) => !intentional.has(key))
      .filter((key) => {
        const source = at(englishMessages as unknown as Tree, key);
        const target = at(german, key);
        return (
          source.includes('||||') !== target.includes('||||') ||
          placeholders(source).join() !== placeholders(target).join()
        );
      });
    expect(drift).toEqual([]);
  });
});
