// Syntax errors that teach (issue 17): the slips a new instructor made, each reported once, on
// the line where the slip is, with the line itself and a caret under the column, and advice in
// plain words. Before, a line indented one space too far was reported on the line above it as
// "Nested mappings are not allowed in compact mappings", a tab gave thirteen errors, an
// unclosed quote was reported at the end of the file, and a doubled `firm:` was told to keep one.
import { describe, expect, it } from 'vitest';
import { excerptAt, excerptLines, Lines, EXCERPT_WIDTH } from '../../src/scenario/excerpt';
import { formatIssue, loadScenario, type ScenarioIssue } from '../../src/scenario/load';
import { errorsOf, fixture, mutate } from './helpers';

const base = fixture('minimal.yaml');
const baseJson = fixture('minimal.json');

/** The one error of `text`: exactly one, never a cascade. */
function theError(text: string, file = 'test.yaml'): ScenarioIssue {
  const errors = errorsOf(text, file);
  expect(errors, JSON.stringify(errors, null, 1)).toHaveLength(1);
  return errors[0]!;
}

/** The text shown above the caret, and the text the caret points at from there. */
function caretAt(issue: ScenarioIssue): string {
  expect(issue.excerpt, `no excerpt on ${issue.message}`).toBeDefined();
  return [...issue.excerpt!.lineText].slice(issue.excerpt!.column - 1).join('');
}

