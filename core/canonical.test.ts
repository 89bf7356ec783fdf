import { describe, expect, it } from 'vitest';
import { CANONICAL, idleBoundSeconds } from './canonical';

describe('canonical fix values', () => {
  it('detects a dead idle peer within a minute', () => {
    const { keepaliveIdleSeconds, keepaliveIntervalSeconds, keepaliveCount } = CANONICAL;
    expect(keepaliveIdleSeconds + keepaliveIntervalSeconds * keepaliveCount).toBe(60);
  });

  it('bounds idle lifetime 40 s below the middlebox timeout, 200 s when unknown, never under 30 s', () => {
    expect(idleBoundSeconds({})).toBe(200);
    expect(idleBoundSeconds({ middleboxIdleSeconds: 350 })).toBe(310);
    expect(idleBoundSeconds({ middleboxIdleSeconds: 60 })).toBe(30);
  });
});
