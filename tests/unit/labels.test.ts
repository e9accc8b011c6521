/** src/lib/labels.ts: one home for the Chinese labels of the schema's enums, complete and in schema order. */
import { describe, expect, it } from 'vitest';
import { ENUM_LABELS, KIND_LABEL, LEVEL_LABEL, OBSERVANCE_KIND_LABEL, ORGANIZER_TYPE_LABEL, STATUS_LABEL, STATUS_SENTENCE, VENUE_TYPE_LABEL } from '../../src/lib/labels.ts';
import { STATUS_FILTER_LABELS } from '../../src/lib/calendar/filters.ts';
import { KIND_HELP, STATUS_HELP } from '../../src/lib/import/import-match.ts';
import { EVENT_KINDS, EVENT_STATUSES, LEVELS, OBSERVANCE_KINDS, ORGANIZER_TYPES, ruleSchema, VENUE_TYPES } from '../../src/lib/content/schema.ts';

describe('enum labels', () => {
  it('name every value of every enum, in the schema order', () => {
    expect(Object.keys(STATUS_LABEL)).toEqual([...EVENT_STATUSES]);
    expect(Object.keys(KIND_LABEL)).toEqual([...EVENT_KINDS]);
    expect(Object.keys(OBSERVANCE_KIND_LABEL)).toEqual([...OBSERVANCE_KINDS]);
    expect(Object.keys(LEVEL_LABEL)).toEqual([...LEVELS]);
    expect(Object.keys(ORGANIZER_TYPE_LABEL)).toEqual([...ORGANIZER_TYPES]);
    expect(Object.keys(VENUE_TYPE_LABEL)).toEqual([...VENUE_TYPES]);
    expect(Object.keys(ENUM_LABELS.ruleType)).toEqual(ruleSchema.options.map((o) => o.shape.type.value));
    expect(Object.keys(STATUS_SENTENCE)).toEqual(EVENT_STATUSES.filter((s) => s !== 'scheduled'));
  });

  it('read as states on pages and as choices in forms and spreadsheets', () => {
    expect(STATUS_LABEL.cancelled).toBe('已取消');
    expect(ENUM_LABELS.eventStatus.cancelled).toBe('取消');
    expect(KIND_LABEL.deadline).toBe('截止');
    expect(ENUM_LABELS.eventKind.deadline).toBe('申报截止');
    expect(STATUS_FILTER_LABELS).toEqual({ active: '不含已取消', scheduled: '照常举行', cancelled: '已取消', postponed: '已延期', 'moved-online': '改为线上' });
    expect(STATUS_HELP).toBe('照常、取消、延期、改为线上（或 scheduled、cancelled、postponed、moved-online）');
    expect(KIND_HELP).toBe('活动、征集、申报截止（或 activity、call、deadline）');
  });
});