describe('a line indented one space off', () => {
  it('one space too far is reported on that line, not the one above, with the line to indent it like', () => {
    const error = theError(mutate(base, 61, '  referralRate', '   referralRate'));
    expect(error).toMatchObject({ line: 61, column: 4, path: '' });
    expect(error.message).toBe(
      'YAML indentation: this line is indented 1 space too far (3 spaces, where line 60 has 2); indent it like line 60: ' +
        'a line indented deeper than the one above it is read as part of it, and line 60 already has its value',
    );
    expect(error.message).not.toContain('compact mappings');
    expect(error.excerpt).toEqual({ lineText: '   referralRate: 2', column: 4 });
    expect(caretAt(error)).toBe('referralRate: 2');
  });

  it('one space too far inside a list item names the sibling field of the item', () => {
    const error = theError(mutate(base, 34, '    unitCost', '     unitCost'));
    expect(error).toMatchObject({ line: 34, column: 6 });
    expect(error.message).toContain('indented 1 space too far (5 spaces, where line 33 has 4); indent it like line 33');
  });

  it('one space too little is one error, not one per following line', () => {
    const error = theError(mutate(base, 34, '    unitCost', '   unitCost'));
    expect(error).toMatchObject({ line: 34, column: 4 });
    expect(error.message).toContain('indented 1 space too little (3 spaces, where line 33 has 4); indent it like line 33');
    expect(error.message).toContain('the fields of one mapping start in the same column');
  });

  it('a list item one space off is lined up with the items of its list, not with a field', () => {
    const far = theError(mutate(base, 83, '  - id: night-boom', '   - id: night-boom'));
    expect(far).toMatchObject({ line: 83, column: 4 });
    expect(far.message).toContain('indent it like line 78: the items of one list start in the same column');
    const little = theError(mutate(base, 83, '  - id: night-boom', ' - id: night-boom'));
    expect(little.message).toContain('1 space too little (1 space, where line 78 has 2); indent it like line 78');
  });

  it('a top-level field indented by one space', () => {
    const error = theError(mutate(base, 10, 'quarters', ' quarters'));
    expect(error).toMatchObject({ line: 10, column: 2 });
    expect(error.message).toContain('(1 space, where line 9 has none); indent it like line 9');
  });

  it('leaves valid deeper lines alone: a long text continued, a block text, a list under its key', () => {
    const continued = mutate(base, 6, 'briefing: A small firm with', 'briefing: A small firm\n  with');
    expect(() => errorsOf(continued)).toThrow(/expected .* to fail/);
    const block = mutate(base, 6, 'briefing: A small', 'briefing: |\n  A small\n     indented more\n  back');
    expect(() => errorsOf(block)).toThrow(/expected .* to fail/);
    // After a block text, the mis-indented field is still found, on its own line.
    const error = theError(block.replace('\nquarters: 8', '\n quarters: 8'));
    expect(error).toMatchObject({ line: 13, column: 2 });
    expect(error.message).toContain('indent it like line 12');
  });

  it('blames the first line of a block when it alone is out of line with the lines after it', () => {
    const field = theError(mutate(base, 13, '  name', '   name'));
    expect(field).toMatchObject({ line: 13, column: 4 });
    expect(field.message).toBe(
      'YAML indentation: this line is indented 1 space too far (3 spaces, where 2 would line it up with line 14 and the lines after it); indent it 2 spaces: the fields of one mapping start in the same column',
    );
    const item = theError(mutate(base, 41, '  - id: clinic', '   - id: clinic'));
    expect(item).toMatchObject({ line: 41, column: 4 });
    expect(item.message).toContain('(3 spaces, where 2 would line it up with line 42 and the lines after it); indent it 2 spaces: the items of one list start in the same column');
    const top = theError(mutate(base, 3, 'id: minimal', ' id: minimal'));
    expect(top).toMatchObject({ line: 3, column: 2 });
    expect(top.message).toContain('start it at the beginning of the line');
  });

  it('a line of a block text (after | or >) indented less than its first line', () => {
    const text = mutate(base, 6, 'briefing: A small firm with two product lines and two accounts.', 'briefing: >-\n  A small firm with two product lines\n  and two accounts.');
    const error = theError(mutate(text, 8, '  and two', ' and two'));
    expect(error).toMatchObject({ line: 8, column: 2 });
    expect(error.message).toBe(
      'YAML indentation: this line of the text begun on line 6 is indented 1 space too little (1 space, where line 7 has 2); indent it like line 7: every line of a text after | or > starts in the column of its first line, or deeper',
    );
    const first = theError(mutate(text, 7, '  A small', '   A small'));
    expect(first).toMatchObject({ line: 7, column: 4 });
    expect(first.message).toContain('indented 1 space too far (3 spaces, where line 8 has 2); indent it like line 8');
  });

  it('any line of the fixture indented one space off, either way, or with a tab: one error, on that line, unless the file still reads', () => {
    const lines = base.split('\n');
    const wrong: string[] = [];
    let checked = 0;
    lines.forEach((line, i) => {
      if (line.trim() === '' || line.trimStart().startsWith('#')) return;
      const slips = [` ${line}`, line.startsWith(' ') ? line.slice(1) : null, line.startsWith('  ') ? `\t${line.slice(2)}` : null];
      for (const slipped of slips) {
        if (slipped === null) continue;
        const copy = [...lines];
        copy[i] = slipped;
        const result = loadScenario(copy.join('\n'), 'slip.yaml');
        if (result.ok) continue;
        checked++;
        const [first, ...rest] = result.errors;
        if (rest.length > 0 || first!.line !== i + 1 || !first!.message.startsWith('YAML indentation: ')) {
          wrong.push(`line ${i + 1} as ${JSON.stringify(slipped)}: ${result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join(' | ')}`);
        }
      }
    });
    expect(checked).toBeGreaterThan(250);
    expect(wrong).toEqual([]);
  });

  it('Windows line ends change nothing', () => {
    const error = theError(mutate(base, 61, '  referralRate', '   referralRate').replace(/\n/g, '\r\n'));
    expect(error).toMatchObject({ line: 61, column: 4 });
    expect(error.excerpt).toEqual({ lineText: '   referralRate: 2', column: 4 });
  });
});

