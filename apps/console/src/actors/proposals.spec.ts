import { describe, expect, it } from '@jest/globals';
import { proposalErrorsOf, proposalsOf } from './proposals';

describe('proposals of the participation record', () => {
  it('takes one proposal per line and leaves blank lines out', () => {
    expect(proposalsOf('Treffpunkt am Marktplatz\r\n\n  Bänke am Weg  \n')).toEqual([{ text: 'Treffpunkt am Marktplatz' }, { text: 'Bänke am Weg' }]);
    expect(proposalsOf('  \n')).toEqual([]);
  });

  it('names the line of a proposal’s message, and keeps the list’s message as it is', () => {
    expect(proposalErrorsOf({ proposals: '„Vorschläge“ muss mindestens einen Vorschlag nennen', closedOn: 'x' })).toBe('„Vorschläge“ muss mindestens einen Vorschlag nennen');
    expect(proposalErrorsOf({ 'proposals.1.text': 'Jeder Vorschlag braucht einen Text' })).toBe('2: Jeder Vorschlag braucht einen Text');
    expect(proposalErrorsOf({})).toBe('');
  });
});
