import type { TerminalSummary } from '../../shared/protocol.js';
import { iso } from '../clock.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Plausible terminal home data for a participant: CP001 gets the full demo set (HKD, CNY, USD
 * collateral; house and client accounts; bilingual notices); any other participant a minimal one.
 */
export function demoSummary(
  participantId: string,
  participantName: string,
  nowMs: number,
): TerminalSummary {
  const base = { participant: { participantId, name: participantName }, asOf: iso(nowMs) };
  if (participantId !== 'CP001') {
    return {
      ...base,
      accounts: [
        {
          accountId: `${participantId}-H01`,
          name: 'House account',
          type: 'house',
          status: 'active',
        },
      ],
      collateral: [{ currency: 'HKD', required: 0, deposited: 0, excess: 0 }],
      notices: [],
    };
  }
  const collateral = [
    { currency: 'HKD', required: 182_450_000, deposited: 205_000_000 },
    { currency: 'CNY', required: 41_300_000, deposited: 45_750_000 },
    { currency: 'USD', required: 6_120_000, deposited: 5_900_000 },
  ].map((c) => ({ ...c, excess: c.deposited - c.required }));
  // Notices dated relative to now so the list always looks current.
  const day = (n: number): string =>
    iso(Math.floor(nowMs / DAY) * DAY - n * DAY + 9 * 60 * 60 * 1000);
  return {
    ...base,
    accounts: [
      { accountId: 'CP001-H01', name: 'House account', type: 'house', status: 'active' },
      { accountId: 'CP001-C01', name: 'Client omnibus account', type: 'client', status: 'active' },
      {
        accountId: 'CP001-C02',
        name: 'Client segregated account A',
        type: 'client_segregated',
        status: 'active',
      },
      {
        accountId: 'CP001-M01',
        name: 'Market maker account',
        type: 'market_maker',
        status: 'suspended',
      },
    ],
    collateral,
    notices: [
      {
        id: 'N-2611-01',
        publishedAt: day(0),
        title: 'Two-factor authentication is now required for CCMS Terminal sign-in',
        titleZh: 'CCMS 終端機登入現須使用雙重認證',
      },
      {
        id: 'N-2611-02',
        publishedAt: day(2),
        title: 'Intraday margin call schedule for the coming holiday',
        titleZh: '即將來臨假期的即日按金追收時間表',
      },
      {
        id: 'N-2611-03',
        publishedAt: day(6),
        title: 'Revised haircut rates for non-cash collateral',
        titleZh: '非現金抵押品扣減率修訂',
      },
    ],
  };
}
