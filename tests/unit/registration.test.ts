/**
 * The registration wording (src/lib/content/registration.ts, issue 18): one rule decides what an event says
 * about registration. An imported event with a 报名链接 said “无需报名” beside 去报名. Checked here
 * over every combination of the facts — needs registration (yes / no / not said), link, deadline
 * (none / later / passed), capacity, fee, full, cancelled, ended — against the rule's promises, plus
 * a pinned table of the exact lines, and the `open=1` filter agreeing with the page everywhere.
 */
import { describe, expect, it } from 'vitest';
import { afterDeadline, registrationBrief, registrationLine, registrationOpen, registrationView, type RegistrationInput } from '../../src/lib/content/registration.ts';
import type { EventStatus } from '../../src/lib/content/schema.ts';

const TODAY = '2026-09-10';
const URL = 'https://example.org/signup';

interface Case {
  reg: RegistrationInput;
  status: EventStatus;
  endDate: string;
}

function* combinations(): Generator<Case> {
  for (const required of [true, false, undefined])
    for (const url of [URL, undefined])
      for (const deadline of [undefined, '2026-09-12', '2026-09-09', '2026-09-10T09:00'])
        for (const full of [undefined, true])
          for (const capacity of [undefined, 40])
            for (const fee of [undefined, 0, 30])
              for (const status of ['scheduled', 'cancelled', 'postponed'] as const)
                for (const endDate of ['2026-09-12', '2026-09-01']) {
                  const reg: RegistrationInput = { ...(required !== undefined ? { required } : {}), ...(url ? { url } : {}), ...(deadline ? { deadline } : {}), ...(full ? { full } : {}), ...(capacity ? { capacity } : {}), ...(fee !== undefined ? { fee } : {}) };
                  yield { reg, status, endDate };
                }
}

const ALL = [...combinations()];

describe('every combination of registration facts', () => {
  it(`covers ${ALL.length} combinations`, () => expect(ALL.length).toBe(3 * 2 * 4 * 2 * 2 * 3 * 3 * 2));

  it('never says 无需报名 beside a link, and shows a link only while registration is open', () => {
    for (const c of ALL) {
      const v = registrationView(c.reg, c, TODAY)!;
      const line = registrationLine(v);
      const label = JSON.stringify(c);
      if (v.link) {
        expect(line, label).not.toContain('无需报名');
        expect(v.open, label).toBe(true);
        expect(v.link, label).toBe(URL);
      }
      if (v.open && c.reg.url) expect(v.link, label).toBe(URL);
      if (!v.open) expect(v.link, label).toBeUndefined();
    }
  });

  it('a cancelled event, an ended one, a full one and a passed deadline close registration, in that order', () => {
    for (const c of ALL) {
      const v = registrationView(c.reg, c, TODAY)!;
      const label = JSON.stringify(c);
      const passed = c.reg.deadline !== undefined && c.reg.deadline.slice(0, 10) < TODAY;
      const needs = c.reg.required === true || !!c.reg.url || (c.reg.required === undefined && !!c.reg.deadline);
      const expected =
        c.status === 'cancelled' ? 'cancelled' : c.endDate < TODAY ? 'ended' : c.reg.full ? 'full' : passed && needs ? 'closed' : undefined;
      if (expected) {
        expect(v.state, label).toBe(expected);
        expect(v.open, label).toBe(false);
      } else expect(v.state, label).not.toMatch(/cancelled|ended|full|closed/);
      if (v.state === 'closed') expect(registrationLine(v), label).toMatch(/^报名已截止，.*截止$/);
    }
  });

  it('the open=1 filter (a calendar entry’s brief) agrees with the page on every combination', () => {
    for (const c of ALL) {
      const v = registrationView(c.reg, c, TODAY)!;
      // The filter works by day: a deadline at 09:00 today is still open for it, as for the page without `now`.
      expect(registrationOpen(registrationBrief(c.reg), c, TODAY), JSON.stringify(c)).toBe(v.open);
    }
  });

  it('without today (feeds, search records) nothing depends on the date', () => {
    for (const c of ALL) {
      const v = registrationView(c.reg, c)!;
      expect(v.state, JSON.stringify(c)).not.toMatch(/ended|closed/);
    }
  });
});

describe('the wording, pinned', () => {
  const at = (reg: RegistrationInput, status: EventStatus = 'scheduled', endDate = '2026-09-12') => {
    const v = registrationView(reg, { status, endDate }, TODAY, '2026-09-10T12:00')!;
    return [registrationLine(v), v.link ? '去报名' : '—'];
  };
  it.each([
    [{ url: URL }, '在线报名', '去报名'],
    [{ url: URL, required: true, capacity: 40, fee: 0, deadline: '2026-09-11' }, '需要报名，名额 40 人，免费，2026年9月11日（星期五）截止', '去报名'],
    [{ url: URL, required: false }, '可直接参加，也可在线报名', '去报名'],
    [{ required: false, fee: 0 }, '无需报名，直接参加，免费', '—'],
    [{ required: true, note: '电话报名' }, '需要报名', '—'],
    [{ deadline: '2026-09-11' }, '需要报名，2026年9月11日（星期五）截止', '—'],
    [{ capacity: 200 }, '名额 200 人', '—'],
    [{ fee: 30 }, '费用 30 元', '—'],
    [{ url: URL, deadline: '2026-09-09' }, '报名已截止，2026年9月9日（星期三）截止', '—'],
    [{ url: URL, deadline: '2026-09-10T09:00' }, '报名已截止，2026年9月10日（星期四）09:00截止', '—'],
    [{ url: URL, deadline: '2026-09-10T18:00' }, '在线报名，2026年9月10日（星期四）18:00截止', '去报名'],
    [{ url: URL, required: true, full: true, capacity: 40 }, '名额已满，名额 40 人', '—'],
  ])('%j → %s', (reg, line, button) => {
    expect(at(reg)).toEqual([line, button]);
  });

  it('cancelled and ended events', () => {
    expect(at({ url: URL, required: true }, 'cancelled')).toEqual(['活动已取消，不再报名', '—']);
    expect(at({ url: URL, required: true, deadline: '2026-08-30' }, 'scheduled', '2026-09-01')).toEqual(['活动已结束', '—']);
  });

  it('an open registration with a deadline also knows how it will read once the deadline has passed', () => {
    expect(registrationLine(afterDeadline({ url: URL, required: true, fee: 0, deadline: '2026-09-11' })!)).toBe('报名已截止，免费，2026年9月11日（星期五）截止');
    expect(afterDeadline({ url: URL })).toBeUndefined();
  });

  it('no registration facts: nothing to say', () => {
    expect(registrationView(undefined, { status: 'scheduled', endDate: '2026-09-12' }, TODAY)).toBeUndefined();
  });
});