describe('a tab in the indentation', () => {
  it('is one error that says tabs are not allowed and to use spaces', () => {
    const error = theError(mutate(base, 13, '  name', '\tname'));
    expect(error).toMatchObject({ line: 13, column: 1, path: '' });
    expect(error.message).toBe('YAML indentation: Tabs are not allowed as indentation in YAML; indent this line with spaces');
    // The tab is shown, as an arrow, with the caret under it.
    expect(error.excerpt).toEqual({ lineText: '→name: Minimal Ltd', column: 1 });
  });

  it('after spaces, points at the tab', () => {
    const error = theError(mutate(base, 44, '    relationship', '  \trelationship'));
    expect(error).toMatchObject({ line: 44, column: 3 });
    expect(caretAt(error)).toBe('→relationship: 0.6');
  });

  it('a file indented with tabs throughout: one error, and how many lines more to fix', () => {
    const tabbed = base
      .split('\n')
      .map((l) => l.replace(/^ {2}/, '\t'))
      .join('\n');
    const error = theError(tabbed);
    expect(error.line).toBe(8);
    expect(error.message).toMatch(/indent this line with spaces \(\d+ more lines of this file are indented with tabs: replace those too/);
  });
});

describe('an unclosed quote', () => {
  it('is reported where the quote opens, not where the parser ran out', () => {
    const error = theError(mutate(base, 95, 'argument: Decaf', 'argument: "Decaf'));
    expect(error).toMatchObject({ line: 95, column: 15, path: '' });
    expect(error.message).toBe(
      'YAML syntax: the text in double quotes opened here is never closed; put a closing " where the text ends (a " inside the text is written \\")',
    );
    expect(caretAt(error)).toBe('"Decaf loses money on every unit.');
  });

  it('in single quotes, with how to write a quote inside them', () => {
    const error = theError(mutate(base, 95, 'argument: Decaf', "argument: 'Decaf"));
    expect(error).toMatchObject({ line: 95, column: 15 });
    expect(error.message).toContain("the text in single quotes opened here is never closed; put a closing ' where the text ends (a ' inside the text is written twice, '')");
  });

  it('inside { }', () => {
    const error = theError(mutate(base, 27, 'name: Offices', 'name: "Offices'));
    expect(error).toMatchObject({ line: 27, column: 25 });
    expect(error.message).toContain('never closed');
  });

  it('an apostrophe that ends text in single quotes early is named as such', () => {
    const error = theError(mutate(base, 79, 'title: Drop the decaf?', "title: 'Ben's decaf'"));
    expect(error).toMatchObject({ line: 79, column: 16 });
    expect(error.message).toContain("the text in quotes ends at this ', yet more text follows it; an apostrophe inside text in single quotes is written twice, as in 'it''s'");
  });
});

describe('a field without its colon', () => {
  it('says how a field is written', () => {
    const error = theError(mutate(base, 31, 'name: House Blend', 'name House Blend'));
    expect(error).toMatchObject({ line: 31, column: 5 });
    expect(error.message).toContain('a field is written with a colon and a space after its name: "name: …"');
  });
});

describe('a key given twice', () => {
  it('two lists: merge them, naming both lines (keeping one would delete events)', () => {
    const doubled = `${base}events:\n  - { id: late-news, title: Late news, trigger: { quarter: 3 }, effects: [{ type: news, text: Prices rise. }] }\n`;
    const error = theError(doubled);
    expect(error).toMatchObject({ line: 109, column: 1, path: 'events' });
    expect(error.message).toBe(
      'field "events" is given twice in this mapping (first on line 77); merge the two lists into one: move the items under line 109 into the list under line 77 and delete line 109',
    );
    expect(error.message).not.toContain('keep one');
  });

  it('two mappings: merge them too', () => {
    const error = theError(`${base}firm:\n  name: Other Ltd\n`);
    expect(error).toMatchObject({ line: 109, column: 1, path: 'firm' });
    expect(error.message).toContain('(first on line 12); merge the two mappings into one: move the fields under line 109 into the mapping under line 12 and delete line 109');
  });

  it('two plain values: keep one, since which one counts is ambiguous', () => {
    const error = theError(mutate(base, 15, 'collaboration: 0.5', 'collaboration: 0.5\n  cash: 5'));
    expect(error.message).toBe('field "cash" is given twice in this mapping (first on line 14); keep one: which of the two counts (1,000,000 on line 14, 5 on line 16) is ambiguous');
    expect(error.excerpt).toEqual({ lineText: '  cash: 5', column: 3 });
  });

  it('a list and a plain value: keep one', () => {
    const error = theError(`${base}events: none\n`);
    expect(error.message).toContain('keep one: which of the two counts (a list of 2 items on line 77, the text "none" on line 109) is ambiguous');
  });
});

describe('JSON syntax errors get the line and caret too', () => {
  it('a trailing comma', () => {
    const text = baseJson.replace(/("debrief": \[[^\]]*\])/, '$1,');
    const error = theError(text, 'x.json');
    expect(error.message).toContain('JSON syntax: expected a field name in double quotes');
    expect(error.excerpt).toBeDefined();
    expect(error.excerpt!.lineText).toBe(text.split('\n')[error.line - 1]);
  });

  it('an unclosed quote: the caret at the end of the line, the message naming the column where it opens', () => {
    const error = theError('{\n  "id": "minimal,\n  "version": 1\n}\n', 'x.json');
    expect(error).toMatchObject({ line: 2, column: 18 });
    expect(error.message).toBe(
      'JSON syntax: the text in double quotes that opens in column 9 of this line runs into the line\'s end; put a closing " where it ends (a line break inside text is written \\n)',
    );
    expect(error.excerpt).toEqual({ lineText: '  "id": "minimal,', column: 18 });
  });
});

