import { hasVisibleText, StatementInputSchema, statementLength } from './opinion-map.schema';

describe('a statement’s text', () => {
  it('needs a letter or a digit once invisible characters are removed', () => {
    for (const text of ['😀😀', '\u200B\u200B', '\u2060\uFEFF\u200D', '\u3164', '\u115F\u1160', '\uFFA0', '\u200E!?\u200F', '\u180E', '\uFE0F…']) {
      expect(hasVisibleText(text)).toBe(false);
      expect(StatementInputSchema.safeParse({ text }).success).toBe(false);
    }
    for (const text of ['Oui', '42', 'Des\u200Bbancs', 'Égalité', '日本語', 'مرحبا']) expect(hasVisibleText(text)).toBe(true);
  });

  it('is counted in user-perceived characters', () => {
    expect(statementLength('😀'.repeat(70))).toBe(70);
    expect(statementLength('🇫🇷🇫🇷')).toBe(2);
    expect(statementLength('👨‍👩‍👧')).toBe(1);
    expect(statementLength('e\u0301té')).toBe(3);
    expect(statementLength('abc')).toBe(3);
  });

  it('holds at most 500 code points (the column’s size)', () => {
    expect(StatementInputSchema.safeParse({ text: 'é'.repeat(500) }).success).toBe(true);
    expect(StatementInputSchema.safeParse({ text: 'é'.repeat(501) }).success).toBe(false);
    expect(StatementInputSchema.safeParse({ text: `a${'😀'.repeat(499)}` }).success).toBe(true);
    expect(StatementInputSchema.safeParse({ text: `a${'😀'.repeat(500)}` }).success).toBe(false);
  });
});
