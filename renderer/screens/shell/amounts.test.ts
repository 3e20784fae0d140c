import { describe, expect, it } from 'vitest';
import { formatExcess } from './amounts.js';

const en = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const zh = new Intl.NumberFormat('zh-HK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('excess (shortfall)', () => {
  it('shows a shortfall in brackets, without a minus sign', () => {
    expect(formatExcess(en, -220000)).toBe('(220,000.00)');
    expect(formatExcess(zh, -0.5)).toBe('(0.50)');
  });

  it('shows an excess and zero as they are', () => {
    expect(formatExcess(en, 22550000)).toBe('22,550,000.00');
    expect(formatExcess(en, 0)).toBe('0.00');
  });
});
