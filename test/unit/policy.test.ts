import { defaultPathway, CATEGORIES } from '../../domain/categories';
import { DEFAULT_POLICY, deadlineDuration, policyProblems, scaled, withOverrides } from '../../domain/policy';
import { STAGES } from '../../domain/stages';
import { DAY, HOUR } from '../../domain/time';

describe('policy', () => {
  test('risk-tiered deadlines follow the design table', () => {
    expect(deadlineDuration(DEFAULT_POLICY, 'first_response', 'high')).toBe(1 * HOUR);
    expect(deadlineDuration(DEFAULT_POLICY, 'first_response', 'medium')).toBe(3 * HOUR);
    expect(deadlineDuration(DEFAULT_POLICY, 'first_response', 'low')).toBe(24 * HOUR);
    expect(deadlineDuration(DEFAULT_POLICY, 'assessment', 'low')).toBe(10 * DAY);
    expect(deadlineDuration(DEFAULT_POLICY, 'referral_acceptance', 'low')).toBe(7 * DAY);
    expect(deadlineDuration(DEFAULT_POLICY, 'observation', 'high')).toBe(14 * DAY);
    expect(DEFAULT_POLICY.followUpVisits).toEqual([7 * DAY, 30 * DAY, 90 * DAY]);
  });

  test('overrides replace single values and keep the rest', () => {
    const p = withOverrides(DEFAULT_POLICY, { version: 'kaltim-1', riskTiered: { assessment: { high: 1 * DAY } } });
    expect(p.version).toBe('kaltim-1');
    expect(deadlineDuration(p, 'assessment', 'high')).toBe(1 * DAY);
    expect(deadlineDuration(p, 'assessment', 'medium')).toBe(5 * DAY);
    expect(DEFAULT_POLICY.riskTiered.assessment.high).toBe(2 * DAY); // the defaults are not mutated
  });

  test('category overrides win over the risk tier', () => {
    const p = withOverrides(DEFAULT_POLICY, { categoryOverrides: { anak_terlantar: { first_response: { low: 3 * HOUR } } } });
    expect(deadlineDuration(p, 'first_response', 'low', 'anak_terlantar')).toBe(3 * HOUR);
    expect(deadlineDuration(p, 'first_response', 'low', 'lansia_terlantar')).toBe(24 * HOUR);
  });

  test('a simulation time scale shrinks every deadline in proportion, never to zero', () => {
    const sim = withOverrides(DEFAULT_POLICY, { timeScale: 1 / 86_400 });
    expect(deadlineDuration(sim, 'observation', 'high')).toBe(14_000);
    expect(deadlineDuration(sim, 'first_response', 'high')).toBe(42);
    expect(scaled(sim, 10)).toBe(1);
  });

  test('invalid policies are reported, valid ones are not', () => {
    expect(policyProblems(DEFAULT_POLICY)).toEqual([]);
    const bad = withOverrides(DEFAULT_POLICY, { timeScale: 2, fixed: { observation: -1 }, escalation: { level3After: 1 } });
    expect(policyProblems(bad)).toEqual([
      'timeScale must be in (0, 1]',
      'fixed.observation must be a positive number of milliseconds',
      'escalation.level3After must be after level2After',
    ]);
  });
});

describe('categories and stages', () => {
  test('each category has a pathway', () => {
    expect(defaultPathway('odgj_terlantar')).toBe('odgj');
    expect(defaultPathway('orang_terlantar')).toBe('repatriation');
    expect(defaultPathway('korban_napza')).toBe('atensi');
    for (const c of CATEGORIES) expect(['odgj', 'repatriation', 'atensi']).toContain(defaultPathway(c));
  });

  test('the stages run from identification to closed', () => {
    expect(STAGES[0]).toBe('identification');
    expect(STAGES.at(-1)).toBe('closed');
  });
});
