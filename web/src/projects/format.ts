// Amounts as the zone prints them: 亿元 with two decimals, rounded half-up on the exact value.
import Decimal from 'decimal.js';

export const yi = (v: string | null | undefined) => (v === null || v === undefined ? '—' : new Decimal(v).toFixed(2));

export const STATUS_COLORS = { done: '#8c8c8c', on_time: '#389e0d', at_risk: '#d48806', behind: '#cf1322' } as const;
export const STAGE_COLORS = { negotiating: '#8c8c8c', signed: '#1677ff', started: '#d48806', producing: '#389e0d', at_capacity: '#722ed1' } as const;
export const LIGHT_COLORS = { green: '#389e0d', amber: '#d48806', red: '#cf1322', done: '#8c8c8c' } as const;