describe('every issue carries its line, safe to show', () => {
  it('schema and meaning errors too', () => {
    const [error] = errorsOf(mutate(base, 10, 'quarters: 8', 'quarters: ten'));
    expect(error!.excerpt).toEqual({ lineText: 'quarters: ten', column: 11 });
  });

  it('formatIssue prints the line under the error and a caret under the column', () => {
    const error = theError(mutate(base, 61, '  referralRate', '   referralRate'), 'a.yaml');
    expect(formatIssue(error).split('\n')).toEqual([
      `a.yaml:61:4: error: ${error.message}`,
      '61 |    referralRate: 2',
      '   |    ^',
    ]);
  });

  it('no excerpt for what is about the whole file', () => {
    const huge = `# ${'x'.repeat(1024 * 1024)}\n`;
    expect(theError(huge).excerpt).toBeUndefined();
  });

  it('a long line is cut around the column; control characters, tabs and bidi overrides are shown as symbols', () => {
    const lines = new Lines(`a: ${'x'.repeat(300)}Y${'z'.repeat(300)}\nb: \u001b[31mred\u202e\tend\n`);
    const long = excerptAt(lines, 1, 304)!;
    expect(long.lineText.startsWith('…')).toBe(true);
    expect(long.lineText.endsWith('…')).toBe(true);
    expect([...long.lineText].length).toBe(EXCERPT_WIDTH + 2);
    expect([...long.lineText][long.column - 1]).toBe('Y');
    const odd = excerptAt(lines, 2, 11)!;
    expect(odd.lineText).toBe('b: ␛[31mred\ufffd→end');
    expect([...odd.lineText][odd.column - 1]).toBe('d');
    expect(excerptAt(lines, 3, 1)).toBeUndefined();
    expect(excerptAt(lines, 9, 1)).toBeUndefined();
  });

  it('counts a character outside the BMP as one, so the caret stays under its character', () => {
    const excerpt = excerptAt(new Lines('title: 🎉 "x\n'), 1, 11)!;
    expect(excerpt).toEqual({ lineText: 'title: 🎉 "x', column: 10 });
    expect(excerptLines(1, excerpt)).toEqual(['1 | title: 🎉 "x', '  |          ^']);
  });
});
