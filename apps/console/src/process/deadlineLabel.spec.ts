import { describe, expect, it } from '@jest/globals';
import { deadlineLabel } from './deadlineLabel';
import { germanMessages } from '../i18n/de';

const translate = (key: string, options: Record<string, unknown> = {}) => {
  const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), germanMessages);
  const text = typeof found === 'string' ? found : String(options._ ?? key);
  return text.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name]));
};

describe('deadlineLabel (deadline keys in German words)', () => {
  it('names steps, annual reports, the Bilanzierung and milestones', () => {
    expect(deadlineLabel('decision_and_signing', translate)).toBe('Abstimmung und Beschluss');
    expect(deadlineLabel('report_2_3', translate)).toBe('Jahresbericht 3 (Zyklus 2)');
    expect(deadlineLabel('reaudit_1', translate)).toBe('Bilanzierung (Zyklus 1)');
    expect(deadlineLabel('milestone_4f1c_2', translate)).toBe('Meilenstein 2 einer Maßnahme');
    expect(deadlineLabel(null, translate)).toBe('');
  });
});
